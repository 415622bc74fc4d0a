import { useCallback } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localMessage } from './roster-format.ts';

/** A failure's own words in the user's language: the backend writes its refusals "中文 / English". */
export function plainMessage(caught: unknown, language: 'zh-CN' | 'en'): string {
  const message = caught instanceof ApiError ? caught.error.message : caught instanceof Error ? caught.message : String(caught);
  return localMessage(message, language);
}

/** What to tell the user about a failed request, as a notice line. */
export function useErrorText(): (caught: unknown) => string {
  const { t, language } = useI18n();
  return useCallback((caught: unknown) => t('app.error', { message: plainMessage(caught, language) }), [t, language]);
}
