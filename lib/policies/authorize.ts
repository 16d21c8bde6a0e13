import { AppError } from '../errors/app-error';

/**
 * The one gate: a resource the actor cannot see is NOT_FOUND (no existence leak); one they can
 * see but may not act on is FORBIDDEN.
 */
export function authorize(check: { visible: boolean; allowed: boolean }): void {
  if (!check.visible) throw new AppError('NOT_FOUND');
  if (!check.allowed) throw new AppError('FORBIDDEN');
}
