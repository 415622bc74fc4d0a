/**
 * The week as a workbook, laid out as it is printed for the hall: a sheet by window (zones, their
 * windows, who sits there each day and shift with A and B marked, leave listed, sign-off lines) and
 * a sheet by person (each day's window and shift, or the leave). A4 landscape, header repeated.
 */
import type { BoardDay, RosterBoard } from '../../contract/areas/board.ts';
import type { FilePayload } from '../../contract/model.ts';
import { writePrintableSheets, type PrintableSheet } from '../transfer/xlsx.ts';

const WEEKDAYS_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const BY_WINDOW_SHEET = '按窗口';
export const BY_PERSON_SHEET = '按人员';

/** "11-23 周一", with the day's kind when it is not a plain working day: "10-01 周四 国庆节". */
export function dayHeading(day: BoardDay): string {
  const base = `${day.date.slice(5)} ${WEEKDAYS_ZH[day.weekday]}`;
  if (day.kind === 'holiday') return `${base} ${day.holidayName ?? '节假日'}`;
  if (day.kind === 'makeup') return `${base} 调休上班${day.holidayName ? `（${day.holidayName}）` : ''}`;
  if (day.kind === 'restday') return `${base} 休息日`;
  return base;
}

export async function boardWorkbook(board: RosterBoard): Promise<FilePayload> {
  const bytes = await writePrintableSheets([byWindowSheet(board), byPersonSheet(board)]);
  return { fileName: `排班表-${board.summary.from}.xlsx`, mimeType: XLSX_MIME, base64: bytes.toString('base64') };
}

function titleRows(board: RosterBoard, what: string): string[][] {
  return [[board.centreNameZh], [`${what} ${board.summary.from} 至 ${board.summary.to}`, '', `打印日期 ${board.today}`]];
}

const SIGN_OFF = [[''], ['制表：', '', '审核：', '', '日期：']];

function byWindowSheet(board: RosterBoard): PrintableSheet {
  const names = new Map(board.people.map((p) => [p.staffId, p.name]));
  const columns = board.days.flatMap((day) => board.shifts.map((shift) => ({ day, shift })));
  const header = ['区域', '窗口', ...columns.map(({ day, shift }) => `${dayHeading(day)} ${shift.name}`)];
  const dutiesAt = new Map<string, string[]>();
  const add = (key: string, text: string) => dutiesAt.set(key, [...(dutiesAt.get(key) ?? []), text]);
  for (const duty of board.duties) {
    const window = board.zones.flatMap((z) => z.windows).find((w) => w.id === duty.windowId);
    const mark = window?.aStaffId === duty.staffId ? '(A)' : window?.bStaffId === duty.staffId ? '(B)' : duty.learner ? '(学员)' : '';
    const place = duty.windowId === null ? `post:${duty.postId}` : `window:${duty.windowId}`;
    add(`${place}|${duty.date}|${duty.shiftCode}`, `${names.get(duty.staffId) ?? duty.staffId}${mark}`);
  }
  const cellsOf = (place: string) => columns.map(({ day, shift }) => (dutiesAt.get(`${place}|${day.date}|${shift.code}`) ?? []).join('\n'));
  const rows: string[][] = [header];
  for (const zone of board.zones) {
    for (const window of zone.windows) rows.push([zone.nameZh, `${window.code} ${window.nameZh}`, ...cellsOf(`window:${window.id}`)]);
    // People with no window of their own: a desk post, or more people than the post has windows.
    for (const postId of zone.postIds) {
      if (!board.duties.some((d) => d.postId === postId && d.windowId === null)) continue;
      const post = board.posts.find((p) => p.id === postId);
      rows.push([zone.nameZh, `${post?.nameZh ?? postId}（未分窗口）`, ...cellsOf(`post:${postId}`)]);
    }
  }
  return {
    name: BY_WINDOW_SHEET,
    titleRows: titleRows(board, '窗口排班表'),
    rows,
    widths: [12, 16, ...columns.map(() => 10)],
    orientation: 'landscape',
    centredFrom: 2,
    wrap: true,
    footerRows: [...leaveLines(board, names), ...SIGN_OFF],
  };
}

function leaveLines(board: RosterBoard, names: ReadonlyMap<number, string>): string[][] {
  if (board.absences.length === 0) return [];
  const shiftName = new Map(board.shifts.map((s) => [s.code, s.name]));
  const lines = board.absences.map(
    (a) => `${a.date.slice(5)} ${names.get(a.staffId) ?? a.staffId} ${a.labelZh}${a.shiftCode === null ? '' : `（${shiftName.get(a.shiftCode) ?? a.shiftCode}）`}`,
  );
  return [[''], ['请假 / 缺勤：', lines.join('；')]];
}

function byPersonSheet(board: RosterBoard): PrintableSheet {
  const windows = new Map(board.zones.flatMap((z) => z.windows).map((w) => [w.id, w]));
  const posts = new Map(board.posts.map((p) => [p.id, p]));
  const shiftName = new Map(board.shifts.map((s) => [s.code, s.name]));
  const cells = new Map<string, string[]>();
  const add = (key: string, text: string) => cells.set(key, [...(cells.get(key) ?? []), text]);
  for (const duty of board.duties) {
    const place = duty.windowId !== null ? windows.get(duty.windowId)?.code : posts.get(duty.postId)?.nameZh;
    add(`${duty.staffId}|${duty.date}`, `${place ?? duty.postId} ${shiftName.get(duty.shiftCode) ?? duty.shiftCode}${duty.learner ? '（学员）' : ''}`);
  }
  for (const absence of board.absences) {
    add(`${absence.staffId}|${absence.date}`, absence.shiftCode === null ? absence.labelZh : `${absence.labelZh}（${shiftName.get(absence.shiftCode) ?? absence.shiftCode}）`);
  }
  const header = ['工号', '姓名', ...board.days.map(dayHeading)];
  const rows = board.people.map((person) => [person.employeeNo, person.name, ...board.days.map((day) => (cells.get(`${person.staffId}|${day.date}`) ?? []).join('\n'))]);
  return {
    name: BY_PERSON_SHEET,
    titleRows: titleRows(board, '人员排班表'),
    rows: [header, ...rows],
    widths: [10, 10, ...board.days.map(() => 16)],
    orientation: 'landscape',
    centredFrom: 2,
    wrap: true,
    footerRows: SIGN_OFF,
  };
}
