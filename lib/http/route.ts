/**
 * The one wrapper for route handlers: resolves who is asking (session cookie or API token),
 * refuses cross-origin cookie mutations, maps every error to a safe JSON body with the right
 * status, and never lets raw exception text out.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { requestUser, type RequestUser } from '../auth/request-user';
import { AppError, errorBody, toAppError } from '../errors/app-error';

export function errorResponse(err: unknown): NextResponse {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL' || appError.code === 'UNAVAILABLE') {
    console.error('[closeread] request failed:', (appError.cause as Error | undefined) ?? appError);
  }
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (appError.retryAfterSeconds) headers['Retry-After'] = String(appError.retryAfterSeconds);
  return NextResponse.json(errorBody(appError), { status: appError.status, headers });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated mutations must come from our own pages (CSRF defence). */
export function assertSameOrigin(req: NextRequest): void {
  const site = req.headers.get('sec-fetch-site');
  if (site) {
    if (site !== 'same-origin' && site !== 'none')
      throw new AppError('FORBIDDEN', 'Cross-site requests are not allowed.');
    return;
  }
  const origin = req.headers.get('origin');
  if (!origin) return; // not a browser: browsers send Origin or Sec-Fetch-Site on mutations
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host)
    throw new AppError('FORBIDDEN', 'Cross-site requests are not allowed.');
}

type Ctx<P> = { req: NextRequest; params: P };
type Result = Response | unknown;

function wrap<P>(run: (req: NextRequest, params: P) => Promise<Result>, status = 200) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const result = await run(req, await context.params);
      return result instanceof Response ? result : NextResponse.json(result, { status });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** A route handler that requires a signed-in user (401 otherwise). */
export function withUser<P = Record<string, never>>(
  handler: (ctx: Ctx<P> & { user: RequestUser }) => Promise<Result>,
  options: { status?: number } = {},
) {
  return wrap<P>(async (req, params) => {
    const user = await requestUser(req);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method)) {
      if (user.via === 'session') assertSameOrigin(req);
      else if (user.scope !== 'write')
        throw new AppError('FORBIDDEN', 'This API token is read-only.');
    }
    return handler({ req, params, user });
  }, options.status);
}

/** A route handler open to anonymous users (the user is resolved when signed in). */
export function withOptionalUser<P = Record<string, never>>(
  handler: (ctx: Ctx<P> & { user: RequestUser | null }) => Promise<Result>,
  options: { status?: number } = {},
) {
  return wrap<P>(async (req, params) => {
    if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
    return handler({ req, params, user: await requestUser(req) });
  }, options.status);
}
