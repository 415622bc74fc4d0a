import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttendanceRules, PunchReport, PunchSummary } from '../../../../electron/contract/areas/attendance.ts';
import { ApiError, call } from '../../api/client.ts';
import { readAsBase64 } from '../../api/files.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './attendance.css';
import { detailText } from '../../components/TransferControls.tsx';

/** 打卡记录: what is stored, the import of the attendance machine's files, and the lateness rules. */
export function PunchesTab({ onNotice }: AttendanceTabProps) {
  const { t } = useI18n();
  const [summary, setSummary] = useState<PunchSummary | null>(null);
  const [importing, setImporting] = useState(false);

  const reload = useCallback(async () => {
    try {
      setSummary(await call('punches/summary', {}));
    } catch (caught) {
      onNotice(t('app.error', { message: String(caught) }), 'error');
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
        <PunchImportDialog
          onClose={() => setImporting(false)}
          onDone={(written) => {
            setImporting(false);
            onNotice(t('punches.applied', { written }), 'ok');
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
    void call('attendance/settings', {}).then(setRules, (caught: unknown) => onNotice(String(caught), 'error'));
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

/** Checked in full first; the user sees every bad row and chooses all (only when clean) or the good rows. */
function PunchImportDialog(props: { onClose: () => void; onDone: (written: number) => void }) {
  const { t } = useI18n();
  const file = useRef<{ fileName: string; base64: string } | null>(null);
  const [report, setReport] = useState<PunchReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setReport(null);
    setFailure(null);
    setBusy(true);
    try {
      file.current = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setReport(await call('punches/check', file.current));
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  async function apply(goodRowsOnly: boolean) {
    if (!file.current) return;
    setBusy(true);
    try {
      props.onDone((await call('punches/apply', { ...file.current, goodRowsOnly })).written);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  const problemLabel = (problem: string) => {
    const key = `punches.problem.${problem}`;
    return isMessageKey(key) ? t(key) : problem;
  };
  const bad = report?.errors.length ?? 0;
  return (
    <Dialog title={t('punches.importTitle')} onClose={props.onClose} wide>
      <div className="form-stack">
        <label className="field">
          <span>{t('transfer.choose')}</span>
          <input type="file" accept=".xlsx,.csv" onChange={(event) => void choose(event.target.files?.[0])} />
        </label>
        {busy ? <p role="status" className="progress">{t('transfer.checking')}</p> : null}
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        {report ? (
          <>
            <p role="status" data-testid="punch-import-summary">{t('punches.report', { total: report.totalRows, good: report.goodRows, bad })}</p>
            {bad > 0 ? (
              <div className="report-scroll">
                <table className="plain-table" aria-label={t('transfer.problem')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('transfer.line')}</th>
                      <th scope="col">{t('transfer.column')}</th>
                      <th scope="col">{t('transfer.problem')}</th>
                      <th scope="col">{t('transfer.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.slice(0, 500).map((error, index) => (
                      <tr key={index}>
                        <td>{error.line || '—'}</td>
                        <td>{error.column ?? '—'}</td>
                        <td>{problemLabel(error.problem)}</td>
                        <td>{detailText(error.detail, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('form.cancel')}</button>
          {report && bad > 0 && report.goodRows > 0 ? (
            <button type="button" onClick={() => void apply(true)} disabled={busy}>{t('punches.applyGood', { good: report.goodRows })}</button>
          ) : null}
          <button type="button" className="primary" onClick={() => void apply(false)} disabled={!report || bad > 0 || busy}>
            {t('punches.applyAll')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
