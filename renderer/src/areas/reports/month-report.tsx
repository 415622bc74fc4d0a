import { useCallback, useState, type ReactNode } from 'react';
import type { Channel, ChannelResult } from '../../../../electron/contract/channels.ts';
import { ApiError, call } from '../../api/client.ts';
import { downloadPayload } from '../../api/files.ts';
import { useLatestLoad } from '../../components/use-latest-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MonthPicker, monthOf, type YearMonth } from '../attendance/sheet/month-picker.tsx';

type MonthChannel = 'reports/client' | 'reports/hours' | 'cost/month';
type ExportChannel = 'reports/exportClient' | 'reports/exportHours' | 'cost/export';

export function messageOf(caught: unknown): string {
  return caught instanceof ApiError ? caught.error.message : caught instanceof Error ? caught.message : String(caught);
}

/**
 * A month's report: the month chosen (today's by default), the latest answer for it, and the
 * backend's refusal in its own words (an unconfirmed calendar, a year without its rules).
 */
export function useMonthReport<C extends MonthChannel>(channel: C, today: string) {
  const [chosen, setChosen] = useState<YearMonth>(() => monthOf(today));
  const [failure, setFailure] = useState<string | null>(null);
  const fetch = useCallback(async () => {
    setFailure(null);
    return call<MonthChannel>(channel, chosen) as Promise<ChannelResult<C>>;
  }, [channel, chosen]);
  const onError = useCallback((caught: unknown) => setFailure(messageOf(caught)), []);
  const { value, loading, reload } = useLatestLoad(fetch, onError);
  return { chosen, setChosen, report: failure ? null : value, failure, loading, reload };
}

/** The month picker, the tab's own buttons, and 导出 Excel for the month chosen. */
export function MonthToolbar(props: {
  chosen: YearMonth;
  onChosen: (next: YearMonth) => void;
  exportChannel: ExportChannel;
  disabled: boolean;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const exportMonth = async () => {
    setBusy(true);
    try {
      downloadPayload(await call(props.exportChannel satisfies Channel, props.chosen));
      props.onNotice(t('reports.exported'), 'ok');
    } catch (caught) {
      props.onNotice(messageOf(caught), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar no-print">
      <MonthPicker value={props.chosen} onChange={props.onChosen} />
      {props.children}
      <button type="button" onClick={() => void exportMonth()} disabled={props.disabled || busy}>
        {t('reports.exportXlsx')}
      </button>
    </div>
  );
}

export function ReportStatus({ loading, failure }: { loading: boolean; failure: string | null }) {
  const { t } = useI18n();
  if (failure) return <div className="form-banner" role="alert">{failure}</div>;
  return loading ? <p className="hint" role="status">{t('reports.loading')}</p> : null;
}
