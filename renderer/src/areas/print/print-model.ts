/**
 * The printed weekly schedule as plain rows, built from the board: by window (zones, their windows,
 * the people seated per day and shift with A/B marked, who is away) and per person. Pure, so the
 * layout's content is unit-tested without a browser; PrintedSchedule.tsx only draws these rows.
 */
import type { BoardAbsence, BoardDay, BoardDuty, BoardShift, RosterBoard } from '../../../../electron/contract/areas/board.ts';

export type Language = 'zh-CN' | 'en';

/** The words the sheet needs, already in the reader's language. */
export interface SheetWords {
  /** A shift's name ("上午"); English shows the code. */
  shift: (code: string) => string;
  /** "休": a person's day without duty. */
  off: string;
  /** "跟岗": a learner beside a mentor. */
  learner: string;
  /** "无窗口": the row of a post's people who sit at no window of their own. */
  noWindow: string;
  /** "其他人员": the absences of people of no printed zone. */
  otherPeople: string;
  /** "全厅岗位": posts of the whole hall, such as the shift lead's. */
  hallPosts: string;
}

/** A day and shift; a closed day (a rest day or holiday with nobody on duty) prints one narrow column, shiftCode null. */
export interface PrintColumn {
  date: string;
  shiftCode: string | null;
}

export interface PrintSeat {
  staffId: number;
  name: string;
  role: 'A' | 'B' | null;
  learner: boolean;
}

export interface PrintWindowRow {
  key: string;
  /** The window's code ("W03"), or the post's name for people seated at no window. */
  label: string;
  /** The window's or post's name. */
  detail: string;
  /** One list of seats per column, in the columns' order. */
  seats: PrintSeat[][];
}

export interface PrintZoneBlock {
  zoneId: number | null;
  name: string;
  rows: PrintWindowRow[];
  /** One list per day of the week: "张三 病假", "李四 年假（上午）". Empty lists when nobody is away. */
  away: string[][];
}

export interface PrintWindowSheet {
  days: BoardDay[];
  shifts: BoardShift[];
  columns: PrintColumn[];
  /** Dates of days the hall is closed: a narrow column each, no shifts. */
  closed: string[];
  zones: PrintZoneBlock[];
}

export interface PrintPersonRow {
  staffId: number;
  name: string;
  employeeNo: string;
  /** One list of lines per day: "W03 上午", "病假", or the off word. */
  days: string[][];
  /** Minutes on duty within the printed days. */
  minutes: number;
}

export interface PrintPersonBlock {
  zoneId: number | null;
  name: string;
  people: PrintPersonRow[];
}

export interface PrintPersonSheet {
  days: BoardDay[];
  closed: string[];
  blocks: PrintPersonBlock[];
}

/** The roster's days cut into weeks of seven from its first day: a month prints week by week. */
export function printWeeks(days: readonly BoardDay[]): BoardDay[][] {
  const weeks: BoardDay[][] = [];
  for (let start = 0; start < days.length; start += 7) weeks.push(days.slice(start, start + 7));
  return weeks;
}

/** Shifts worth a column on paper: those with demand or anyone on duty within the days, in the board's order. */
export function printedShifts(board: Pick<RosterBoard, 'shifts' | 'zoneCoverage' | 'duties'>, days: readonly BoardDay[]): BoardShift[] {
  const dates = new Set(days.map((day) => day.date));
  const used = new Set([
    ...board.zoneCoverage.filter((cell) => cell.required > 0 && dates.has(cell.date)).map((cell) => cell.shiftCode),
    ...board.duties.filter((duty) => dates.has(duty.date)).map((duty) => duty.shiftCode),
  ]);
  const shown = board.shifts.filter((shift) => used.has(shift.code));
  return shown.length > 0 ? shown : board.shifts;
}

/**
 * Days the hall is closed: not a working day of the calendar and nobody on duty, nothing required.
 * A working day stays open even when empty, because an empty open window is what the client must see.
 */
export function closedDays(board: Pick<RosterBoard, 'zoneCoverage' | 'duties'>, days: readonly BoardDay[]): string[] {
  const busy = new Set([...board.duties.map((duty) => duty.date), ...board.zoneCoverage.filter((cell) => cell.required > 0).map((cell) => cell.date)]);
  return days.filter((day) => (day.kind === 'restday' || day.kind === 'holiday') && !busy.has(day.date)).map((day) => day.date);
}

/** Zones on paper: the roster's own, and any other where someone of the roster is seated. */
function printedZones(board: RosterBoard) {
  const posts = new Map(board.posts.map((post) => [post.id, post]));
  const seatedZones = new Set(board.duties.map((duty) => posts.get(duty.postId)?.zoneId ?? null));
  return board.zones.filter((zone) => board.summary.zoneIds.includes(zone.id) || seatedZones.has(zone.id));
}

function localName(named: { nameZh: string; nameEn: string }, language: Language): string {
  return language === 'zh-CN' ? named.nameZh : named.nameEn;
}

function dutyKey(date: string, shiftCode: string, postId: number, windowId: number | null): string {
  return `${date}|${shiftCode}|${postId}|${windowId ?? '-'}`;
}

/** "李四 年假" for a whole day, "李四 病假（上午）" for one shift; one line per person and label. */
export function awayLines(absences: readonly BoardAbsence[], name: (staffId: number) => string, language: Language, words: Pick<SheetWords, 'shift'>): string[] {
  const lines = new Map<string, { text: string; shifts: string[]; whole: boolean }>();
  for (const absence of absences) {
    const label = language === 'zh-CN' ? absence.labelZh : absence.labelEn;
    const key = `${absence.staffId}|${label}`;
    const line = lines.get(key) ?? { text: `${name(absence.staffId)} ${label}`, shifts: [], whole: false };
    if (absence.shiftCode === null) line.whole = true;
    else if (!line.shifts.includes(absence.shiftCode)) line.shifts.push(absence.shiftCode);
    lines.set(key, line);
  }
  const [open, close] = language === 'zh-CN' ? ['（', '）'] : [' (', ')'];
  return [...lines.values()].map((line) => (line.whole || line.shifts.length === 0 ? line.text : `${line.text}${open}${line.shifts.map(words.shift).join('、')}${close}`));
}

/** The schedule by window for the given days: what is posted in the hall. */
export function windowSheet(board: RosterBoard, days: readonly BoardDay[], language: Language, words: SheetWords): PrintWindowSheet {
  const shifts = printedShifts(board, days);
  const closed = closedDays(board, days);
  const columns = days.flatMap((day): PrintColumn[] => (closed.includes(day.date) ? [{ date: day.date, shiftCode: null }] : shifts.map((shift) => ({ date: day.date, shiftCode: shift.code }))));
  const dates = new Set(days.map((day) => day.date));
  const names = new Map(board.people.map((person) => [person.staffId, person.name]));
  const name = (staffId: number) => names.get(staffId) ?? `#${staffId}`;
  const seated = new Map<string, BoardDuty[]>();
  for (const duty of board.duties) {
    if (!dates.has(duty.date)) continue;
    const key = dutyKey(duty.date, duty.shiftCode, duty.postId, duty.windowId);
    seated.set(key, [...(seated.get(key) ?? []), duty]);
  }
  const seatsAt = (postId: number, windowId: number | null, roles: { a: number | null; b: number | null }) =>
    columns.map((column) =>
      (column.shiftCode === null ? [] : (seated.get(dutyKey(column.date, column.shiftCode, postId, windowId)) ?? []))
        .map((duty) => ({ staffId: duty.staffId, name: name(duty.staffId), role: duty.staffId === roles.a ? 'A' : duty.staffId === roles.b ? 'B' : null, learner: duty.learner }) satisfies PrintSeat)
        .sort((x, y) => Number(x.learner) - Number(y.learner) || roleRank(x.role) - roleRank(y.role)),
    );
  const posts = new Map(board.posts.map((post) => [post.id, post]));
  const zones = printedZones(board);
  const printedZoneIds = new Set(zones.map((zone) => zone.id));
  const blocks: PrintZoneBlock[] = zones.map((zone) => {
    const windowRows = zone.windows.map((window) => ({
      key: `w${window.id}`,
      label: window.code,
      detail: localName(window, language),
      seats: seatsAt(window.postId, window.id, { a: window.aStaffId, b: window.bStaffId }),
    }));
    // People of a post with more people than windows, or of a desk without windows, sit at no window.
    const unseatedPosts = zone.postIds.filter((postId) => board.duties.some((duty) => duty.postId === postId && duty.windowId === null && dates.has(duty.date)));
    const postRows = unseatedPosts.map((postId) => {
      const post = posts.get(postId);
      return { key: `p${postId}`, label: post ? localName(post, language) : `#${postId}`, detail: words.noWindow, seats: seatsAt(postId, null, { a: null, b: null }) };
    });
    const away = days.map((day) => awayLines(board.absences.filter((absence) => absence.date === day.date && homeZone(board, absence.staffId) === zone.id), name, language, words));
    return { zoneId: zone.id, name: localName(zone, language), rows: [...windowRows, ...postRows], away };
  });
  // Posts of the whole hall (the shift lead's) belong to no zone: a block of their own, so nobody on duty is left off the sheet.
  const hallPosts = board.posts.filter((post) => post.zoneId === null && board.duties.some((duty) => duty.postId === post.id && dates.has(duty.date)));
  if (hallPosts.length > 0) {
    const rows = hallPosts.map((post) => ({ key: `p${post.id}`, label: localName(post, language), detail: words.noWindow, seats: seatsAt(post.id, null, { a: null, b: null }) }));
    blocks.push({ zoneId: null, name: words.hallPosts, rows, away: days.map(() => []) });
  }
  const strays = board.absences.filter((absence) => dates.has(absence.date) && !printedZoneIds.has(homeZone(board, absence.staffId) ?? -1));
  if (strays.length > 0) {
    const away = days.map((day) => awayLines(strays.filter((absence) => absence.date === day.date), name, language, words));
    blocks.push({ zoneId: null, name: words.otherPeople, rows: [], away });
  }
  return { days: [...days], shifts, columns, closed, zones: blocks };
}

function roleRank(role: PrintSeat['role']): number {
  return role === 'A' ? 0 : role === 'B' ? 1 : 2;
}

function homeZone(board: RosterBoard, staffId: number): number | null {
  return board.people.find((person) => person.staffId === staffId)?.homeZoneId ?? null;
}

/** Each person's week: where and when they sit each day, their leave, or a day off. */
export function personSheet(board: RosterBoard, days: readonly BoardDay[], language: Language, words: SheetWords): PrintPersonSheet {
  const shiftRank = new Map(board.shifts.map((shift, index) => [shift.code, index]));
  const shiftMinutes = new Map(board.shifts.map((shift) => [shift.code, shift.minutes]));
  const windowCodes = new Map(board.zones.flatMap((zone) => zone.windows.map((window) => [window.id, window.code] as const)));
  const posts = new Map(board.posts.map((post) => [post.id, post]));
  const dates = new Set(days.map((day) => day.date));
  const place = (duty: BoardDuty) => {
    if (duty.windowId !== null) return windowCodes.get(duty.windowId) ?? `#${duty.windowId}`;
    const post = posts.get(duty.postId);
    return post ? localName(post, language) : `#${duty.postId}`;
  };
  const rowOf = (person: RosterBoard['people'][number]): PrintPersonRow => {
    const duties = board.duties.filter((duty) => duty.staffId === person.staffId && dates.has(duty.date));
    const absences = board.absences.filter((absence) => absence.staffId === person.staffId && dates.has(absence.date));
    const lines = days.map((day) => {
      const held = duties
        .filter((duty) => duty.date === day.date)
        .sort((a, b) => (shiftRank.get(a.shiftCode) ?? 99) - (shiftRank.get(b.shiftCode) ?? 99))
        .map((duty) => `${place(duty)} ${words.shift(duty.shiftCode)}${duty.learner ? ` ${words.learner}` : ''}`);
      const away = awayLines(absences.filter((absence) => absence.date === day.date), () => '', language, words).map((line) => line.trim());
      return held.length + away.length > 0 ? [...held, ...away] : [words.off];
    });
    const minutes = duties.reduce((sum, duty) => sum + (shiftMinutes.get(duty.shiftCode) ?? 0), 0);
    return { staffId: person.staffId, name: person.name, employeeNo: person.employeeNo, days: lines, minutes };
  };
  const byEmployeeNo = (a: PrintPersonRow, b: PrintPersonRow) => a.employeeNo.localeCompare(b.employeeNo) || a.staffId - b.staffId;
  const zones = printedZones(board);
  const blocks: PrintPersonBlock[] = zones.map((zone) => ({
    zoneId: zone.id,
    name: localName(zone, language),
    people: board.people.filter((person) => person.homeZoneId === zone.id).map(rowOf).sort(byEmployeeNo),
  }));
  const zoneIds = new Set(zones.map((zone) => zone.id));
  const others = board.people.filter((person) => person.homeZoneId === null || !zoneIds.has(person.homeZoneId)).map(rowOf).sort(byEmployeeNo);
  if (others.length > 0) blocks.push({ zoneId: null, name: words.otherPeople, people: others });
  return { days: [...days], closed: closedDays(board, days), blocks: blocks.filter((block) => block.people.length > 0) };
}

const PAGE_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/**
 * A named @page: its size and margins, a running head at the top of every page, 第 N 页 / 共 M 页
 * at the foot and the print date at the bottom right. Named, so each printed document keeps its own
 * rules (the weekly schedule is landscape, the monthly report portrait) whatever else is on screen.
 */
export function namedPageRules(page: { name: string; size: string; margin: string; top: string; counter: string; printDate: string }): string {
  return `@page ${page.name} {
  size: ${page.size};
  margin: ${page.margin};
  @top-center { content: ${cssString(page.top)}; font: 8pt ${PAGE_FONT}; color: #333; }
  @bottom-center { content: ${marginContent(page.counter)}; font: 8pt ${PAGE_FONT}; }
  @bottom-right { content: ${cssString(page.printDate)}; font: 7pt ${PAGE_FONT}; color: #555; }
}`;
}

/**
 * The CSS `content` of a page margin box from a worded template: "第 {page} 页 / 共 {pages} 页"
 * becomes `"第 " counter(page) " 页 / 共 " counter(pages) " 页"`. Text is quoted and escaped, so a
 * centre's name cannot break out of the rule.
 */
export function marginContent(template: string): string {
  const parts = template.split(/(\{pages?\})/).filter((part) => part !== '');
  return parts.map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part))).join(' ');
}

export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`;
}

/** "排班表（按窗口）-2026-11-23.pdf": the name a saved PDF is offered under, without characters a file system refuses. */
export function pdfFileName(title: string, days: readonly BoardDay[]): string {
  const first = days[0]?.date ?? '';
  return `${title}-${first}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}
