import { useCallback, useEffect, useState } from 'react';
import type { AttendanceMonth, LeaveTypeCode, SheetRow } from '../../../../electron/contract/areas/attendance.ts';
import { ApiError, call } from '../../api/client.ts';
import { downloadPayload } from '../../api/files.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DayDialog } from './sheet/DayDialog.tsx';
import { MonthPicker, monthOf, type YearMonth } from './sheet/month-picker.tsx';
import type { AttendanceTabProps } from './tab-props.ts';
import './attendance.css';

const LEAVE_ORDER: readonly LeaveTypeCode[] = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing'];
const LEAVE_SHORT: Readonly<Record<LeaveTypeCode, string>> = {
  annual: '年', sick: '病', personal: '事', marriage: '婚', maternity: '产', compensatory: '调', official: '公', outing: '外',
};
const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/** 月度考勤表: a row per person, a column per day; on screen, on A4 landscape paper and as .xlsx. */
export function AttendanceSheetTab({ centre, info, onNotice }: AttendanceTabProps) {
  const { t, language } = useI18n();
  const [chosen, setChosen] = useState<YearMonth>(() => monthOf(info.today));
  const [sheet, setSheet] = useState<AttendanceMonth | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<{ row: SheetRow; date: string } | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setSheet(await call('attendance/month', chosen));
    } catch (caught) {
      setSheet(null);
      setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    }
  }, [chosen]);
  useEffect(() => void load(), [load]);

  async function exportXlsx() {
    try {
      downloadPayload(await call('attendance/export', chosen));
    } catch (caught) {
      onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    }
  }

  const zoneName = (zoneId: number) => {
    const zone = centre.zones.find((candidate) => candidate.id === zoneId);
    return zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : '';
  };
  const weekdays = language === 'zh-CN' ? WEEKDAYS_ZH : WEEKDAYS_EN;
  const centreName = sheet ? (language === 'zh-CN' ? sheet.centreNameZh : sheet.centreNameEn) : '';

  return (
    <div className="attendance-tab attendance-sheet-tab">
      <div className="toolbar no-print">
        <MonthPicker value={chosen} onChange={setChosen} />
        <button type="button" onClick={() => window.print()} disabled={!sheet}>{t('sheet.print')}</button>
        <button type="button" onClick={() => void exportXlsx()} disabled={!sheet}>{t('sheet.export')}</button>
      </div>
      {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
      {sheet ? (
        <div className="sheet-print-area">
          <h2 className="sheet-title">{t('sheet.title', { centre: centreName, year: sheet.year, month: sheet.month })}</h2>
          <p className="sheet-legend">{t('sheet.legend')}</p>
          {sheet.rows.length === 0 ? <p>{t('sheet.empty')}</p> : null}
          <div className="sheet-scroll">
            <table className="attendance-sheet" aria-label={t('sheet.title', { centre: centreName, year: sheet.year, month: sheet.month })}>
              <thead>
                <tr>
                  <th scope="col" className="sticky-col col-no">{t('sheet.employeeNo')}</th>
                  <th scope="col" className="sticky-col col-name">{t('sheet.name')}</th>
                  {sheet.days.map((day) => (
                    <th key={day.date} scope="col" className={`day-head kind-${day.kind}`} title={day.holidayName ?? undefined}>
                      {Number(day.date.slice(8))}
                      <br />
                      <small>{weekdays[new Date(`${day.date}T00:00:00Z`).getUTCDay()]}</small>
                    </th>
                  ))}
                  <th scope="col">{t('sheet.worked')}</th>
                  {LEAVE_ORDER.map((type) => (
                    <th key={type} scope="col" title={t(`status.${type}`)}>{LEAVE_SHORT[type]}</th>
                  ))}
                  <th scope="col">{t('sheet.late')}</th>
                  <th scope="col">{t('sheet.lateMinutes')}</th>
                  <th scope="col">{t('sheet.absent')}</th>
                  <th scope="col">{t('sheet.overtime')}</th>
                  <th scope="col" title={t('sheet.lieuBalance.title')}>{t('sheet.lieuBalance')}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((row, rowIndex) => (
                  <tr key={row.staffId} data-row-index={rowIndex} data-employee-no={row.employeeNo}>
                    <th scope="row" className="sticky-col col-no" title={zoneName(row.zoneId)}>{row.employeeNo}</th>
                    <td className="sticky-col col-name">{row.name}</td>
                    {row.days.map((day) => (
                      <td
                        key={day.date}
                        data-date={day.date}
                        className={`day-cell status-${day.status}${day.corrected ? ' corrected' : ''}`}
                        title={day.overtimeMinutes > 0 ? `+${day.overtimeMinutes / 60}h` : undefined}
                      >
                        {day.status === 'not_employed' || day.status === 'pending' ? (
                          day.code
                        ) : (
                          <button type="button" className="cell-button" onClick={() => setOpen({ row, date: day.date })}>{day.code}</button>
                        )}
                      </td>
                    ))}
                    <td className="num" data-col="worked">{row.totals.workedDays}</td>
                    {LEAVE_ORDER.map((type) => (
                      <td key={type} className="num">{row.totals.leaveDays[type] || ''}</td>
                    ))}
                    <td className="num" data-col="late">{row.totals.lateCount || ''}</td>
                    <td className="num">{row.totals.lateMinutes || ''}</td>
                    <td className="num" data-col="absent">{row.totals.absentDays || ''}</td>
                    <td className="num">{row.totals.overtimeMinutes ? row.totals.overtimeMinutes / 60 : ''}</td>
                    <td className="num" data-col="lieu-balance">{row.lieuBalanceMinutes ? Math.round((row.lieuBalanceMinutes / 60) * 10) / 10 : ''}</td>
                  </tr>
                ))}
              </tbody>
              {/* In print the sign-off sits at the foot of every page, so no page can end up alone with it. */}
              <tfoot className="sheet-signoff">
                <tr>
                  <td colSpan={999}>{t('sheet.signoff')}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      ) : null}
      {open ? (
        <DayDialog
          staffId={open.row.staffId}
          name={open.row.name}
          date={open.date}
          onClose={() => setOpen(null)}
          onCorrected={() => void load()}
        />
      ) : null}
    </div>
  );
}
