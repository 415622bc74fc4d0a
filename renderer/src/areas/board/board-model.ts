/**
 * The roster board's rows, worked out from the backend's RosterBoard: by person (people × days) and
 * by window (windows grouped by zone × days × shifts, with a coverage row per zone). Pure, so the
 * grids only draw and the unit tests read the same rows.
 */
import type {
  BoardAbsence,
  BoardBreach,
  BoardDay,
  BoardDuty,
  BoardMove,
  BoardOp,
  BoardShift,
  BoardZoneCoverage,
  RosterBoard,
} from '../../../../electron/contract/areas/board.ts';
import type { CellDuty } from './history.ts';

export type Language = 'zh-CN' | 'en';

export function cellKey(staffId: number, date: string, shiftCode: string): string {
  return `${staffId}|${date}|${shiftCode}`;
}

/** A by-window column: one day's one shift. */
export function slotColumnId(date: string, shiftCode: string): string {
  return `${date}|${shiftCode}`;
}

export function parseSlotColumnId(colId: string): { date: string; shiftCode: string } | null {
  const [date, shiftCode] = colId.split('|');
  return date && shiftCode && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date, shiftCode } : null;
}

/** Every duty by person, day and shift: what an edit expects each cell to hold. */
export function dutyIndex(board: Pick<RosterBoard, 'duties'>): Map<string, BoardDuty> {
  return new Map(board.duties.map((duty) => [cellKey(duty.staffId, duty.date, duty.shiftCode), duty]));
}

export function dutyAt(index: Map<string, BoardDuty>, staffId: number, date: string, shiftCode: string): CellDuty | null {
  const duty = index.get(cellKey(staffId, date, shiftCode));
  return duty ? { postId: duty.postId, windowId: duty.windowId, learner: duty.learner, ...(duty.windowGuessed ? { windowGuessed: true } : {}) } : null;
}

/** The window an edit expects a duty to hold: the stored one; none when the board only guessed it. */
export function storedWindow(duty: Pick<BoardDuty, 'windowId' | 'windowGuessed'> | undefined | null): number | null {
  return duty && !duty.windowGuessed ? duty.windowId : null;
}

/** The op that takes a duty off, expecting the duty as the board shows it. */
export function offOp(duty: BoardDuty): BoardOp {
  return { staffId: duty.staffId, date: duty.date, shiftCode: duty.shiftCode, postId: null, windowId: null, learner: false, expectedPostId: duty.postId, expectedWindowId: storedWindow(duty) };
}

/** How a cell stands against the hard rules: a new breach, only breaches a lead accepted, or clean. */
export type BreachState = 'breach' | 'overridden' | 'clean';

export function breachState(breaches: readonly BoardBreach[]): BreachState {
  if (breaches.length === 0) return 'clean';
  return breaches.some((breach) => breach.override === null) ? 'breach' : 'overridden';
}

/** A breach in the user's language, with the lead's reason when it was accepted. */
export function breachText(breach: BoardBreach, language: Language, overriddenWord: string): string {
  const message = language === 'zh-CN' ? breach.messageZh : breach.messageEn;
  return breach.override ? `${message}（${overriddenWord}：${breach.override.reason}）` : message;
}

export interface PersonDay {
  duties: BoardDuty[];
  absences: BoardAbsence[];
  breaches: BoardBreach[];
}

export interface PersonRow {
  staffId: number;
  name: string;
  employeeNo: string;
  /** Minutes on duty in the roster's first week. */
  minutes: number;
  maxMinutes: number | null;
  /** Breaches of the person's week, not of one day (weekly hours, days in a row). */
  weekBreaches: BoardBreach[];
  days: Record<string, PersonDay>;
}

const emptyDay = (): PersonDay => ({ duties: [], absences: [], breaches: [] });

/** People down (in the backend's order), days across; each day's duties in the hall's shift order. */
export function personRows(board: Pick<RosterBoard, 'people' | 'days' | 'duties' | 'absences' | 'breaches' | 'shifts'>): PersonRow[] {
  const shiftRank = new Map(board.shifts.map((shift, index) => [shift.code, index]));
  const rows = new Map<number, PersonRow>();
  for (const person of board.people) {
    rows.set(person.staffId, {
      staffId: person.staffId,
      name: person.name,
      employeeNo: person.employeeNo,
      minutes: person.minutesByWeek[0] ?? 0,
      maxMinutes: person.maxMinutesPerWeek,
      weekBreaches: [],
      days: Object.fromEntries(board.days.map((day) => [day.date, emptyDay()])),
    });
  }
  const dayOf = (staffId: number, date: string) => rows.get(staffId)?.days[date];
  for (const duty of board.duties) dayOf(duty.staffId, duty.date)?.duties.push(duty);
  for (const absence of board.absences) dayOf(absence.staffId, absence.date)?.absences.push(absence);
  for (const breach of board.breaches) {
    if (breach.staffId === null) continue;
    if (breach.date === null) rows.get(breach.staffId)?.weekBreaches.push(breach);
    else dayOf(breach.staffId, breach.date)?.breaches.push(breach);
  }
  for (const row of rows.values()) {
    for (const day of Object.values(row.days)) day.duties.sort((a, b) => (shiftRank.get(a.shiftCode) ?? 99) - (shiftRank.get(b.shiftCode) ?? 99));
  }
  return [...rows.values()];
}

export interface SeatRow {
  kind: 'seat';
  id: string;
  zoneId: number;
  /** null: a post without a window (a desk), or the overflow of a post with more people than windows. */
  windowId: number | null;
  postId: number;
  /** "A03" or the post's name. */
  label: string;
  postName: string;
  aStaffId: number | null;
  bStaffId: number | null;
}

export interface ZoneRow {
  kind: 'zone';
  id: string;
  zoneId: number;
  label: string;
}

export interface CoverageRow {
  kind: 'coverage';
  id: string;
  zoneId: number;
  label: string;
}

export type WindowRow = ZoneRow | SeatRow | CoverageRow;

type Named = { nameZh: string; nameEn: string };
export const localName = (item: Named, language: Language) => (language === 'zh-CN' ? item.nameZh : item.nameEn);

/**
 * Per zone: its header row, a row per window in hall order, a row per post without windows (or with
 * people beyond its windows), then its coverage row.
 */
export function windowRows(board: Pick<RosterBoard, 'zones' | 'posts' | 'duties'>, language: Language, coverageWord: string): WindowRow[] {
  const posts = new Map(board.posts.map((post) => [post.id, post]));
  const overflowPosts = new Set(board.duties.filter((duty) => duty.windowId === null).map((duty) => duty.postId));
  const rows: WindowRow[] = [];
  for (const zone of board.zones) {
    rows.push({ kind: 'zone', id: `zone-${zone.id}`, zoneId: zone.id, label: localName(zone, language) });
    for (const window of zone.windows) {
      const post = posts.get(window.postId);
      rows.push({
        kind: 'seat',
        id: `window-${window.id}`,
        zoneId: zone.id,
        windowId: window.id,
        postId: window.postId,
        label: window.code,
        postName: post ? localName(post, language) : localName(window, language),
        aStaffId: window.aStaffId,
        bStaffId: window.bStaffId,
      });
    }
    const windowed = new Set(zone.windows.map((window) => window.postId));
    for (const postId of zone.postIds) {
      if (windowed.has(postId) && !overflowPosts.has(postId)) continue;
      const post = posts.get(postId);
      const name = post ? localName(post, language) : `#${postId}`;
      rows.push({ kind: 'seat', id: `post-${postId}`, zoneId: zone.id, windowId: null, postId, label: name, postName: name, aStaffId: null, bStaffId: null });
    }
    rows.push({ kind: 'coverage', id: `coverage-${zone.id}`, zoneId: zone.id, label: coverageWord });
  }
  return rows;
}

/** The duties seated in a by-window row on one day and shift, learners after the people they sit beside. */
export function seatDuties(dutiesBySlot: Map<string, BoardDuty[]>, row: SeatRow, date: string, shiftCode: string): BoardDuty[] {
  return (dutiesBySlot.get(slotColumnId(date, shiftCode)) ?? [])
    .filter((duty) => duty.postId === row.postId && duty.windowId === row.windowId)
    .sort((a, b) => Number(a.learner) - Number(b.learner));
}

export function dutiesBySlot(duties: readonly BoardDuty[]): Map<string, BoardDuty[]> {
  const slots = new Map<string, BoardDuty[]>();
  for (const duty of duties) {
    const key = slotColumnId(duty.date, duty.shiftCode);
    const list = slots.get(key);
    if (list) list.push(duty);
    else slots.set(key, [duty]);
  }
  return slots;
}

/** The breaches a by-window cell shows: of the people seated there, or of the post itself on that slot. */
export function seatBreaches(breaches: readonly BoardBreach[], row: SeatRow, seated: readonly BoardDuty[], date: string, shiftCode: string): BoardBreach[] {
  const people = new Set(seated.map((duty) => duty.staffId));
  return breaches.filter(
    (breach) =>
      breach.date === date &&
      (breach.shiftCode === shiftCode || breach.shiftCode === null) &&
      (breach.staffId === null ? breach.postId === row.postId : people.has(breach.staffId) && (breach.postId === null || breach.postId === row.postId)),
  );
}

/** 'A' or 'B' when the person is that window's A or B. */
export function abMark(row: SeatRow, staffId: number): 'A' | 'B' | null {
  if (row.aStaffId === staffId) return 'A';
  if (row.bStaffId === staffId) return 'B';
  return null;
}

export type CoverageState = 'short' | 'met' | 'over' | 'none';

export function coverageState(rostered: number, required: number): CoverageState {
  if (required === 0 && rostered === 0) return 'none';
  if (rostered < required) return 'short';
  return rostered === required ? 'met' : 'over';
}

export function zoneCoverageIndex(cells: readonly BoardZoneCoverage[]): Map<string, BoardZoneCoverage> {
  return new Map(cells.map((cell) => [`${cell.zoneId}|${slotColumnId(cell.date, cell.shiftCode)}`, cell]));
}

/** A day column's marks: 休 (rest day), 班 (make-up working day), or the holiday's name. */
export function dayMark(day: BoardDay, words: { rest: string; makeup: string; holiday: string }): string {
  if (day.kind === 'holiday') return day.holidayName ?? words.holiday;
  if (day.kind === 'makeup') return words.makeup;
  if (day.kind === 'restday') return words.rest;
  return '';
}

/** Days before the hall's today are history; a superseded roster is read only throughout. */
export function dayEditable(board: Pick<RosterBoard, 'editable' | 'today'>, date: string): boolean {
  return board.editable && date >= board.today;
}

/**
 * Whether the caller may change this cell: its day is editable, and (for a shift lead) the person is
 * of their zones and so is every post the cell holds or names. A by-person cell names the person; a
 * by-window cell the post, with the people seated there.
 */
export function cellEditable(
  board: Pick<RosterBoard, 'editable' | 'today' | 'editableZoneIds' | 'people' | 'posts'>,
  cell: { date: string; staffId?: number; postId?: number },
  held: readonly Pick<BoardDuty, 'staffId' | 'postId'>[],
): boolean {
  if (!dayEditable(board, cell.date)) return false;
  const zones = board.editableZoneIds;
  if (zones === null) return true;
  const personOk = (staffId: number) => {
    const zoneId = board.people.find((person) => person.staffId === staffId)?.homeZoneId;
    return zoneId !== null && zoneId !== undefined && zones.includes(zoneId);
  };
  const postOk = (postId: number) => {
    const zoneId = board.posts.find((post) => post.id === postId)?.zoneId;
    return zoneId !== null && zoneId !== undefined && zones.includes(zoneId);
  };
  if (cell.staffId !== undefined && !personOk(cell.staffId)) return false;
  if (cell.postId !== undefined && !postOk(cell.postId)) return false;
  return held.every((duty) => personOk(duty.staffId) && postOk(duty.postId));
}

export function hoursText(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}

/**
 * "11月24日 上午 张三：税务收件 → 休" — a move of the change log in words; with `window` given, a seat
 * reads "T01 税务收件" (so a move between two windows of one post still says which).
 */
export function moveText(
  move: BoardMove,
  names: { day: (date: string) => string; shift: (code: string) => string; post: (postId: number) => string; window?: (windowId: number) => string; off: string; learner: string },
): string {
  const side = (postId: number | null, windowId: number | null) =>
    postId === null ? names.off : windowId !== null && names.window ? `${names.window(windowId)} ${names.post(postId)}` : names.post(postId);
  const learner = move.learner && move.toPostId !== null ? ` ${names.learner}` : '';
  return `${names.day(move.date)} ${names.shift(move.shiftCode)} ${move.staffName}：${side(move.fromPostId, move.fromWindowId)} → ${side(move.toPostId, move.toWindowId)}${learner}`;
}

/** Shifts worth a column: those with demand somewhere in the week or anyone on them. */
export function shownShifts(board: Pick<RosterBoard, 'shifts' | 'zoneCoverage' | 'duties'>): BoardShift[] {
  const used = new Set([...board.zoneCoverage.filter((cell) => cell.required > 0).map((cell) => cell.shiftCode), ...board.duties.map((duty) => duty.shiftCode)]);
  const shown = board.shifts.filter((shift) => used.has(shift.code));
  return shown.length > 0 ? shown : board.shifts;
}
