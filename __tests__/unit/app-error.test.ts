import { AppError, errorBody, toAppError } from '@/lib/errors/app-error';

describe('AppError', () => {
  it('maps codes to HTTP statuses', () => {
    expect(new AppError('NOT_FOUND').status).toBe(404);
    expect(new AppError('FORBIDDEN').status).toBe(403);
    expect(new AppError('UNAUTHENTICATED').status).toBe(401);
    expect(new AppError('BAD_REQUEST').status).toBe(400);
    expect(new AppError('RATE_LIMITED').status).toBe(429);
  });

  it('never exposes the text of an unexpected exception', () => {
    const err = toAppError(new Error('relation "secret_table" does not exist at /srv/app.js:12'));
    expect(err.code).toBe('INTERNAL');
    expect(JSON.stringify(errorBody(err))).not.toContain('secret_table');
  });

  it('treats a refused database connection as temporarily unavailable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(toAppError(new Error('wrapped', { cause: refused })).code).toBe('UNAVAILABLE');
  });

  it("treats Prisma's unreachable-database errors as unavailable, not internal", () => {
    // The shape Prisma 7 throws through the pg adapter while PostgreSQL restarts.
    const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
      code: 'P1001',
    });
    expect(toAppError(unreachable).code).toBe('UNAVAILABLE');
    const adapter = Object.assign(new Error('Invalid invocation'), {
      code: 'P2010',
      meta: {
        driverAdapterError: Object.assign(new Error('ConnectionClosed'), {
          name: 'DriverAdapterError',
        }),
      },
    });
    expect(toAppError(adapter).code).toBe('UNAVAILABLE');
    expect(toAppError(Object.assign(new Error('x'), { code: 'P2002' })).code).toBe('INTERNAL');
  });

  it('keeps field errors for bad input', () => {
    const err = new AppError('BAD_REQUEST', 'Invalid', { fields: { name: ['Too long'] } });
    expect(errorBody(err)).toEqual({
      error: { code: 'BAD_REQUEST', message: 'Invalid', fields: { name: ['Too long'] } },
    });
  });
});
