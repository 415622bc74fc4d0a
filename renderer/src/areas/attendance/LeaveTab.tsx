import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAccess } from '../../components/access.tsx';
import type { LeaveRequest, LeaveStatus } from '../../../../electron/contract/areas/leave.ts';
import type { StaffRow } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { inDomains, useChanges } from '../../components/changes.ts';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { LeaveBalances } from './leave/LeaveBalances.tsx';
import { TimeAccount } from './leave/TimeAccount.tsx';
import { LEAVE_STATUSES } from './leave/leave-labels.ts';
import { LeaveRequestDialog } from './leave/LeaveRequestDialog.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './leave.css';

type View = 'requests' | 'balances' | 'timeAccount';

function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** 请假: the month's requests with their decisions, a new-request dialog, and the annual balances. */
export function LeaveTab({ centre, info, onNotice, leaveFocus }: AttendanceTabProps) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('requests');
  const [month, setMonth] = useState(leaveFocus?.month ?? info.today.slice(0, 7));
  const [status, setStatus] = useState<LeaveStatus | ''>(leaveFocus?.status ?? '');
  const [requests, setRequests] = useState<LeaveRequest[]>([]);
  const [staff, setStaff] = useState<StaffRow[]>([]);
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<LeaveRequest | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [accountStaffId, setAccountStaffId] = useState<number | null>(null);
  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  // Deciding is the dispatcher's (tiered approval); a lead records requests for their zones.
  const decides = useAccess().can('leave/decide');
  useChanges((change) => inDomains(change, ['leave']), refresh);

  const report = useCallback((caught: unknown) => onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error'), [onNotice]);

  useEffect(() => {
    call('staff/list', {}).then(setStaff).catch(report);
  }, [report]);

  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    let current = true;
    call('leave/list', { ...monthBounds(month), status: status === '' ? undefined : status })
      .then((result) => current && setRequests(result))
      .catch(report);
    return () => {
      current = false;
    };
  }, [month, status, refreshKey, report]);

  async function decide(request: LeaveRequest, decision: 'approved' | 'rejected', note = '', acknowledgeConflicts = false): Promise<boolean> {
    try {
      await call('leave/decide', { id: request.id, version: request.version, decision, note, acknowledgeConflicts });
      onNotice(t(decision === 'approved' ? 'leave.approved' : 'leave.rejected', { name: request.name }), 'ok');
      refresh();
      return true;
    } catch (caught) {
      // Cover is checked again on approval; the approver may still approve, knowing.
      if (decision === 'approved' && !acknowledgeConflicts && caught instanceof ApiError && caught.error.code === 'conflict') {
        if (window.confirm(`${caught.error.message}\n\n${t('leave.approveAnyway')}`)) return decide(request, decision, note, true);
        return false;
      }
      report(caught);
      return false;
    }
  }

  async function cancel(request: LeaveRequest) {
    try {
      await call('leave/cancel', { id: request.id, version: request.version });
      onNotice(t('leave.cancelled', { name: request.name }), 'ok');
      refresh();
    } catch (caught) {
      report(caught);
    }
  }

  const sorted = useMemo(() => [...requests].sort((a, b) => a.from.localeCompare(b.from) || a.id - b.id), [requests]);

  return (
    <div className="leave-tab">
      <div className="toolbar" role="toolbar" aria-label={t('attendance.tab.leave')}>
        <div className="leave-views" role="group">
          {(['requests', 'balances', 'timeAccount'] as const).map((name) => (
            <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
              {t(`leave.view.${name}` as MessageKey)}
            </button>
          ))}
        </div>
        {view === 'requests' ? (
          <>
            <label className="toolbar-field">
              <span>{t('leave.month')}</span>
              <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
            </label>
            <label className="toolbar-field">
              <span>{t('leave.statusFilter')}</span>
              <select value={status} onChange={(event) => setStatus(event.target.value as LeaveStatus | '')}>
                <option value="">{t('leave.allStatuses')}</option>
                {LEAVE_STATUSES.map((code) => (
                  <option key={code} value={code}>{t(`leave.status.${code}` as MessageKey)}</option>
                ))}
              </select>
            </label>
            <span className="count">{t('leave.count', { count: sorted.length })}</span>
          </>
        ) : null}
        <span className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => setCreating(true)}>{t('leave.new')}</button>
      </div>

      {view === 'requests' ? (
        <div className="report-scroll">
          <table className="plain-table leave-table" aria-label={t('leave.view.requests')}>
            <thead>
              <tr>
                <th scope="col">{t('leave.col.person')}</th>
                <th scope="col">{t('leave.col.type')}</th>
                <th scope="col">{t('leave.col.dates')}</th>
                <th scope="col">{t('leave.col.part')}</th>
                <th scope="col" className="num">{t('leave.col.days')}</th>
                <th scope="col">{t('leave.col.status')}</th>
                <th scope="col">{t('leave.col.reason')}</th>
                <th scope="col">{t('leave.col.decision')}</th>
                <th scope="col">{t('leave.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.length === 0 ? (
                <tr>
                  <td colSpan={9} className="muted">{t('leave.empty')}</td>
                </tr>
              ) : null}
              {sorted.map((request) => (
                <tr key={request.id} data-leave-id={request.id} className={`leave-row leave-${request.status}`}>
                  <th scope="row">{`${request.name} ${request.employeeNo}`}</th>
                  <td>{t(`leave.type.${request.type}` as MessageKey)}</td>
                  <td>{request.from === request.to ? request.from : `${request.from} ～ ${request.to}`}</td>
                  <td>{t(`leave.part.${request.part}` as MessageKey)}</td>
                  <td className="num">{request.days}</td>
                  <td>
                    <span className={`leave-status leave-status-${request.status}`} data-testid="leave-status">{t(`leave.status.${request.status}` as MessageKey)}</span>
                    {request.conflictsAcknowledged ? <span className="leave-ack" title={t('leave.acknowledgedMark')} aria-label={t('leave.acknowledgedMark')}> ⚠</span> : null}
                  </td>
                  <td className="leave-reason-cell">{request.reason}</td>
                  <td className="leave-reason-cell">{request.decisionNote ?? ''}</td>
                  <td className="leave-actions">
                    {decides && request.status === 'pending' ? (
                      <>
                        <button type="button" className="primary" onClick={() => void decide(request, 'approved')}>{t('leave.approve')}</button>
                        <button type="button" onClick={() => setRejecting(request)}>{t('leave.reject')}</button>
                      </>
                    ) : null}
                    {decides && (request.status === 'pending' || request.status === 'approved') ? (
                      <button type="button" onClick={() => void cancel(request)}>{t('leave.cancel')}</button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : view === 'balances' ? (
        <LeaveBalances staff={staff} today={info.today} refreshKey={refreshKey} onNotice={onNotice} />
      ) : (
        <TimeAccount staff={staff} today={info.today} refreshKey={refreshKey} staffId={accountStaffId} onStaffId={setAccountStaffId} onNotice={onNotice} />
      )}

      {creating ? (
        <LeaveRequestDialog
          centre={centre}
          staff={staff}
          today={info.today}
          onClose={() => setCreating(false)}
          onSubmitted={(name) => {
            setCreating(false);
            onNotice(t('leave.submitted', { name }), 'ok');
            refresh();
          }}
        />
      ) : null}
      {rejecting ? (
        <ReasonDialog
          title={t('leave.reject.title')}
          summary={`${rejecting.name} · ${t(`leave.type.${rejecting.type}` as MessageKey)} · ${rejecting.from} ～ ${rejecting.to}`}
          noteLabel={t('leave.reject.note')}
          closeLabel={t('leave.form.close')}
          confirmLabel={t('leave.reject.confirm')}
          onClose={() => setRejecting(null)}
          onConfirm={async (note) => {
            if (await decide(rejecting, 'rejected', note)) setRejecting(null);
          }}
        />
      ) : null}
    </div>
  );
}
