import { AppError } from '@/lib/errors/app-error';

/** File names end up in user-facing messages, so keep them short and printable. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'The file';
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export function unreadable(name: string, cause?: unknown, detail?: string): AppError {
  return new AppError(
    'BAD_REQUEST',
    `"${displayName(name)}" could not be read${detail ? ` (${detail})` : ''}. The file may be damaged or incomplete.`,
    { cause },
  );
}

export function passwordProtected(name: string, cause?: unknown): AppError {
  return new AppError(
    'BAD_REQUEST',
    `"${displayName(name)}" is password-protected. Remove the password and upload it again.`,
    { cause },
  );
}

export function noText(name: string): AppError {
  return new AppError(
    'BAD_REQUEST',
    `"${displayName(name)}" contains no text that could be extracted. A scanned document needs text recognition (OCR) first.`,
  );
}

export function unsupported(name: string, detail: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `"${displayName(name)}" cannot be imported: ${detail} Supported formats are plain text (.txt), Markdown (.md), HTML (.html), Word (.docx) and PDF (.pdf).`,
  );
}

export function tooLarge(name: string, bytes: number, max: number): AppError {
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `"${displayName(name)}" is ${mb(bytes)}; the largest file that can be imported is ${mb(max)}.`,
  );
}

export function tooManyBlocks(name: string, count: number, max: number): AppError {
  return new AppError(
    'BAD_REQUEST',
    `"${displayName(name)}" has ${count > max ? `more than ${max.toLocaleString('en-US')}` : count} paragraphs; split it into smaller documents (at most ${max.toLocaleString('en-US')} each).`,
  );
}

/**
 * Parser libraries throw whatever they like (strings, zip errors, pdf.js exceptions). Callers
 * only ever see an AppError; anything else means the file could not be read.
 */
export async function wrapParserErrors<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(name, err);
  }
}
