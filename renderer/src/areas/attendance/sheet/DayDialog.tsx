import { useEffect, useState } from 'react';
import type { AttendanceDay, CorrectionStatus } from '../../../../../electron/contract/areas/attendance.ts';
import { ApiError, call } from '../../../api/client.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';

/** What a correction may set a day to (the contract checks the same list). */
const CORRECTION_STATUSES: readonly CorrectionStatus[] = [
  'on_time', 'late', 'early', 'absent', 'half_absent', 'missing', 'rest',
  'annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing',
];

function clock(minutes: number | null): string {
  if (minutes === null) return '—';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One person's day: the punches, how each segment was judged, and a correction with its reason. */
export function DayDialog(props: { staffId: number; name: string; date: string; onClose: () => void; onCorrected: () => void }) {
  const { t } = useI18n();
  const [day, setDay] = useState<AttendanceDay | null>(null);
  const [status, setStatus] = useState<CorrectionStatus>('on_time');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    call('attendance/day', { staffId: props.staffId, date: props.date }).then(setDay, (caught: unknown) =>
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught)),
    );
  }, [props.staffId, props.date]);

  async function save() {
    try {
      setDay(await call('attendance/correct', { staffId: props.staffId, date: props.date, status, reason }));
      setReason('');
      props.onCorrected();
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    }
  }

  const statusLabel = (value: string) => t(`status.${value}` as MessageKey);
  return (
    <Dialog title={t('sheet.dayTitle', { name: props.name, date: props.date })} onClose={props.onClose} wide>
      <div className="form-stack day-dialog">
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        {day ? (
          <>
            <p data-testid="day-status">
              <strong className="day-code">{day.code || '·'}</strong> {statusLabel(day.status)}
              {day.rostered ? `（${t('sheet.rostered')}）` : ''}
              {day.corrected ? `（${t('sheet.corrected')}）` : ''}
            </p>
            <h3>{t('sheet.punches')}</h3>
            <p>{day.punches.length === 0 ? t('sheet.noPunches') : day.punches.map((punch) => punch.at.slice(11)).join('　')}</p>
            {day.segments.length > 0 ? (
              <table className="plain-table">
                <thead>
                  <tr>
                    <th scope="col">{t('sheet.segment')}</th>
                    <th scope="col">{t('sheet.clockIn')}</th>
                    <th scope="col">{t('sheet.clockOut')}</th>
                    <th scope="col">{t('sheet.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {day.segments.map((segment) => (
                    <tr key={segment.startsAt}>
                      <td>{clock(segment.startsAt)}–{clock(segment.endsAt)}</td>
                      <td>{clock(segment.clockIn)}</td>
                      <td>{clock(segment.clockOut)}</td>
                      <td>
                        {segment.leaveType ? statusLabel(segment.leaveType) : statusLabel(segment.status)}
                        {segment.lateMinutes > 0 ? ` +${segment.lateMinutes}′` : ''}
                        {segment.earlyMinutes > 0 ? ` −${segment.earlyMinutes}′` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <div className="inline-form">
              <label>
                <span>{t('sheet.correct')}</span>
                <select value={status} onChange={(event) => setStatus(event.target.value as CorrectionStatus)}>
                  {CORRECTION_STATUSES.map((value) => (
                    <option key={value} value={value}>{statusLabel(value)}</option>
                  ))}
                </select>
              </label>
              <label className="grow">
                <span>{t('sheet.reason')}</span>
                <input value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} />
              </label>
              <button type="button" className="primary" disabled={reason.trim() === ''} onClick={() => void save()}>{t('sheet.saveCorrection')}</button>
            </div>
            {day.corrections.length > 0 ? (
              <>
                <h3>{t('sheet.history')}</h3>
                <ul className="history">
                  {day.corrections.map((correction) => (
                    <li key={correction.id}>{correction.at.slice(0, 16).replace('T', ' ')} {correction.actor}：{statusLabel(correction.status)} — {correction.reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{t('sheet.close')}</button>
        </div>
      </div>
    </Dialog>
  );
}
