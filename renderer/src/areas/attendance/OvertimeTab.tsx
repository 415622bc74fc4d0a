import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OvertimeMonth, OvertimeRow } from '../../../../electron/contract/areas/attendance.ts';
import type { StaffRow } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { useAccess } from '../../components/access.tsx';
import { inDomains, useChanges } from '../../components/changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { MonthPicker, monthOf, type YearMonth } from './sheet/month-picker.tsx';
import { fromClock, toClock } from './ShiftsTab.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './leave.css';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * 加班审批: only approved overtime is paid. The month's overtime waiting for a decision (punches past
 * the duties, punches on a day without duties, plans asked ahead) with approve and reject, what was
 * decided, and a new planned request (a lead for their zones' people, the dispatcher for anyone).
 */
export function OvertimeTab({ info, onNotice }: AttendanceTabProps) {
  const { t } = useI18n();
  const access = useAccess();
  const [chosen, setChosen] = useState<YearMonth>(() => monthOf(info.today));
  const [data, setData] = useState<OvertimeMonth | null>(null);
  const [staff, setStaff] = useState<StaffRow[]>([]);
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<OvertimeRow | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  useChanges((change) => inDomains(change, ['overtime', 'punches', 'attendance', 'roster', 'board']), refresh);
  const report = useCallback((caught: unknown) => onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error'), [onNotice]);

  useEffect(() => {
    let current = true;
    call('overtime/month', chosen)
      .then((result) => current && setData(result))
      .catch((caught: unknown) => {
        if (current) setData(null);
        report(caught);
      });
    return () => {
      current = false;
    };
  }, [chosen, refreshKey, report]);
  useEffect(() => {
    call('staff/list', {}).then(setStaff).catch(report);
  }, [report]);

  const waiting = useMemo(() => (data?.rows ?? []).filter((row) => row.pendingMinutes > 0), [data]);
  const decided = useMemo(() => (data?.rows ?? []).filter((row) => row.pendingMinutes === 0), [data]);
  const mayDecide = (row: OvertimeRow) => access.can(row.kind === 'punch' ? 'overtime/decidePunch' : 'overtime/decide');

  async function decide(row: OvertimeRow, decision: 'approved' | 'rejected', note = ''): Promise<boolean> {
    try {
      if (row.kind === 'punch') await call('overtime/decidePunch', { staffId: row.staffId, date: row.date, minutes: row.pendingMinutes, decision, note });
      else await call('overtime/decide', { requestId: row.requestId!, decision, note });
      onNotice(t(decision === 'approved' ? 'overtime.approved' : 'overtime.rejected', { name: row.name, date: row.date }), 'ok');
      refresh();
      return true;
    } catch (caught) {
      report(caught);
      return false;
    }
  }

  const span = (row: OvertimeRow) => (row.startsAt !== null && row.endsAt !== null ? `${toClock(row.startsAt)}–${toClock(row.endsAt)}` : '');

  return (
    <div className="leave-tab overtime-tab">
      <div className="toolbar" role="toolbar" aria-label={t('attendance.tab.overtime')}>
        <MonthPicker value={chosen} onChange={setChosen} />
        <span className="count" data-testid="overtime-waiting-count">{t('overtime.waitingCount', { count: waiting.length })}</span>
        <span className="toolbar-spacer" />
        {access.can('overtime/request') ? <button type="button" className="primary" onClick={() => setCreating(true)}>{t('overtime.new')}</button> : null}
      </div>
      <p className="muted">{t('overtime.hint')}</p>

      <h2>{t('overtime.waiting')}</h2>
      <div className="report-scroll">
        <table className="plain-table leave-table overtime-waiting" aria-label={t('overtime.waiting')}>
          <thead>
            <tr>
              <th scope="col">{t('overtime.col.person')}</th>
              <th scope="col">{t('overtime.col.date')}</th>
              <th scope="col" className="num">{t('overtime.col.hours')}</th>
              <th scope="col">{t('overtime.col.source')}</th>
              <th scope="col">{t('overtime.col.reason')}</th>
              <th scope="col">{t('overtime.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">{t('overtime.noneWaiting')}</td>
              </tr>
            ) : null}
            {waiting.map((row) => (
              <tr key={`${row.kind}-${row.requestId ?? ''}-${row.staffId}-${row.date}`} data-employee-no={row.employeeNo} data-date={row.date} data-kind={row.kind}>
                <th scope="row">{`${row.name} ${row.employeeNo}`}</th>
                <td>{row.date}</td>
                <td className="num">{hours(row.pendingMinutes)}</td>
                <td>
                  {t(`overtime.source.${row.source}` as MessageKey)}
                  {row.kind === 'punch' && row.approvedMinutes > 0 ? ` ${t('overtime.partlyCovered', { hours: hours(row.approvedMinutes) })}` : ''}
                  {span(row) ? ` ${span(row)}` : ''}
                </td>
                <td className="leave-reason-cell">{row.reason}{row.requestedBy ? ` (${row.requestedBy})` : ''}</td>
                <td className="leave-actions">
                  {mayDecide(row) ? (
                    <>
                      <button type="button" className="primary" onClick={() => void decide(row, 'approved')}>{t('overtime.approve')}</button>
                      <button type="button" onClick={() => setRejecting(row)}>{t('overtime.reject')}</button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('overtime.decided')}</h2>
      <div className="report-scroll">
        <table className="plain-table leave-table overtime-decided" aria-label={t('overtime.decided')}>
          <thead>
            <tr>
              <th scope="col">{t('overtime.col.person')}</th>
              <th scope="col">{t('overtime.col.date')}</th>
              <th scope="col">{t('overtime.col.source')}</th>
              <th scope="col" className="num">{t('overtime.col.approvedHours')}</th>
              <th scope="col" className="num">{t('overtime.col.rejectedHours')}</th>
              <th scope="col">{t('overtime.col.status')}</th>
              <th scope="col">{t('overtime.col.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {decided.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">{t('overtime.noneDecided')}</td>
              </tr>
            ) : null}
            {decided.map((row) => (
              <tr key={`${row.kind}-${row.requestId ?? ''}-${row.staffId}-${row.date}`} data-employee-no={row.employeeNo} data-date={row.date} data-kind={row.kind}>
                <th scope="row">{`${row.name} ${row.employeeNo}`}</th>
                <td>{row.date}</td>
                <td>{t(`overtime.source.${row.source}` as MessageKey)}{span(row) ? ` ${span(row)}` : ''}</td>
                <td className="num">{hours(row.approvedMinutes) || ''}</td>
                <td className="num">{hours(row.rejectedMinutes) || ''}</td>
                <td><span className={`leave-status leave-status-${row.status}`}>{t(`overtime.status.${row.status}` as MessageKey)}</span></td>
                <td className="leave-reason-cell">{[row.decidedBy, row.decisionNote].filter(Boolean).join('：')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {creating ? (
        <OvertimeRequestDialog
          staff={staff}
          today={info.today}
          onClose={() => setCreating(false)}
          onSubmitted={(row) => {
            setCreating(false);
            onNotice(t('overtime.submitted', { name: row.name, date: row.date }), 'ok');
            refresh();
          }}
        />
      ) : null}
      {rejecting ? (
        <ReasonDialog
          title={t('overtime.reject.title')}
          summary={`${rejecting.name} · ${rejecting.date} · ${hours(rejecting.pendingMinutes)} h`}
          noteLabel={t('overtime.reject.note')}
          closeLabel={t('overtime.form.close')}
          confirmLabel={t('overtime.reject.confirm')}
          onClose={() => setRejecting(null)}
          onConfirm={async (note) => {
            if (await decide(rejecting, 'rejected', note)) setRejecting(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** A planned request: a person, a day, from–to (or minutes when the times are not known) and why. */
function OvertimeRequestDialog(props: { staff: StaffRow[]; today: string; onClose: () => void; onSubmitted: (row: OvertimeRow) => void }) {
  const { t, problem } = useI18n();
  const [staffId, setStaffId] = useState<number | null>(null);
  const [date, setDate] = useState(props.today);
  const [from, setFrom] = useState('17:30');
  const [to, setTo] = useState('18:30');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const employed = useMemo(() => props.staff.filter((person) => person.status !== 'departed'), [props.staff]);

  async function submit() {
    if (staffId === null) return;
    setBusy(true);
    try {
      props.onSubmitted(await call('overtime/request', { staffId, date, startsAt: fromClock(from), endsAt: fromClock(to), reason }));
    } catch (caught) {
      const fields = caught instanceof ApiError ? (caught.error.fields ?? {}) : {};
      setFieldErrors(Object.fromEntries(Object.entries(fields).map(([field, kind]) => [field, problem(field, kind)])));
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('overtime.form.title')} onClose={props.onClose}>
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {failure ? <p className="form-banner" role="alert">{failure}</p> : null}
        <Field label={t('overtime.form.person')} required error={fieldErrors.staffId}>
          <select value={staffId ?? ''} onChange={(event) => setStaffId(event.target.value === '' ? null : Number(event.target.value))} autoFocus>
            <option value="">{t('overtime.form.pickPerson')}</option>
            {employed.map((person) => (
              <option key={person.id} value={person.id}>{`${person.name} ${person.employeeNo}`}</option>
            ))}
          </select>
        </Field>
        <Field label={t('overtime.form.date')} required error={fieldErrors.date}>
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
        <Field label={t('overtime.form.from')} required error={fieldErrors.startsAt}>
          <input type="time" step={900} value={from} onChange={(event) => setFrom(event.target.value)} />
        </Field>
        <Field label={t('overtime.form.to')} required error={fieldErrors.endsAt}>
          <input type="time" step={900} value={to} onChange={(event) => setTo(event.target.value)} />
        </Field>
        <Field label={t('overtime.form.reason')} required error={fieldErrors.reason}>
          <input type="text" maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('overtime.form.close')}</button>
          <button type="submit" className="primary" disabled={busy || staffId === null || reason.trim() === ''}>{t('overtime.form.submit')}</button>
        </div>
      </form>
    </Dialog>
  );
}
