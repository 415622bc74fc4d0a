/**
 * A validated scenario with everything resolved that the model, the checker and the gap reasons
 * all need: the dates, day kinds, weeks and weekends, shift minutes and clock times, each person's
 * limits with the centre's defaults filled in. Dates are handled as UTC day numbers so no time zone
 * can move a day.
 */
import { dayTier } from '../pay/tiers.ts';
import {
  DEFAULT_RULES,
  DEFAULT_WEIGHTS,
  QUALIFIED,
  type DayKind,
  type DemandLine,
  type Level,
  type PresenceRule,
  type RuleSet,
  type Scenario,
  type ShiftDef,
  type StaffDef,
  type Weights,
  type WindowDef,
} from './types.ts';

const DAY_MS = 86_400_000;

export interface PreparedShift {
  id: string;
  index: number;
  def: ShiftDef;
  /** Minutes from the day's midnight. */
  startMinute: number;
  /** Minutes from the day's midnight; past 1440 when the shift runs past midnight. */
  endMinute: number;
  minutes: number;
}

export interface PreparedDay {
  index: number;
  date: string;
  /** 1 Monday … 7 Sunday. */
  weekday: number;
  kind: DayKind;
  /** Consecutive 7-day blocks from the start. */
  week: number;
  /** Index of the Sat/Sun weekend this day belongs to, or -1. */
  weekend: number;
}

export interface PreparedPerson {
  id: string;
  index: number;
  def: StaffDef;
  levelOf(post: string): Level;
  maxShiftsPerWeek: number | null;
  maxMinutesPerWeek: number | null;
  maxConsecutiveDays: number;
  minConsecutiveDays: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number | null;
  maxShiftsPerDay: number | null;
  hourlyWage: number;
  /** 综合计算工时制: rest-day duties balanced within the cycle (StaffDef.hoursScheme). */
  comprehensive: boolean;
  daysWorkedBefore: number;
  /** `${dayIndex}` for a whole day, `${dayIndex}:${shiftId}` for one shift → the reason given. */
  unavailable: Map<string, string>;
  fixedWeekdaysOff: Set<number>;
  homePosts: Set<string>;
}

export interface PreparedScenario {
  scenario: Scenario;
  rules: RuleSet;
  weights: Weights;
  days: PreparedDay[];
  dayIndex: Map<string, number>;
  shifts: PreparedShift[];
  shiftIndex: Map<string, number>;
  posts: { id: string; name: string }[];
  people: PreparedPerson[];
  personIndex: Map<string, number>;
  weeks: number;
  weekends: number;
  /** The hall's windows and presence rule, resolved; null for the generic model. */
  hall: PreparedHall | null;
  /** The demand lines the model prices: for a post with windows, one line per open shift whose
   *  `required` is its open seats (docs/roster-rules.md, hard rule 12); other lines as given. */
  demand: DemandLine[];
}

export interface PreparedHall {
  presence: PresenceRule | null;
  /** Per day index: a working day under the presence rule. */
  working: boolean[];
  /** Per day index: a rest day the hall opens on. */
  openRest: boolean[];
  defaultShifts: Set<string>;
  windows: WindowDef[];
  windowsByPost: Map<string, WindowDef[]>;
  /** Post → zone (its own, else its windows'). */
  zoneOfPost: Map<string, string>;
  /** Per week: the weekly limits' multiplier, max(1, working days ÷ standard working days). */
  weekScale: number[];
  /**
   * `dayIndex|shift|windowId` of the demand windows held open by their A person: under the presence
   * rule, on a working day, a demand window whose A person is free that shift and qualified at its
   * post opens whatever the forecast (the A person sits at their window whenever present).
   */
  held: Set<string>;
}

export function isoDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Expects a scenario that passed validateScenario. */
export function prepareScenario(scenario: Scenario): PreparedScenario {
  const rules: RuleSet = { ...DEFAULT_RULES, ...scenario.rules };
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...scenario.weights };
  const days = prepareDays(scenario);
  const shifts = scenario.shifts.map(prepareShift);
  const dayIndex = new Map(days.map((day) => [day.date, day.index]));
  const people = scenario.staff.map((def, index) => preparePerson(def, index, rules, dayIndex));
  const hall = prepareHall(scenario, days, shifts, people);
  return {
    hall,
    demand: hall ? hallDemand(scenario, days, hall) : scenario.demand,
    scenario,
    rules,
    weights,
    days,
    dayIndex,
    shifts,
    shiftIndex: new Map(shifts.map((shift) => [shift.id, shift.index])),
    posts: scenario.posts.map((post) => ({ id: post.id, name: post.name })),
    people,
    personIndex: new Map(people.map((person) => [person.id, person.index])),
    weeks: Math.ceil(scenario.days / 7),
    weekends: new Set(days.filter((day) => day.weekend >= 0).map((day) => day.weekend)).size,
  };
}

function prepareDays(scenario: Scenario): PreparedDay[] {
  const first = isoDay(scenario.start);
  const kinds = new Map((scenario.calendar ?? []).map((entry) => [entry.date, entry.kind]));
  const weekendIds = new Map<number, number>();
  return Array.from({ length: scenario.days }, (_, index) => {
    const day = first + index;
    const date = isoDate(day);
    const weekday = ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1;
    const isWeekend = weekday >= 6;
    // Saturday and the Sunday after it share a weekend: key by that Saturday's day number.
    const saturday = weekday === 7 ? day - 1 : day;
    if (isWeekend && !weekendIds.has(saturday)) weekendIds.set(saturday, weekendIds.size);
    return {
      index,
      date,
      weekday,
      kind: kinds.get(date) ?? (isWeekend ? 'restday' : 'workday'),
      week: Math.floor(index / 7),
      weekend: isWeekend ? (weekendIds.get(saturday) ?? -1) : -1,
    };
  });
}

function prepareShift(def: ShiftDef, index: number): PreparedShift {
  const startMinute = minutesOf(def.start);
  let endMinute = minutesOf(def.end);
  if (endMinute <= startMinute) endMinute += 24 * 60;
  return { id: def.id, index, def, startMinute, endMinute, minutes: endMinute - startMinute };
}

function preparePerson(def: StaffDef, index: number, rules: RuleSet, dayIndex: Map<string, number>): PreparedPerson {
  const unavailable = new Map<string, string>();
  for (const entry of def.unavailable ?? []) {
    const day = dayIndex.get(entry.date);
    if (day === undefined) continue;
    unavailable.set(entry.shift === undefined ? `${day}` : `${day}:${entry.shift}`, entry.reason ?? '');
  }
  return {
    id: def.id,
    index,
    def,
    levelOf: (post) => def.skills[post] ?? 0,
    maxShiftsPerWeek: def.maxShiftsPerWeek ?? null,
    maxMinutesPerWeek: def.maxHoursPerWeek === undefined ? null : Math.round(def.maxHoursPerWeek * 60),
    maxConsecutiveDays: def.maxConsecutiveDays ?? rules.maxConsecutiveDays,
    minConsecutiveDays: def.minConsecutiveDays ?? 1,
    minConsecutiveDaysOff: def.minConsecutiveDaysOff ?? 1,
    maxWeekends: def.maxWeekends ?? rules.maxWeekends,
    maxShiftsPerDay: def.maxShiftsPerDay ?? rules.maxShiftsPerDay,
    hourlyWage: def.hourlyWage ?? rules.hourlyWage,
    comprehensive: def.hoursScheme === 'comprehensive',
    daysWorkedBefore: def.daysWorkedBefore ?? 0,
    unavailable,
    fixedWeekdaysOff: new Set(def.fixedWeekdaysOff ?? []),
    homePosts: new Set(def.homePosts ?? []),
  };
}

/** Why this person cannot work this shift at all, or null: leave, unavailability, a fixed day off. */
export function blockedReason(person: PreparedPerson, day: PreparedDay, shift: PreparedShift): { cause: 'unavailable' | 'fixed_day_off' | 'max_shifts_type'; detail: string } | null {
  const whole = person.unavailable.get(`${day.index}`);
  if (whole !== undefined) return { cause: 'unavailable', detail: whole };
  const single = person.unavailable.get(`${day.index}:${shift.id}`);
  if (single !== undefined) return { cause: 'unavailable', detail: single };
  if (person.fixedWeekdaysOff.has(day.weekday)) return { cause: 'fixed_day_off', detail: String(day.weekday) };
  if (person.def.maxShiftsByType?.[shift.id] === 0) return { cause: 'max_shifts_type', detail: shift.id };
  return null;
}

/** Two shifts on the same day overlap in time. */
export function overlaps(a: PreparedShift, b: PreparedShift): boolean {
  return a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

/** Minutes of rest between `first` on one day and `then` on the next (negative = they overlap). */
export function restBetween(first: PreparedShift, then: PreparedShift): number {
  return then.startMinute + 24 * 60 - first.endMinute;
}

/** The pay tier of a person's shift on a day of this kind: payroll's own definition (solver/pay/tiers.ts), not a copy. */
export function dayRate(kind: DayKind, person?: Pick<PreparedPerson, 'comprehensive'>): number {
  return dayTier(kind, person?.comprehensive ? 'comprehensive' : 'standard');
}

/**
 * The 综合计算工时 cycle a date falls in, as a key: within one key a comprehensive person's rest-day
 * minutes may be given back as default-day shifts off. A week cycle is the roster's own 7-day week.
 */
export function cycleKeyOf(day: Pick<PreparedDay, 'date' | 'week'>, cycle: 'week' | 'month' | 'quarter' | 'year' = 'month'): string {
  const [year, month] = day.date.split('-') as [string, string];
  if (cycle === 'week') return `w${day.week}`;
  if (cycle === 'year') return year;
  if (cycle === 'quarter') return `${year}-q${Math.ceil(Number(month) / 3)}`;
  return `${year}-${month}`;
}

function prepareHall(scenario: Scenario, days: PreparedDay[], shifts: PreparedShift[], people: PreparedPerson[]): PreparedHall | null {
  const windows = scenario.windows ?? [];
  const presence = scenario.presence ?? null;
  if (windows.length === 0 && presence === null) return null;
  const workingDates = new Set(presence?.workingDays ?? []);
  const openDates = new Set(presence?.openRestDays ?? []);
  const working = days.map((day) => workingDates.has(day.date));
  const windowsByPost = new Map<string, WindowDef[]>();
  for (const window of windows) windowsByPost.set(window.post, [...(windowsByPost.get(window.post) ?? []), window]);
  const zoneOfPost = new Map<string, string>();
  for (const window of windows) if (window.zone !== undefined && !zoneOfPost.has(window.post)) zoneOfPost.set(window.post, window.zone);
  for (const post of scenario.posts) if (post.zone !== undefined) zoneOfPost.set(post.id, post.zone);
  const standard = presence?.standardWorkingDays ?? 5;
  const weeks = Math.ceil(days.length / 7);
  const weekScale = Array.from({ length: weeks }, (_, week) => {
    const count = days.filter((day) => day.week === week && working[day.index]).length;
    return presence === null ? 1 : Math.max(1, count / standard);
  });
  return {
    presence,
    working,
    openRest: days.map((day) => openDates.has(day.date) && !workingDates.has(day.date)),
    defaultShifts: new Set(presence?.defaultShifts ?? []),
    windows,
    windowsByPost,
    zoneOfPost,
    weekScale,
    held: presence === null ? new Set() : heldWindows(windows, days, working, shifts, people, new Set(presence.defaultShifts)),
  };
}

function heldWindows(windows: WindowDef[], days: PreparedDay[], working: boolean[], shifts: PreparedShift[], people: PreparedPerson[], defaultShifts: Set<string>): Set<string> {
  const held = new Set<string>();
  const personById = new Map(people.map((person) => [person.id, person]));
  for (const window of windows) {
    const person = window.a === undefined ? undefined : personById.get(window.a);
    if (window.staffing === 'fixed' || !person || person.levelOf(window.post) < QUALIFIED) continue;
    for (const day of days) {
      if (!working[day.index]) continue;
      for (const shift of shifts) {
        if ((window.shifts ?? [...defaultShifts]).includes(shift.id) && !blockedReason(person, day, shift)) held.add(`${day.index}|${shift.id}|${window.id}`);
      }
    }
  }
  return held;
}

/**
 * The windows of a post that open in this day and shift: on a working day a window's `shifts`
 * (default: the presence rule's default shifts), on an open rest day its `restDayShifts` (all of
 * them open as fixed: the appointment service keeps its hours), on other days none. Without a
 * presence rule a window opens in its `shifts` (default: all) every day. `fixed` open whatever the
 * demand (fixed staffing, an open rest day, or a demand window held by its present A person);
 * `demand` open as the forecast needs them.
 */
export function windowsOpening(hall: PreparedHall, day: PreparedDay, shift: string, post: string): { fixed: WindowDef[]; demand: WindowDef[] } {
  const fixed: WindowDef[] = [];
  const demand: WindowDef[] = [];
  for (const window of hall.windowsByPost.get(post) ?? []) {
    if (hall.presence === null) {
      if (window.shifts === undefined || window.shifts.includes(shift)) (window.staffing === 'fixed' ? fixed : demand).push(window);
    } else if (hall.working[day.index]) {
      const shifts = window.shifts ?? [...hall.defaultShifts];
      const opensAnyway = window.staffing === 'fixed' || hall.held.has(`${day.index}|${shift}|${window.id}`);
      if (shifts.includes(shift)) (opensAnyway ? fixed : demand).push(window);
    } else if (hall.openRest[day.index] && (window.restDayShifts ?? []).includes(shift)) {
      fixed.push(window);
    }
  }
  return { fixed, demand };
}

/** Open seats = the fixed windows + the demand windows the demand needs beyond them, capped. */
export function openSeats(opening: { fixed: WindowDef[]; demand: WindowDef[] }, required: number): number {
  return opening.fixed.length + Math.min(opening.demand.length, Math.max(0, required - opening.fixed.length));
}

function hallDemand(scenario: Scenario, days: PreparedDay[], hall: PreparedHall): DemandLine[] {
  const lines = scenario.demand.filter((line) => !hall.windowsByPost.has(line.post));
  const given = new Map(scenario.demand.map((line) => [`${line.date}|${line.shift}|${line.post}`, line]));
  for (const day of days) {
    for (const shift of scenario.shifts) {
      for (const post of hall.windowsByPost.keys()) {
        const line = given.get(`${day.date}|${shift.id}|${post}`);
        const seats = openSeats(windowsOpening(hall, day, shift.id, post), line?.required ?? 0);
        if (seats > 0) lines.push({ ...(line ?? {}), date: day.date, shift: shift.id, post, required: seats });
      }
    }
  }
  return lines;
}
