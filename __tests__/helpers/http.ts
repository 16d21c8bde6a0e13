/**
 * Calls route handlers the way Next does — a NextRequest and a params promise — with a real
 * next-auth session cookie, so tests exercise the same code path as the server.
 */
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';

export type Caller = { id: string; email: string; name: string } | null;

// `never` so that handlers with any params type are accepted (parameters are contravariant).
type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

export async function sessionCookie(user: NonNullable<Caller>): Promise<string> {
  const token = await encode({
    token: { uid: user.id, email: user.email, name: user.name, sub: user.id },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${token}`;
}

export async function call(
  handler: Handler,
  opts: {
    method?: string;
    caller?: Caller;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    path?: string;
    /** For streams (server-sent events): read nothing, then abort the request. */
    stream?: boolean;
  } = {},
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { host: 'localhost:3000', ...opts.headers };
  if (opts.caller) headers.cookie = await sessionCookie(opts.caller);
  let body: string | undefined;
  if (opts.rawBody !== undefined || opts.body !== undefined) {
    body = opts.rawBody ?? JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const abort = new AbortController();
  const req = new NextRequest(`http://localhost:3000${opts.path ?? '/api/test'}`, {
    method: opts.method ?? 'GET',
    headers,
    body,
    signal: abort.signal,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) as Promise<never> });
  if (opts.stream && res.ok) {
    abort.abort();
    await res.body?.cancel().catch(() => {});
    return { status: res.status, json: null };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}
