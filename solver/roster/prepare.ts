/**
 * A validated scenario with everything resolved that the model, the checker and the gap reasons
 * all need: the dates, day kinds, weeks and weekends, shift minutes and clock times, each person's
 * limits with the centre's defaults filled in. Dates are handled as UTC day numbers so no time zone
 * can move a day.
 */
import {
  DEFAULT_RULES,
  DEFAULT_WEIGHTS,
  type DayKind,
  type Level,
  type RuleSet,
  type Scenario,
  type ShiftDef,
  type StaffDef,
  type Weights,
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
  return {
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

/** Pay multiplier of a shift on a day of this kind, before weekly overtime: 100/200/300%. */
export function dayRate(kind: DayKind): number {
  return kind === 'holiday' ? 3 : kind === 'restday' ? 2 : 1;
}
