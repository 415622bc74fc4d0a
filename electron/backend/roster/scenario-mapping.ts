/**
 * The hall's records turned into the optimiser's scenario: plain data in, a Scenario out, no
 * database, so each rule of the mapping is tested on its own (scenario-from-db.ts does the reads).
 * The app's numeric ids become strings (String(id)); shift ids are the templates' codes.
 */
import type { PostRecord, WindowRecord, ZoneRecord } from '../../../data/repositories/centre.ts';
import type { OpeningHoursRecord, ShiftTemplateRecord } from '../../../data/repositories/calendar.ts';
import type { LeaveRecord, LeaveTypeRecord } from '../../../data/repositories/leave.ts';
import type { PublishedDutyRecord } from '../../../data/repositories/roster.ts';
import type { SkillCellRecord, WindowAbRecord } from '../../../data/repositories/skills.ts';
import type { StaffRecord } from '../../../data/repositories/staff.ts';
import type { CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import type { HoursCycle } from '../../../solver/pay/hours.ts';
import { birthDateOfIdNumber, partialHolidaysOf } from '../../../solver/calendar/partial-holidays.ts';
import type {
  CalendarEntry,
  DayKind,
  DemandLine,
  DemandPeak,
  DutyHistory,
  Level,
  PostDef,
  PresenceRule,
  Scenario,
  ShiftDef,
  StaffDef,
  Unavailability,
  WindowDef,
} from '../../../solver/roster/types.ts';
import { addDays, datesFrom } from '../demand/calendar.ts';

/** Who may be rostered for a period, over which zones. */
export interface RosterPeriod {
  from: string;
  days: number;
  zoneIds: readonly number[];
}

/** Everything the mapping reads, loaded by scenario-from-db.ts. */
export interface RosterInputs {
  period: RosterPeriod;
  zones: readonly ZoneRecord[];
  posts: readonly PostRecord[];
  windows: readonly WindowRecord[];
  staff: readonly StaffRecord[];
  cells: readonly SkillCellRecord[];
  ab: readonly WindowAbRecord[];
  /** Every template, retired ones too: past duties may name them. */
  templates: readonly ShiftTemplateRecord[];
  /** Approved leave sharing a day with the period. */
  leave: readonly LeaveRecord[];
  /** Every day of the period and of the history before it. */
  calendar: ReadonlyMap<string, CalendarDay>;
  /** Staff needed per post, date and half-hour (the demand area's bySkill). */
  demand: readonly { postId: number; date: string; slot: number; required: number; tickets?: number }[];
  /** Duties on published rosters from HISTORY_MONTHS before the period to its end. */
  duties: readonly PublishedDutyRecord[];
  /** The hall's opening hours per day kind (the Saturday appointment service among them). */
  openingHours?: readonly OpeningHoursRecord[];
  /** Template id → the windows the dispatcher set open in it; a window set in none opens in every demand shift. */
  templateWindows?: ReadonlyMap<number, readonly number[]>;
  /** The client's contract: posts per zone id and the on-duty target. */
  duty?: { contractedPosts: Readonly<Record<string, number>>; targetPercent: number };
  /** The 综合计算工时 averaging cycle of the pay rules (cost settings): the cycle plans' span. */
  comprehensiveCycle?: HoursCycle;
}

/** Fairness counts the duties of the last three months (docs/roster-rules.md, soft goal 5). */
export const HISTORY_MONTHS = 3;
/** The centre's ceiling on a person's weekly hours, whatever a contract says. */
export const MAX_HOURS_PER_WEEK = 44;
/** A day is at most three shifts: the morning and the afternoon everyone holds, and a lunch cover between them. */
export const MAX_SHIFTS_PER_DAY = 3;
/** A shift ending after this is a late duty (延时服务), spread fairly like weekends. */
export const LATE_AFTER_MINUTE = 18 * 60;
/** Working days in a week: the weekly shift limit is the day's limit times this. */
const WORKING_DAYS_PER_WEEK = 5;

export const LEAVE_NAMES_ZH: Readonly<Record<LeaveTypeRecord, string>> = {
  annual: '年假', sick: '病假', personal: '事假', marriage: '婚假', maternity: '产假', compensatory: '调休', official: '公假', outing: '外出',
};
export const NOT_YET_HIRED_ZH = '未入职';
export const DEPARTED_ZH = '已离职';
export const ELSEWHERE_ZH = '已排入其他区域';

export function periodDates(period: Pick<RosterPeriod, 'from' | 'days'>): string[] {
  return datesFrom(period.from, lastDateOf(period));
}

export function lastDateOf(period: Pick<RosterPeriod, 'from' | 'days'>): string {
  return addDays(period.from, period.days - 1);
}

/** The first day whose duties count as history: the same day HISTORY_MONTHS earlier. */
export function historyStartOf(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1 - HISTORY_MONTHS, 1));
  const lastOfMonth = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
  start.setUTCDate(Math.min(d, lastOfMonth));
  return start.toISOString().slice(0, 10);
}

export function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The hall's scenario (docs/roster-rules.md, rules 11–13): everyone of the selected zones present on
 * every working day, at a window of their post or at a flexible post of their zone, lunch cover and
 * Saturday service on top. Only the selected zones' own people are rostered, so a one-zone roster
 * never decides another zone's days.
 */
export function buildScenario(inputs: RosterInputs): Scenario {
  const { period } = inputs;
  const posts = postsOf(inputs);
  const postIds = new Set(posts.map((post) => Number(post.id)));
  const active = inputs.templates.filter((template) => template.active);
  const shifts = active.map(shiftOf);
  const perDay = Math.min(MAX_SHIFTS_PER_DAY, longestChain(active));
  const zones = new Set(period.zoneIds);
  const staff = staffOf(inputs, postIds, perDay * WORKING_DAYS_PER_WEEK).filter((person) => person.zone === undefined || zones.has(Number(person.zone)));
  // A flexible post of the whole hall (the shift lead's) belongs in a roster only when someone in it holds it.
  const withWindows = new Set(inputs.windows.map((window) => String(window.postId)));
  const held = new Set(staff.flatMap((person) => Object.keys(person.skills)));
  return {
    name: scenarioName(inputs),
    start: period.from,
    days: period.days,
    shifts,
    posts: posts.filter((post) => post.zone !== undefined || withWindows.has(post.id) || held.has(post.id)),
    staff,
    demand: demandOf(inputs.demand, demandShifts(active), postIds, periodDates(period)),
    calendar: calendarOf(inputs.calendar, periodDates(period)),
    rules: { maxShiftsPerDay: perDay },
    // An A or B who is not rostered here (away all period, of another zone, gone) names nobody.
    windows: windowsOf(inputs).map((window) => {
      const { a, b, ...rest } = window;
      const rostered = (id: string | undefined) => id !== undefined && staff.some((person) => person.id === id);
      return { ...rest, ...(rostered(a) ? { a } : {}), ...(rostered(b) ? { b } : {}) };
    }),
    presence: presenceOf(inputs),
  };
}

/** The default day's shifts, the working days from the confirmed calendar, Saturdays the hall opens. */
export function presenceOf(inputs: RosterInputs): PresenceRule {
  const dates = periodDates(inputs.period);
  const saturday = inputs.openingHours?.find((hours) => hours.dayKind === 'saturday');
  const contracted: Record<string, number> = {};
  for (const zoneId of inputs.period.zoneIds) {
    const posts = inputs.duty?.contractedPosts[String(zoneId)];
    contracted[String(zoneId)] = posts ?? inputs.windows.filter((window) => window.zoneId === zoneId).length;
  }
  return {
    defaultShifts: inputs.templates.filter((template) => template.active && template.defaultDay).map((template) => template.code),
    workingDays: dates.filter((date) => {
      const day = inputs.calendar.get(date);
      return day ? dayKindOf(day) === 'workday' : !isWeekendDate(date);
    }),
    // An ordinary Saturday only: a Saturday inside a holiday stays closed.
    ...(saturday?.isOpen ? { openRestDays: dates.filter((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 6 && inputs.calendar.get(date)?.kind === 'weekend') } : {}),
    contractedPosts: contracted,
    ...(inputs.duty ? { targetPercent: inputs.duty.targetPercent } : {}),
    ...(inputs.comprehensiveCycle ? { comprehensiveCycle: inputs.comprehensiveCycle } : {}),
  };
}

/**
 * The selected zones' windows as seats, with their A and B people. A window opens in every demand
 * shift (morning, lunch cover, afternoon) whose template lists it, or lists no window at all; on
 * an open Saturday a window of the Saturday service opens in the default-day shifts inside the
 * Saturday hours.
 */
export function windowsOf(inputs: RosterInputs): WindowDef[] {
  const zones = new Set(inputs.period.zoneIds);
  const active = inputs.templates.filter((template) => template.active);
  const demand = demandShifts(active);
  // A template the dispatcher set windows for opens those only; one set for none opens them all.
  const opensIn = (windowId: number) =>
    demand.filter((template) => {
      const listed = inputs.templateWindows?.get(template.id) ?? [];
      return listed.length === 0 || listed.includes(windowId);
    }).map((template) => template.code);
  const saturday = inputs.openingHours?.find((hours) => hours.dayKind === 'saturday');
  const saturdayCodes = saturday?.isOpen ? active.filter((t) => t.defaultDay && t.startsAt < saturday.closesAt && saturday.opensAt < t.endsAt).map((t) => t.code) : [];
  const ab = new Map(inputs.ab.map((seats) => [seats.windowId, seats]));
  return inputs.windows
    .filter((window) => zones.has(window.zoneId))
    .map((window): WindowDef => {
      const seats = ab.get(window.id);
      return {
        id: String(window.id),
        name: window.code,
        post: String(window.postId),
        zone: String(window.zoneId),
        staffing: window.staffing,
        shifts: opensIn(window.id),
        ...(window.saturdayService && saturdayCodes.length > 0 ? { restDayShifts: saturdayCodes } : {}),
        ...(seats && seats.aStaffId !== null ? { a: String(seats.aStaffId) } : {}),
        ...(seats && seats.bStaffId !== null ? { b: String(seats.bStaffId) } : {}),
      };
    });
}

function scenarioName(inputs: RosterInputs): string {
  const zones = inputs.period.zoneIds.map((id) => inputs.zones.find((zone) => zone.id === id)?.nameZh ?? String(id));
  return `${inputs.period.from} 起 ${inputs.period.days} 天 · ${zones.join('、')}`;
}

/**
 * The posts the selected zones' windows and desks require, and the zones' flexible posts (those
 * without windows: 后台录入, 大厅秩序; the hall-wide shift lead), each once, with its zone.
 */
export function postsOf(inputs: Pick<RosterInputs, 'period' | 'posts' | 'windows'>): PostDef[] {
  const zones = new Set(inputs.period.zoneIds);
  const needed = new Set(inputs.windows.filter((window) => zones.has(window.zoneId)).map((window) => window.postId));
  const withWindows = new Set(inputs.windows.map((window) => window.postId));
  const flexible = (post: PostRecord) => !withWindows.has(post.id) && (post.zoneId === null || zones.has(post.zoneId));
  return inputs.posts
    .filter((post) => needed.has(post.id) || flexible(post))
    .map((post) => ({ id: String(post.id), name: post.nameZh, ...(post.zoneId === null ? {} : { zone: String(post.zoneId) }) }));
}

export function shiftOf(template: ShiftTemplateRecord): ShiftDef {
  return {
    id: template.code,
    start: clockOf(template.startsAt),
    end: clockOf(template.endsAt),
    name: template.nameZh,
    ...(template.endsAt > LATE_AFTER_MINUTE ? { late: true } : {}),
  };
}

function overlapping(a: ShiftTemplateRecord, b: ShiftTemplateRecord): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/**
 * The shifts demand is placed on: the default day's shifts first, then every other shift that
 * overlaps none already chosen (the lunch cover between morning and afternoon). Demand on two
 * overlapping shifts would count the same half-hour twice, since the model fills each shift's
 * demand only with that shift; a 全天 template overlapping both halves stays rosterable but carries none.
 */
export function demandShifts(templates: readonly ShiftTemplateRecord[]): ShiftTemplateRecord[] {
  const ordered = [...templates].sort((a, b) => Number(b.defaultDay) - Number(a.defaultDay) || a.startsAt - b.startsAt || a.id - b.id);
  const chosen: ShiftTemplateRecord[] = [];
  for (const template of ordered) if (!chosen.some((other) => overlapping(other, template))) chosen.push(template);
  return chosen.sort((a, b) => a.startsAt - b.startsAt);
}

/** The most shifts one person can work in a day without two overlapping (earliest end first). */
export function longestChain(templates: readonly ShiftTemplateRecord[]): number {
  let count = 0;
  let freeFrom = -1;
  for (const template of [...templates].sort((a, b) => a.endsAt - b.endsAt)) {
    if (template.startsAt >= freeFrom) {
      count += 1;
      freeFrom = template.endsAt;
    }
  }
  return count;
}

/**
 * A shift needs the most staff any half-hour wholly inside it needs (as the demand area counts
 * shifts). Where the forecast says how many tickets, the line carries its peak: the first run of
 * half-hours at that most and the tickets expected over it, the words a closed window gives.
 */
export function demandOf(
  bySkill: RosterInputs['demand'],
  shifts: readonly ShiftTemplateRecord[],
  postIds: ReadonlySet<number>,
  dates: readonly string[],
): DemandLine[] {
  const inPeriod = new Set(dates);
  const slotsOf = new Map<string, RosterInputs['demand'][number][]>();
  for (const row of bySkill) {
    if (!postIds.has(row.postId) || !inPeriod.has(row.date)) continue;
    for (const shift of shifts) {
      if (row.slot * 30 < shift.startsAt || (row.slot + 1) * 30 > shift.endsAt) continue;
      const key = `${row.date}|${shift.code}|${row.postId}`;
      slotsOf.set(key, [...(slotsOf.get(key) ?? []), row]);
    }
  }
  return [...slotsOf]
    .map(([key, rows]) => ({ key, rows, required: Math.max(0, ...rows.map((row) => row.required)) }))
    .filter(({ required }) => required > 0)
    .map(({ key, rows, required }): DemandLine => {
      const [date, shift, post] = key.split('|') as [string, string, string];
      const peak = peakOf(rows, required);
      return { date, shift, post, required, ...(peak ? { peak } : {}) };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.shift.localeCompare(b.shift) || Number(a.post) - Number(b.post));
}

function peakOf(rows: RosterInputs['demand'], required: number): DemandPeak | undefined {
  if (rows.some((row) => row.tickets === undefined)) return undefined;
  const bySlot = [...rows].sort((a, b) => a.slot - b.slot);
  const first = bySlot.findIndex((row) => row.required === required);
  let last = first;
  while (bySlot[last + 1]?.required === required && bySlot[last + 1]!.slot === bySlot[last]!.slot + 1) last += 1;
  const run = bySlot.slice(first, last + 1);
  const tickets = Math.round(run.reduce((total, row) => total + (row.tickets ?? 0), 0));
  return { from: clockOf(run[0]!.slot * 30), to: clockOf((run[run.length - 1]!.slot + 1) * 30), tickets };
}

/** Statutory holidays pay 300%, days off 200%, working and make-up days 100%. */
export function dayKindOf(day: CalendarDay): DayKind {
  if (day.kind === 'statutory') return 'holiday';
  if (day.kind === 'weekend' || day.kind === 'holiday_rest') return 'restday';
  return 'workday';
}

export function calendarOf(calendar: ReadonlyMap<string, CalendarDay>, dates: readonly string[]): CalendarEntry[] {
  return dates.map((date) => {
    const day = calendar.get(date);
    return { date, kind: day ? dayKindOf(day) : isWeekendDate(date) ? 'restday' : 'workday' };
  });
}

function isWeekendDate(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isEmployedOn(person: StaffRecord, date: string): boolean {
  return person.hireDate <= date && (person.status !== 'departed' || person.leftOn === null || date <= person.leftOn);
}

/** Everyone employed on some day of the period who can do (or is learning) a post of the selected zones. */
export function staffOf(inputs: RosterInputs, postIds: ReadonlySet<number>, maxShiftsPerWeek: number): StaffDef[] {
  const dates = periodDates(inputs.period);
  const skills = skillsByPerson(inputs.cells, postIds);
  const homes = homePostsByPerson(inputs, postIds);
  const history = historyByPerson(inputs);
  const elsewhere = dutiesElsewhere(inputs);
  return inputs.staff
    .filter((person) => skills.has(person.id) && dates.some((date) => isEmployedOn(person, date)))
    .map((person) => ({
      id: String(person.id),
      name: person.name,
      skills: skills.get(person.id)!,
      maxShiftsPerWeek,
      // Everyone holds the default day; lunch cover and Saturday duty come on top, above a standard
      // contract's 40 h as overtime (the 150% tier prices it), never above the centre's ceiling.
      maxHoursPerWeek: MAX_HOURS_PER_WEEK,
      unavailable: [
        ...employmentGaps(person, dates),
        ...leaveOf(inputs.leave.filter((leave) => leave.staffId === person.id), dates, inputs.templates.filter((t) => t.active)),
        ...partialHolidayAbsences(person, dates, inputs),
        ...(elsewhere.get(person.id) ?? []).map((date) => ({ date, reason: ELSEWHERE_ZH })),
      ],
      homePosts: homes.get(person.id) ?? [],
      zone: String(person.homeZoneId),
      ...(person.contractType === 'comprehensive' ? { hoursScheme: 'comprehensive' as const } : {}),
      daysWorkedBefore: daysWorkedBefore(inputs.duties, person.id, inputs.period.from),
      history: history.get(person.id) ?? {},
    }));
}

function skillsByPerson(cells: readonly SkillCellRecord[], postIds: ReadonlySet<number>): Map<number, Record<string, Level>> {
  const byPerson = new Map<number, Record<string, Level>>();
  for (const cell of cells) {
    if (cell.level < 1 || !postIds.has(cell.postId)) continue;
    const skills = byPerson.get(cell.staffId) ?? {};
    skills[String(cell.postId)] = cell.level;
    byPerson.set(cell.staffId, skills);
  }
  return byPerson;
}

/** The posts of the windows where a person sits as A or B: continuity keeps them there. */
export function homePostsByPerson(inputs: Pick<RosterInputs, 'windows' | 'ab'>, postIds: ReadonlySet<number>): Map<number, string[]> {
  const postOfWindow = new Map(inputs.windows.map((window) => [window.id, window.postId]));
  const byPerson = new Map<number, Set<string>>();
  for (const seats of inputs.ab) {
    const postId = postOfWindow.get(seats.windowId);
    if (postId === undefined || !postIds.has(postId)) continue;
    for (const staffId of [seats.aStaffId, seats.bStaffId]) {
      if (staffId === null) continue;
      byPerson.set(staffId, (byPerson.get(staffId) ?? new Set()).add(String(postId)));
    }
  }
  return new Map([...byPerson].map(([staffId, posts]) => [staffId, [...posts].sort((a, b) => Number(a) - Number(b))]));
}

function employmentGaps(person: StaffRecord, dates: readonly string[]): Unavailability[] {
  return dates
    .filter((date) => !isEmployedOn(person, date))
    .map((date) => ({ date, reason: date < person.hireDate ? NOT_YET_HIRED_ZH : DEPARTED_ZH }));
}

/**
 * Approved leave as unavailability, named by its type. A half day (one date, morning or afternoon)
 * blocks the shifts that reach into that half: the morning ends, and the afternoon begins, at noon.
 */
export function leaveOf(leave: readonly LeaveRecord[], dates: readonly string[], templates: readonly ShiftTemplateRecord[]): Unavailability[] {
  const result: Unavailability[] = [];
  for (const request of leave) {
    const reason = LEAVE_NAMES_ZH[request.type];
    for (const date of dates.filter((d) => d >= request.from && d <= request.to)) {
      if (request.part === 'full') {
        result.push({ date, reason });
        continue;
      }
      const half = request.part === 'am' ? { startsAt: 0, endsAt: 12 * 60 } : { startsAt: 12 * 60, endsAt: 24 * 60 };
      for (const template of templates) {
        if (template.startsAt < half.endsAt && half.startsAt < template.endsAt) result.push({ date, shift: template.code, reason });
      }
    }
  }
  return result;
}

/**
 * 3·8 (women) and 5·4 (staff of 14 to 28) on a working day: the afternoon off, paid
 * (劳社厅函〔2000〕18号), so the shifts reaching past noon are not theirs and the presence rule
 * does not ask for them. On a rest day there is nothing, and no day in lieu.
 */
export function partialHolidayAbsences(person: Pick<StaffRecord, 'gender' | 'idNumber'>, dates: readonly string[], inputs: Pick<RosterInputs, 'calendar' | 'templates'>): Unavailability[] {
  const isWorkingDay = (date: string) => {
    const day = inputs.calendar.get(date);
    return day ? dayKindOf(day) === 'workday' : !isWeekendDate(date);
  };
  const halves = partialHolidaysOf({ gender: person.gender, birthDate: birthDateOfIdNumber(person.idNumber) }, dates, isWorkingDay);
  const afternoon = inputs.templates.filter((template) => template.active && template.endsAt > 12 * 60);
  return halves.flatMap((half) => afternoon.map((template) => ({ date: half.date, shift: template.code, reason: half.name })));
}

/**
 * Days a person already works on a published roster of other zones: rostering them here too would
 * double-book them, and the two rosters' weekly limits would never see each other.
 */
function dutiesElsewhere(inputs: RosterInputs): Map<number, string[]> {
  const selected = new Set(inputs.period.zoneIds);
  const dates = new Set(periodDates(inputs.period));
  const byPerson = new Map<number, Set<string>>();
  for (const duty of inputs.duties) {
    if (!dates.has(duty.date) || duty.zoneIds.some((zoneId) => selected.has(zoneId))) continue;
    byPerson.set(duty.staffId, (byPerson.get(duty.staffId) ?? new Set()).add(duty.date));
  }
  return new Map([...byPerson].map(([staffId, days]) => [staffId, [...days].sort()]));
}

/** Days in a row just before `from` on which the person had a published duty. */
export function daysWorkedBefore(duties: readonly PublishedDutyRecord[], staffId: number, from: string): number {
  const worked = new Set(duties.filter((duty) => duty.staffId === staffId && duty.date < from).map((duty) => duty.date));
  let count = 0;
  while (worked.has(addDays(from, -(count + 1)))) count += 1;
  return count;
}

/** Weekend, holiday and late duties and hours of the last HISTORY_MONTHS, per person. */
export function historyByPerson(inputs: Pick<RosterInputs, 'duties' | 'templates' | 'calendar' | 'period'>): Map<number, DutyHistory> {
  const since = historyStartOf(inputs.period.from);
  const templates = new Map(inputs.templates.map((template) => [template.code, template]));
  const byPerson = new Map<number, Required<DutyHistory>>();
  for (const duty of inputs.duties) {
    if (duty.date < since || duty.date >= inputs.period.from) continue;
    const template = templates.get(duty.shiftCode);
    const counts = byPerson.get(duty.staffId) ?? { weekendShifts: 0, holidayShifts: 0, lateShifts: 0, hours: 0 };
    byPerson.set(duty.staffId, counts);
    if (isWeekendDate(duty.date)) counts.weekendShifts += 1;
    if (inputs.calendar.get(duty.date)?.kind === 'statutory') counts.holidayShifts += 1;
    if (template && template.endsAt > LATE_AFTER_MINUTE) counts.lateShifts += 1;
    if (template) counts.hours += (template.endsAt - template.startsAt) / 60;
  }
  return byPerson;
}
