import { useCallback, useEffect, useState } from 'react';
import type { AttendanceRules, PunchReport, PunchSummary } from '../../../../electron/contract/areas/attendance.ts';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './attendance.css';
import { ImportDialog } from '../../components/ImportDialog.tsx';

/** 打卡记录: what is stored, the import of the attendance machine's files, and the lateness rules. */
export function PunchesTab({ onNotice }: AttendanceTabProps) {
  const { t } = useI18n();
  const [summary, setSummary] = useState<PunchSummary | null>(null);
  const [importing, setImporting] = useState(false);

  const reload = useCallback(async () => {
    try {
      setSummary(await call('punches/summary', {}));
    } catch (caught) {
      onNotice(t('app.error', { message: caught instanceof ApiError ? caught.error.message : String(caught) }), 'error');
    }
  }, [onNotice, t]);
  useEffect(() => void reload(), [reload]);

  return (
    <div className="attendance-tab">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setImporting(true)}>{t('punches.import')}</button>
        <span data-testid="punch-summary">
          {summary === null ? '' : summary.count === 0 ? t('punches.none') : t('punches.stored', { count: summary.count, first: summary.first?.replace('T', ' ') ?? '', last: summary.last?.replace('T', ' ') ?? '' })}
        </span>
      </div>
      <p className="hint">{t('punches.hint')}</p>
      <RulesForm onNotice={onNotice} />
      {importing ? (
        <ImportDialog
          title={t('punches.importTitle')}
          check={(upload) => call('punches/check', upload)}
          apply={async (upload, goodRowsOnly) => t('punches.applied', { written: (await call('punches/apply', { ...upload, goodRowsOnly })).written })}
          summary={(report: PunchReport) => t('punches.report', { total: report.totalRows, good: report.goodRows, bad: report.errors.length })}
          problemPrefixes={['punches.problem.']}
          applyAllLabel={t('punches.applyAll')}
          applyGoodLabel={(good) => t('punches.applyGood', { good })}
          summaryTestId="punch-import-summary"
          onClose={() => setImporting(false)}
          onDone={(text) => {
            setImporting(false);
            onNotice(text, 'ok');
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}

function RulesForm({ onNotice }: { onNotice: AttendanceTabProps['onNotice'] }) {
  const { t } = useI18n();
  const [rules, setRules] = useState<AttendanceRules | null>(null);
  useEffect(() => {
    void call('attendance/settings', {}).then(setRules, (caught: unknown) => onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error'));
  }, [onNotice]);
  if (!rules) return null;
  async function save() {
    if (!rules) return;
    try {
      setRules(await call('attendance/settings', { set: rules }));
      onNotice(t('punches.saved'), 'ok');
    } catch (caught) {
      onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    }
  }
  return (
    <fieldset className="attendance-rules">
      <legend>{t('punches.rules')}</legend>
      <div className="inline-form">
        <label>
          <span>{t('punches.grace')}</span>
          <input type="number" min={0} max={120} value={rules.lateGraceMinutes} onChange={(event) => setRules({ ...rules, lateGraceMinutes: Number(event.target.value) })} />
        </label>
        <label>
          <span>{t('punches.halfDay')}</span>
          <input type="number" min={0} max={240} value={rules.halfDayAfterMinutes} onChange={(event) => setRules({ ...rules, halfDayAfterMinutes: Number(event.target.value) })} />
        </label>
        <button type="button" onClick={() => void save()}>{t('punches.save')}</button>
      </div>
    </fieldset>
  );
}
