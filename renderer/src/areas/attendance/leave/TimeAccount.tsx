import { useEffect, useState } from 'react';
import type { TimeAccountView } from '../../../../../electron/contract/areas/leave.ts';
import type { StaffRow } from '../../../../../electron/contract/model.ts';
import { ApiError, call } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';

const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toFixed(1);
const signed = (minutes: number) => `${minutes > 0 ? '+' : minutes < 0 ? '−' : ''}${hours(Math.abs(minutes))}`;

/**
 * 调休账户: one person's time account as it reaches a month, every entry with where it came from,
 * the hours in or out, its lot's earning date and expiry, and the balance after it. Beside the
 * requests, since that is where a dispatcher decides a 调休 and meets its balance.
 */
export function TimeAccount(props: { staff: StaffRow[]; today: string; refreshKey: number; staffId: number | null; onStaffId: (id: number) => void; onNotice: (text: string, tone: 'ok' | 'error') => void }) {
  const { t } = useI18n();
  const { onNotice } = props;
  const people = props.staff.filter((person) => person.status !== 'departed');
  const [month, setMonth] = useState(props.today.slice(0, 7));
  const [view, setView] = useState<TimeAccountView | null>(null);
  // The person stays chosen while the dispatcher goes to the requests and back.
  const chosen = props.staffId ?? people[0]?.id ?? null;

  useEffect(() => {
    if (chosen === null || !/^\d{4}-\d{2}$/.test(month)) return;
    let current = true;
    call('leave/timeAccount', { staffId: chosen, year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) })
      .then((result) => current && setView(result))
      .catch((caught: unknown) => {
        if (current) setView(null);
        onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
      });
    return () => {
      current = false;
    };
  }, [chosen, month, props.refreshKey, onNotice]);

  return (
    <div className="time-account">
      <div className="toolbar">
        <label className="toolbar-field">
          <span>{t('leave.col.person')}</span>
          <select value={chosen ?? ''} onChange={(event) => props.onStaffId(Number(event.target.value))}>
            {people.map((person) => (
              <option key={person.id} value={person.id}>{`${person.name} ${person.employeeNo}`}</option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span>{t('leave.month')}</span>
          <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        </label>
        {view ? <strong className="time-account-balance">{t('leave.account.balance', { hours: hours(view.balanceMinutes) })}</strong> : null}
      </div>
      {view?.contract === 'comprehensive' ? <p className="muted">{t('leave.account.comprehensive')}</p> : null}
      {view ? (
        <>
          <p className="muted">{view.policy.expiry === 'quarter' ? t('leave.account.policyQuarter') : t('leave.account.policyMonths', { months: view.policy.months })}{' '}{view.policy.onExpiry === 'forfeit' ? t('leave.account.onForfeit') : t('leave.account.onPayout')}</p>
          <div className="report-scroll">
            <table className="plain-table" aria-label={t('leave.view.timeAccount')}>
              <thead>
                <tr>
                  <th scope="col">{t('leave.account.date')}</th>
                  <th scope="col">{t('leave.account.source')}</th>
                  <th scope="col" className="num">{t('leave.account.hours')}</th>
                  <th scope="col">{t('leave.account.earnedOn')}</th>
                  <th scope="col">{t('leave.account.expiresOn')}</th>
                  <th scope="col" className="num">{t('leave.account.after')}</th>
                </tr>
              </thead>
              <tbody>
                {view.entries.length === 0 ? (
                  <tr><td colSpan={6} className="muted">{t('leave.account.empty')}</td></tr>
                ) : view.entries.map((entry, index) => (
                  <tr key={`${entry.date}|${entry.source}|${entry.earnedOn}|${index}`}>
                    <td>{entry.date}</td>
                    <td>{t(`leave.account.source.${entry.source}` as MessageKey)}</td>
                    <td className="num">{signed(entry.minutes)}</td>
                    <td>{entry.earnedOn}</td>
                    <td>{entry.expiresOn}</td>
                    <td className={entry.balanceMinutes < 0 ? 'num warn-text' : 'num'}>{hours(entry.balanceMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
