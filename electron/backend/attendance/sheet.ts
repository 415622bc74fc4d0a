/**
 * The monthly attendance sheet (考勤表): one row per person, one column per day, totals at the end;
 * on screen (AttendanceMonth) and as an .xlsx for A4 landscape paper.
 */
import type { AttendanceMonth, SheetRow } from '../../contract/areas/attendance.ts';
import type { FilePayload } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { getCentre } from '../../../data/repositories/centre.ts';
import { LEAVE_TYPES, type LeaveType } from '../../../solver/attendance/reconcile.ts';
import { MIME_TYPES } from '../transfer/files.ts';
import { writePrintableWorkbook } from '../transfer/xlsx.ts';
import { monthLieuBalances } from '../reports/month-balances.ts';
import { monthBounds, reconcileRange } from './service.ts';

export async function attendanceMonth(db: Queryable, year: number, month: number, today: string): Promise<AttendanceMonth> {
  const { from, to } = monthBounds(year, month);
  const range = await reconcileRange(db, { from, to, today });
  const centre = await getCentre(db);
  const balances = await monthLieuBalances(db, year, month, today);
  const rows: SheetRow[] = range.results.map((result, index) => {
    const person = range.people[index]!;
    return {
      staffId: person.id,
      employeeNo: person.employeeNo,
      name: person.name,
      zoneId: person.homeZoneId,
      days: result.days.map((day) => ({ date: day.date, status: day.status, code: day.code, overtimeMinutes: day.overtimeMinutes, corrected: day.corrected })),
      totals: result.totals,
      lieuBalanceMinutes: balances.get(person.id) ?? 0,
    };
  });
  return {
    year,
    month,
    centreNameZh: centre?.nameZh ?? '',
    centreNameEn: centre?.nameEn ?? '',
    days: range.calendar.map((day) => ({ date: day.date, kind: day.kind, holidayName: day.holidayName })),
    pendingFrom: today <= to ? (today < from ? from : today) : null,
    rules: range.rules,
    rows,
  };
}

const LEAVE_HEADERS: Readonly<Record<LeaveType, string>> = {
  annual: '年假', sick: '病假', personal: '事假', marriage: '婚假', maternity: '产假', compensatory: '调休', official: '公假', outing: '外出',
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const LEGEND = '√ 出勤  迟 迟到  早 早退  旷 旷工(旷½ 半天)  缺 缺卡  休 休息日  节 节假日  年 年假 病 病假 事 事假 婚 婚假 产 产假 调 调休 公 公假 外 外出  — 不在职';

/** `shape` takes the sheet to the rows the caller may see (a lead's zones) before anything is written. */
export async function exportAttendanceMonth(db: Queryable, year: number, month: number, today: string, shape: (sheet: AttendanceMonth) => Promise<AttendanceMonth> = async (sheet) => sheet): Promise<FilePayload> {
  const sheet = await shape(await attendanceMonth(db, year, month, today));
  const mm = String(month).padStart(2, '0');
  const header = [
    '工号', '姓名',
    ...sheet.days.map((day) => `${Number(day.date.slice(8))}\n${WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()]}`),
    '出勤天数', ...LEAVE_TYPES.map((type) => LEAVE_HEADERS[type]), '迟到次数', '迟到分钟', '旷工天数', '加班小时', '调休余额(小时)',
  ];
  const body = sheet.rows.map((row) => [
    row.employeeNo, row.name,
    ...row.days.map((day) => day.code),
    String(row.totals.workedDays),
    ...LEAVE_TYPES.map((type) => (row.totals.leaveDays[type] ? String(row.totals.leaveDays[type]) : '')),
    String(row.totals.lateCount), String(row.totals.lateMinutes), String(row.totals.absentDays), String(row.totals.overtimeMinutes / 60),
    row.lieuBalanceMinutes ? String(Math.round((row.lieuBalanceMinutes / 60) * 10) / 10) : '',
  ]);
  const bytes = await writePrintableWorkbook({
    name: `${year}-${mm}`,
    titleRows: [[`${sheet.centreNameZh} ${year}年${month}月考勤表`], [LEGEND]],
    rows: [header, ...body],
    widths: [9, 8, ...sheet.days.map(() => 3.6), 6, ...LEAVE_TYPES.map(() => 3.6), 5, 5, 5, 5, 6],
    orientation: 'landscape',
    centredFrom: 2,
    footerRows: [[], ['制表：', '', '', '', '', '', '', '', '审核：', '', '', '', '', '', '', '', '日期：']],
  });
  return { fileName: `考勤表-${year}-${mm}.xlsx`, mimeType: MIME_TYPES.xlsx, base64: bytes.toString('base64') };
}
