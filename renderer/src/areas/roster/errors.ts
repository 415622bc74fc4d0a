import { ApiError } from '../../api/client.ts';
import type { Translate } from '../../i18n/i18n.tsx';

/** What to tell the user about a failed request: the backend's own words where it gave some. */
export function errorText(caught: unknown, t: Translate): string {
  return t('app.error', { message: caught instanceof ApiError ? caught.error.message : caught instanceof Error ? caught.message : String(caught) });
}
