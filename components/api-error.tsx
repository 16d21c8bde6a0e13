'use client';

/** A failed API call as a form shows it. */
export type ApiFailure = { status: number; message: string };

/**
 * The alert for a failed API call. When the session has ended (401) it offers a way back in that
 * returns to this page; comment editors keep what was written as a draft on this device, so
 * reopening the same composer after signing in brings it back.
 */
export function ApiErrorAlert({
  failure,
  className = 'error small',
}: {
  failure: ApiFailure | null;
  className?: string;
}) {
  if (!failure) return null;
  const here =
    typeof window === 'undefined' ? '/' : `${window.location.pathname}${window.location.search}`;
  return (
    <p role="alert" className={className}>
      {failure.status === 401 ? 'Your session has ended. ' : null}
      {failure.status === 401 ? null : failure.message}
      {failure.status === 401 ? (
        <>
          <a href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in again</a>; what you
          wrote is kept as a draft on this device.
        </>
      ) : null}
    </p>
  );
}
