import { useEffect, useMemo, useState } from 'react';
import type { LeaveBalance } from '../../../../../electron/contract/areas/leave.ts';
import type { StaffRow } from '../../../../../electron/contract/model.ts';
import { ApiError, call } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Each employed person's annual leave for a year: what the law gives, what is used, what is left. */
export function LeaveBalances(props: { staff: StaffRow[]; today: string; refreshKey: number; onNotice: (text: string, tone: 'ok' | 'error') => void }) {
  const { t } = useI18n();
  const [year, setYear] = useState(Number(props.today.slice(0, 4)));
  const [balances, setBalances] = useState<LeaveBalance[]>([]);
  const { onNotice } = props;
  useEffect(() => {
    let current = true;
    call('leave/balances', { year })
      .then((result) => current && setBalances(result))
      .catch((caught: unknown) => onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error'));
    return () => {
      current = false;
    };
  }, [year, props.refreshKey, onNotice]);
  const people = useMemo(() => new Map(props.staff.map((person) => [person.id, person])), [props.staff]);

  return (
    <div className="leave-balances">
      <div className="toolbar">
        <label className="toolbar-field">
          <span>{t('leave.balance.year')}</span>
          <input type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value) || year)} />
        </label>
      </div>
      <div className="report-scroll">
        <table className="plain-table" aria-label={t('leave.view.balances')}>
          <thead>
            <tr>
              <th scope="col">{t('leave.col.person')}</th>
              <th scope="col">{t('leave.balance.workStart')}</th>
              <th scope="col">{t('leave.balance.hireDate')}</th>
              <th scope="col" className="num">{t('leave.balance.entitlement')}</th>
              <th scope="col" className="num">{t('leave.balance.taken')}</th>
              <th scope="col" className="num">{t('leave.balance.pending')}</th>
              <th scope="col" className="num">{t('leave.balance.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {balances.map((balance) => {
              const person = people.get(balance.staffId);
              return (
                <tr key={balance.staffId}>
                  <th scope="row">{person ? `${person.name} ${person.employeeNo}` : `#${balance.staffId}`}</th>
                  <td>{person?.workStartDate ?? '—'}</td>
                  <td>{person?.hireDate ?? ''}</td>
                  <td className="num">{balance.entitlement}</td>
                  <td className="num">{balance.taken}</td>
                  <td className="num">{balance.pending}</td>
                  <td className={balance.remaining < 0 ? 'num warn-text' : 'num'}>{balance.remaining}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
