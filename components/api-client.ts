'use client';

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fields?: Record<string, string[]> };

/** fetch() for our JSON API, with one shape for errors the UI can show. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
    const json = (await res.json().catch(() => null)) as {
      data?: T;
      error?: { message: string; fields?: Record<string, string[]> };
    } | null;
    if (res.ok) return { ok: true, data: (json?.data ?? json) as T };
    return {
      ok: false,
      status: res.status,
      message: json?.error?.message ?? 'Something went wrong. Please try again.',
      fields: json?.error?.fields,
    };
  } catch {
    return {
      ok: false,
      status: 0,
      message: 'Could not reach Closeread. Check your connection and try again.',
    };
  }
}
