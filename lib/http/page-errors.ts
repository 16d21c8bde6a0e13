import { notFound } from 'next/navigation';
import { isAppError } from '../errors/app-error';

/** Pages show Next's 404 for NOT_FOUND (and FORBIDDEN reads); anything else goes to the error page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) notFound();
    throw err;
  }
}
