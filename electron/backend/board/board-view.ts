/**
 * The board as the shift lead sees it: the roster's days with the hall's day kinds, its zones and
 * windows in hall order with each window's A and B, every duty given a seat, leave and absences,
 * coverage per post and per zone, the hard-rule breaches (accepted ones with their reason), gaps.
 */
import type {
  BoardAbsence,
  BoardBreach,
  BoardClosedWindow,
  BoardDay,
  BoardDuty,
  BoardPerson,
  BoardShift,
  BoardWindow,
  BoardZone,
  BoardZoneCoverage,
  RosterBoard,
} from '../../contract/areas/board.ts';
import type { RosterCoverageCell } from '../../contract/areas/roster.ts';
import type { Queryable } from '../../../data/connection.ts';
import { countChangesSincePublication, listAbsences } from '../../../data/repositories/board.ts';
import { listShiftTemplates, type CalendarDayRecord, type ShiftTemplateRecord } from '../../../data/repositories/calendar.ts';
import type { CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import { loadPlanningCalendar } from '../calendar-service.ts';
import { getCentre, listPosts, listWindows, listZones, type PostRecord, type WindowRecord, type ZoneRecord } from '../../../data/repositories/centre.ts';
import { listLeave, type LeaveTypeRecord } from '../../../data/repositories/leave.ts';
import { listWindowAb } from '../../../data/repositories/skills.ts';
import { listStaff, type StaffRecord } from '../../../data/repositories/staff.ts';
import { checkRoster, lieuLedger } from '../../../solver/roster/check.ts';
import { windowsClosed } from '../../../solver/roster/hall-summary.ts';
import type { Assignment, Breach } from '../../../solver/roster/types.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { datesFrom } from '../demand/calendar.ts';
import { coverageOf } from '../roster/coverage.ts';
import { LEAVE_NAMES_ZH, leaveOf } from '../roster/scenario-mapping.ts';
import { summaryOf } from '../roster/service.ts';
import { ABSENCE_LABELS, breachKey, loadBoardState, preparedOf, type BoardState, type BoardStateCache } from './board-state.ts';
import { breachText, namesOf } from './breach-text.ts';
import { currentCall } from '../auth/call-context.ts';
import { leadsAny } from '../auth/scope.ts';

export const LEAVE_NAMES_EN: Readonly<Record<LeaveTypeRecord, string>> = {
  annual: 'Annual leave',
  sick: 'Sick leave',
  personal: 'Personal leave',
  marriage: 'Marriage leave',
  maternity: 'Maternity leave',
  compensatory: 'Time off in lieu',
  official: 'Official leave',
  outing: 'Out on business',
};

/** The hall's records a board reads beside its roster. */
export interface BoardHall {
  centre: { nameZh: string; nameEn: string };
  zones: ZoneRecord[];
  posts: PostRecord[];
  windows: WindowRecord[];
  /** window id → its A and B. */
  ab: Map<number, { aStaffId: number | null; bStaffId: number | null }>;
  staff: Map<number, StaffRecord>;
  templates: ShiftTemplateRecord[];
  /** The days as planned: confirmed years as entered, unconfirmed ones provisional. */
  calendar: CalendarDay[];
  /** Years of the range with no confirmed notice (the board and its print say so). */
  provisionalYears: number[];
}

export async function loadBoardHall(db: Queryable, from: string, to: string): Promise<BoardHall> {
  const centre = (await getCentre(db)) ?? { nameZh: '', nameEn: '' };
  const planning = await loadPlanningCalendar(db, from, to);
  const ab = new Map((await listWindowAb(db)).map((row) => [row.windowId, { aStaffId: row.aStaffId, bStaffId: row.bStaffId }]));
  return {
    centre,
    zones: await listZones(db),
    posts: await listPosts(db),
    windows: await listWindows(db),
    ab,
    staff: new Map((await listStaff(db)).map((person) => [person.id, person])),
    templates: await listShiftTemplates(db),
    calendar: [...planning.days.values()],
    provisionalYears: [...planning.provisionalYears, ...planning.unknownYears].sort((a, b) => a - b),
  };
}

export async function boardView(db: Queryable, ctx: BackendContext, rosterId: number, cache?: BoardStateCache): Promise<RosterBoard> {
  const state = await loadBoardState(db, rosterId, cache);
  const hall = await loadBoardHall(db, state.record.from, state.record.to);
  return {
    ...(await boardLayout(db, state, hall)),
    today: todayOf(ctx.clock),
    changesSincePublication: await countChangesSincePublication(db, rosterId),
  };
}

/** Everything of the board but the clock's today and the change count: also what the workbook prints. */
export async function boardLayout(db: Queryable, state: BoardState, hall: BoardHall): Promise<Omit<RosterBoard, 'today' | 'changesSincePublication'>> {
  const { record, scenario, assignments } = state;
  const zones = zonesOf(state, hall);
  const coverage = coverageOf(scenario, assignments);
  return {
    summary: summaryOf(record),
    centreNameZh: hall.centre.nameZh,
    centreNameEn: hall.centre.nameEn,
    editable: record.status !== 'superseded' && mayEditRoster(record.zoneIds),
    editableZoneIds: editableZonesOf(),
    days: daysOf(record.from, record.to, hall.calendar),
    shifts: shiftsOf(state, hall.templates),
    zones,
    posts: scenario.posts.map((post) => {
      const known = hall.posts.find((p) => String(p.id) === post.id);
      return { id: Number(post.id), code: known?.code ?? post.id, nameZh: known?.nameZh ?? post.name, nameEn: known?.nameEn ?? post.name, zoneId: known?.zoneId ?? null };
    }),
    people: peopleOf(state, hall, zones),
    duties: dutiesOf(state, zones),
    absences: await absencesOf(db, state, hall),
    closedWindows: closedWindowsOf(state),
    coverage,
    zoneCoverage: zoneCoverageOf(coverage, hall.posts, new Set(record.zoneIds)),
    breaches: boardBreaches(state, checkRoster(scenario, assignments).breaches),
    gaps: record.gaps.map((gap) => ({ ...gap })),
    lastChangeId: state.lastChangeId,
    provisionalYears: hall.provisionalYears,
  };
}

const DAY_KINDS: Readonly<Record<CalendarDayRecord['kind'], BoardDay['kind']>> = {
  workday: 'workday',
  weekend: 'restday',
  statutory: 'holiday',
  holiday_rest: 'holiday',
  makeup: 'makeup',
};

export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function daysOf(from: string, to: string, calendar: readonly CalendarDay[]): BoardDay[] {
  const byDate = new Map(calendar.map((day) => [day.date, day]));
  return datesFrom(from, to).map((date) => {
    const known = byDate.get(date);
    const weekday = weekdayOf(date);
    const kind = known ? DAY_KINDS[known.kind] : weekday >= 6 ? 'restday' : 'workday';
    const named = kind === 'holiday' || kind === 'makeup';
    return { date, weekday, kind, holidayName: named ? (known?.holidayName ?? null) : null };
  });
}

function shiftsOf({ scenario }: BoardState, templates: readonly ShiftTemplateRecord[]): BoardShift[] {
  const prepared = preparedOf(scenario);
  return prepared.shifts.map((shift) => {
    const template = templates.find((t) => t.code === shift.id);
    return { code: shift.id, name: template?.nameZh ?? shift.def.name ?? shift.id, start: shift.def.start, end: shift.def.end, minutes: shift.minutes };
  });
}

function zonesOf({ record, scenario }: BoardState, hall: BoardHall): BoardZone[] {
  const rostered = new Set(record.zoneIds);
  const scenarioPosts = new Set(scenario.posts.map((post) => Number(post.id)));
  return hall.zones
    .filter((zone) => rostered.has(zone.id))
    .map((zone) => ({
      id: zone.id,
      code: zone.code,
      nameZh: zone.nameZh,
      nameEn: zone.nameEn,
      windows: hall.windows
        .filter((window) => window.zoneId === zone.id && scenarioPosts.has(window.postId))
        .map((window): BoardWindow => ({
          id: window.id,
          code: window.code,
          nameZh: window.nameZh,
          nameEn: window.nameEn,
          postId: window.postId,
          aStaffId: hall.ab.get(window.id)?.aStaffId ?? null,
          bStaffId: hall.ab.get(window.id)?.bStaffId ?? null,
        })),
      postIds: hall.posts.filter((post) => post.zoneId === zone.id && scenarioPosts.has(post.id)).map((post) => post.id),
    }));
}

function peopleOf({ scenario, assignments }: BoardState, hall: BoardHall, zones: readonly BoardZone[]): BoardPerson[] {
  const prepared = preparedOf(scenario);
  const windows = zones.flatMap((zone) => zone.windows);
  const minutes = minutesByWeekOf({ scenario, assignments });
  return prepared.people.map((person) => {
    const staffId = Number(person.id);
    const record = hall.staff.get(staffId);
    return {
      staffId,
      name: record?.name ?? person.def.name,
      employeeNo: record?.employeeNo ?? '',
      homeZoneId: record?.homeZoneId ?? null,
      aWindowId: windows.find((window) => window.aStaffId === staffId)?.id ?? null,
      bWindowIds: windows.filter((window) => window.bStaffId === staffId).map((window) => window.id),
      levels: { ...person.def.skills },
      minutesByWeek: minutes.get(person.id) ?? new Array<number>(prepared.weeks).fill(0),
      maxMinutesPerWeek: person.maxMinutesPerWeek,
    };
  });
}

/** Minutes on duty per person in each 7-day block from the roster's first day; learners' hours count too. */
export function minutesByWeekOf({ scenario, assignments }: { scenario: BoardState['scenario']; assignments: readonly Assignment[] }): Map<string, number[]> {
  const prepared = preparedOf(scenario);
  const result = new Map<string, number[]>();
  for (const a of assignments) {
    const day = prepared.days[prepared.dayIndex.get(a.date) ?? -1];
    const shift = prepared.shifts[prepared.shiftIndex.get(a.shift) ?? -1];
    if (!day || !shift) continue;
    const weeks = result.get(a.staff) ?? new Array<number>(prepared.weeks).fill(0);
    weeks[day.week] = (weeks[day.week] ?? 0) + shift.minutes;
    result.set(a.staff, weeks);
  }
  return result;
}

/**
 * Every duty with the window it names, as stored. A roster made before seats were kept names none
 * at posts with windows: for those duties alone the board keeps the old guess — a window's A person
 * at their own window, then B people at a window they back up, then everyone else at a window of
 * the post nobody holds — marked `windowGuessed`; learners sit beside a mentor and take no window.
 */
export function dutiesOf({ assignments, pinned }: Pick<BoardState, 'assignments' | 'pinned'>, zones: readonly BoardZone[]): BoardDuty[] {
  const windowsByPost = new Map<number, BoardWindow[]>();
  for (const window of zones.flatMap((zone) => zone.windows)) windowsByPost.set(window.postId, [...(windowsByPost.get(window.postId) ?? []), window]);
  const bySlot = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const key = `${a.date}|${a.shift}|${a.post}`;
    bySlot.set(key, [...(bySlot.get(key) ?? []), a]);
  }
  const duties: BoardDuty[] = [];
  for (const slot of bySlot.values()) {
    const guessed = guessedSeatsOf(slot, windowsByPost.get(Number(slot[0]!.post)) ?? []);
    for (const a of slot) {
      const guess = guessed.get(a.staff);
      duties.push({
        staffId: Number(a.staff),
        date: a.date,
        shiftCode: a.shift,
        postId: Number(a.post),
        learner: a.learner === true,
        windowId: a.window !== undefined ? Number(a.window) : (guess ?? null),
        windowGuessed: a.window === undefined && guess !== undefined,
        pinned: pinned.has(`${a.staff}|${a.date}|${a.shift}`),
      });
    }
  }
  return duties.sort((x, y) => x.date.localeCompare(y.date) || x.shiftCode.localeCompare(y.shiftCode) || x.postId - y.postId || x.staffId - y.staffId);
}

/** The old A/B guess, for the counted duties of a slot that name no window, among the windows nobody there names. */
function guessedSeatsOf(slot: readonly Assignment[], windows: readonly BoardWindow[]): Map<string, number> {
  const seats = new Map<string, number>();
  const taken = new Set<number>(slot.filter((a) => a.window !== undefined).map((a) => Number(a.window)));
  const seat = (staff: string, window: BoardWindow | undefined) => {
    if (!window || seats.has(staff)) return;
    seats.set(staff, window.id);
    taken.add(window.id);
  };
  const unseated = slot.filter((a) => a.learner !== true && a.window === undefined);
  for (const a of unseated) seat(a.staff, windows.find((w) => !taken.has(w.id) && String(w.aStaffId) === a.staff));
  for (const a of unseated) seat(a.staff, windows.find((w) => !taken.has(w.id) && String(w.bStaffId) === a.staff));
  for (const a of unseated) seat(a.staff, windows.find((w) => !taken.has(w.id)));
  return seats;
}

/** Approved leave from the leave book, the absences marked on the board, then the roster's own time off in lieu. */
async function absencesOf(db: Queryable, { record, scenario, assignments }: BoardState, hall: BoardHall): Promise<BoardAbsence[]> {
  const people = new Set(scenario.staff.map((person) => Number(person.id)));
  const dates = datesFrom(record.from, record.to);
  const activeTemplates = hall.templates.filter((t) => t.active);
  const shiftCodes = new Set(scenario.shifts.map((shift) => shift.id));
  const result: BoardAbsence[] = [];
  for (const leave of await listLeave(db, { from: record.from, to: record.to, statuses: ['approved'] })) {
    if (!people.has(leave.staffId)) continue;
    for (const blocked of leaveOf([leave], dates, activeTemplates)) {
      if (blocked.shift !== undefined && !shiftCodes.has(blocked.shift)) continue;
      result.push({ staffId: leave.staffId, date: blocked.date, shiftCode: blocked.shift ?? null, source: 'leave', labelZh: LEAVE_NAMES_ZH[leave.type], labelEn: LEAVE_NAMES_EN[leave.type] });
    }
  }
  // The kind only, never the note typed with it (「发烧」): the board is printed for the client and
  // exported, and why someone is away stays with the person who recorded it, as a leave's reason does.
  for (const absence of await listAbsences(db, record.id)) {
    const label = ABSENCE_LABELS[absence.kind];
    result.push({ staffId: absence.staffId, date: absence.date, shiftCode: absence.shiftCode, source: 'absence', labelZh: label.zh, labelEn: label.en });
  }
  result.push(...lieuOnBoard(scenario, assignments));
  return result.sort((a, b) => a.date.localeCompare(b.date) || a.staffId - b.staffId);
}

function closedWindowsOf({ scenario, assignments }: BoardState): BoardClosedWindow[] {
  return windowsClosed(preparedOf(scenario), assignments).flatMap((entry) =>
    entry.windows.map((id) => ({ windowId: Number(id), date: entry.date, shiftCode: entry.shift, reasonZh: entry.reason, reasonEn: entry.reasonEn })));
}

const LIEU_LABEL = { labelZh: '调休', labelEn: 'Time off in lieu' } as const;
/** 综合计算工时: the rest the cycle plan gives for rest-day duty is not banked time off in lieu. */
const CYCLE_REST_LABEL = { labelZh: '轮休', labelEn: 'Cycle rest' } as const;

/**
 * A default-day shift given back for rest-day duty (rule 14) is not an empty cell: the lead and the
 * printed sheet say 调休, read off the roster as it stands by the checker's own ledger.
 */
function lieuOnBoard(scenario: BoardState['scenario'], assignments: Assignment[]): BoardAbsence[] {
  if (!scenario.presence) return [];
  return [...lieuLedger(preparedOf(scenario), assignments)].flatMap(([staff, entry]) =>
    entry.taken.map((shift): BoardAbsence => ({ staffId: Number(staff), date: shift.date, shiftCode: shift.shift, source: 'lieu', ...(shift.cycle ? CYCLE_REST_LABEL : LIEU_LABEL) })));
}

/** Sums of the posts' coverage per zone, date and shift: the board's coloured coverage rows. */
export function zoneCoverageOf(coverage: readonly RosterCoverageCell[], posts: readonly PostRecord[], zoneIds: ReadonlySet<number>): BoardZoneCoverage[] {
  const zoneOfPost = new Map(posts.map((post) => [post.id, post.zoneId]));
  const rows = new Map<string, BoardZoneCoverage>();
  for (const cell of coverage) {
    const zoneId = zoneOfPost.get(cell.postId);
    if (zoneId === null || zoneId === undefined || !zoneIds.has(zoneId)) continue;
    const key = `${zoneId}|${cell.date}|${cell.shiftCode}`;
    const row = rows.get(key) ?? { zoneId, date: cell.date, shiftCode: cell.shiftCode, required: 0, rostered: 0, withoutBackup: 0 };
    row.required += cell.required;
    row.rostered += cell.assigned;
    if (cell.required > 0 && !cell.backup) row.withoutBackup += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** The checker's breaches worded for the lead, each with its override when one was accepted. */
export function boardBreaches(state: Pick<BoardState, 'scenario' | 'overrides'>, breaches: readonly Breach[]): BoardBreach[] {
  const names = namesOf(state.scenario);
  return breaches.map((breach) => {
    const text = breachText(breach, names);
    return {
      rule: breach.rule,
      staffId: breach.staff === undefined ? null : Number(breach.staff),
      date: breach.date ?? null,
      shiftCode: breach.shift ?? null,
      postId: breach.post === undefined ? null : Number(breach.post),
      messageZh: text.zh,
      messageEn: text.en,
      override: state.overrides.get(breachKey(breach)) ?? null,
    };
  });
}

/**
 * Whether the account asking may edit this roster: a viewer never, a lead only a roster of one of
 * their zones (the backend refuses the rest anyway; the board then opens read-only instead).
 */
/** The zones whose cells the account asking may change (scope.ts checks the same): null for every zone. */
function editableZonesOf(): number[] | null {
  const account = currentCall().account;
  if (!account || account.role === 'dispatcher') return null;
  return account.role === 'lead' ? [...account.zoneIds] : [];
}

function mayEditRoster(zoneIds: readonly number[]): boolean {
  const account = currentCall().account;
  if (!account) return true;
  if (account.role === 'viewer') return false;
  return account.role !== 'lead' || leadsAny(account, zoneIds);
}
