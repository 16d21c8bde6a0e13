/**
 * The one wrapper for route handlers: resolves the session, maps every error to a safe JSON
 * body with the right status, and never lets raw exception text out.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { currentUser, type SessionUser } from '../auth/session';
import { AppError, errorBody, toAppError } from '../errors/app-error';

type Handler<P> = (ctx: {
  req: NextRequest;
  user: SessionUser;
  params: P;
}) => Promise<Response | unknown>;

export function errorResponse(err: unknown): NextResponse {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL' || appError.code === 'UNAVAILABLE') {
    console.error('[closeread] request failed:', (appError.cause as Error | undefined) ?? appError);
  }
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (appError.retryAfterSeconds) headers['Retry-After'] = String(appError.retryAfterSeconds);
  return NextResponse.json(errorBody(appError), { status: appError.status, headers });
}

/** A route handler that requires a signed-in user (401 otherwise). */
export function withUser<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError('UNAUTHENTICATED');
      const result = await handler({ req, user, params: await context.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
