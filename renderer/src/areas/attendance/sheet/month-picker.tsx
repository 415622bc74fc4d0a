import { useI18n } from '../../../i18n/i18n.tsx';

export interface YearMonth {
  year: number;
  month: number;
}

/** The month of a 'YYYY-MM-DD' day. */
export function monthOf(today: string): YearMonth {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/** A native month input: keyboard-friendly, and the browser words it in the user's language. */
export function MonthPicker({ value, onChange }: { value: YearMonth; onChange: (next: YearMonth) => void }) {
  const { t } = useI18n();
  const text = `${value.year}-${String(value.month).padStart(2, '0')}`;
  return (
    <label className="month-picker">
      <span>{t('sheet.month')}</span>
      <input
        type="month"
        value={text}
        onChange={(event) => {
          const match = /^(\d{4})-(\d{2})$/.exec(event.target.value);
          if (match) onChange({ year: Number(match[1]), month: Number(match[2]) });
        }}
      />
    </label>
  );
}
