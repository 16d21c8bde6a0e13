/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
