import { useI18n } from '../i18n/i18n.tsx';

/**
 * 「节假日安排待国务院通知确认」 on whatever rests on a year whose notice is not confirmed (a roster,
 * the board, the forecast, the what-if): its statutory days are the law's, and no 调休 is assumed.
 */
export function ProvisionalLabel({ years }: { years: readonly number[] }) {
  const { t } = useI18n();
  if (years.length === 0) return null;
  return (
    <div className="provisional-label" role="note" data-testid="provisional-label">
      <strong>{t('provisional.label')}</strong> <span>{t('provisional.detail', { years: years.join('、') })}</span>
    </div>
  );
}
