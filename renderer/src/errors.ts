import { isAppError } from '../../shared/ipc/result';

const FALLBACK = '操作没有完成，请重试。如果反复出现，请重新启动台账通。';

/**
 * The text to show for a failed call. Core errors already carry a Chinese message written
 * for the user; anything else is a bug on our side, and its raw text (often English, or a
 * stack) would only confuse, so it is replaced.
 */
export function errorText(e: unknown): string {
  return isAppError(e) && e.message ? e.message : FALLBACK;
}
