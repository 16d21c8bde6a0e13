// Link policy: only absolute http(s) and mailto URLs. Shared by the editor (what may be linked),
// the validator (what may be stored) and the renderer (what may be emitted).

export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;
export const MAX_HREF_LENGTH = 2048;

// Browsers ignore ASCII tab/newline anywhere in a URL and C0 controls/space at its ends, which is
// how `java\tscript:` becomes `javascript:`. We also remove the Unicode spaces and invisible
// format characters that look like nothing but could hide a scheme from a naive prefix check.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Why `href` is not allowed, or null when it is. */
export function hrefProblem(href: unknown): string | null {
  if (typeof href !== 'string') return 'link href must be a string';
  if (href.length > MAX_HREF_LENGTH)
    return `link href is longer than ${MAX_HREF_LENGTH} characters`;
  const trimmed = href.trim();
  if (!trimmed) return 'link href is empty';
  // Raw control characters have no business in a link and are a classic obfuscation.
  if (CONTROL.test(trimmed) || /[\t\n\r]/.test(trimmed))
    return 'link href contains control characters';
  // Scheme check on the squashed, case-folded form: catches `JaVaScRiPt:`, ` javascript:`,
  // `java\u200bscript:` and entity-like forms (`javascript&colon;`, `&#106;avascript:`), none of
  // which start with an allowed scheme.
  const squashed = trimmed.replace(INVISIBLE, '').toLowerCase();
  if (!/^(?:https?:\/\/|mailto:)/.test(squashed)) {
    return 'link href must start with http://, https:// or mailto:';
  }
  // Then parse the way a browser will, and check the scheme it actually ends up with.
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'link href is not a valid URL';
  }
  if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) {
    return 'link href must use http, https or mailto';
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) {
    return 'link href has no host';
  }
  if (url.protocol === 'mailto:' && !url.pathname) return 'mailto link has no address';
  return null;
}

export function isSafeHref(href: unknown): href is string {
  return hrefProblem(href) === null;
}
