/**
 * The roster as an integer program, exactly as docs/roster-rules.md defines it (the checker in
 * check.ts follows the same page independently, and a test holds the two to the same total).
 *
 * Decisions: a binary per (person, day, shift, post) where the person may sit there at all — level ≥ 2,
 * or a level-1 learner where some mentor could sit beside them — and not on leave, a fixed day off or
 * a shift type they may never work. Everything else follows from those decisions:
 * - works[person, day]: exact OR of the day's duties (a binary only where two duties of a day can
 *   both be worked; on a day of at most one duty it is just the sum of the duty binaries);
 * - runs of work and rest: window rows where only a maximum applies (an interval matrix, already
 *   tight), a network of allowed blocks where a minimum applies too (runs.ts);
 * - unmet / over per slot: integers, implied by the duties, declared so that HiGHS sees a whole
 *   objective where the weights are whole (the benchmark's) and can stop at the first whole bound;
 * - backup per slot: one continuous "no backup" variable, no binaries per person (see coverSlot);
 * - overtime per person and week, continuous;
 * - fairness as convex piecewise-linear segments, continuous: increasing marginal costs need no
 *   binaries because the cheaper segment always fills first;
 * - changes against a baseline roster as costs on the duty binaries themselves (no variables).
 */
import type { IntegerProgram } from '../lp/types.ts';
import { LIEU_TIER, PAY_TIERS } from '../pay/tiers.ts';
import { addRunNetwork } from './runs.ts';
import { ProgramBuilder, scaled, single, sumOf, type Terms } from './program.ts';
import {
  blockedReason,
  cycleKeyOf,
  dayRate,
  windowsOpening,
  overlaps,
  restBetween,
  type PreparedDay,
  type PreparedPerson,
  type PreparedScenario,
  type PreparedShift,
} from './prepare.ts';
import { MENTOR, QUALIFIED, type Assignment, type DemandLine, type WindowDef } from './types.ts';

interface Duty {
  variable: string;
  post: string;
  learner: boolean;
}

export interface RosterModel {
  program: IntegerProgram;
  /** The assignment variables: fixing them fixes the roster; every other variable follows. */
  decisions: string[];
  decode(values: Record<string, number>): Assignment[];
}

/** No roster keeps every hard rule; `problems` say which rules clash, in plain words. */
export class RosterInfeasibleError extends Error {
  constructor(readonly problems: string[]) {
    super(`No roster can keep every hard rule:\n- ${problems.join('\n- ')}`);
    this.name = 'RosterInfeasibleError';
  }
}

interface Context {
  prepared: PreparedScenario;
  builder: ProgramBuilder;
  /** [person][day][shift] → the duty binaries of that person, day and shift. */
  duties: Duty[][][][];
  /** [person][day] → works(person, day) as terms; empty when the person cannot work that day. */
  work: Terms[][];
  /** [person][day] → at most one duty is possible that day, so works = Σ duties. */
  exclusive: boolean[][];
  /** `person|day|shift` → the lieu variable of a default-day shift (hard rule 14). */
  lieu: Map<string, string>;
  /** Rule 15's need on rest days (slot key → staff), computed once for the duties and the cap. */
  restNeed: Map<string, number> | null;
  problems: string[];
}

export function buildRosterModel(prepared: PreparedScenario): RosterModel {
  const context = createContext(prepared);
  linkDays(context);
  pinAssignments(context);
  for (const person of prepared.people) context.builder.inBlock(person.index, () => addPersonRules(context, person));
  const slots = slotsOf(context);
  addMentorRows(context, slots);
  addCoverAndBackup(context, slots);
  addLieu(context);
  addPresence(context);
  addRestDayCap(context, slots);
  addSeatRules(context, slots);
  addOvertime(context);
  addFairness(context);
  addRequests(context);
  addChanges(context);
  if (context.problems.length > 0) throw new RosterInfeasibleError(context.problems);
  const allDuties = context.duties.flat(3);
  return {
    program: context.builder.build(),
    decisions: allDuties.map((duty) => duty.variable),
    decode: (values) => seatAssignments(prepared, decodeAssignments(context, values)),
  };
}

// ---------------------------------------------------------------------------------------------
// Duties: who may sit where, with what the seat costs

function createContext(prepared: PreparedScenario): Context {
  const builder = new ProgramBuilder();
  const mentorsPossible = countPossibleMentors(prepared);
  const seats = seatsBySlot(prepared);
  const restNeed = restDayNeed(prepared);
  const duties = prepared.people.map((person) =>
    builder.inBlock(person.index, () => prepared.days.map((day) => prepared.shifts.map((shift) => createDuties(prepared, builder, person, day, shift, mentorsPossible, seats, restNeed)))),
  );
  return { prepared, builder, duties, work: [], exclusive: [], lieu: new Map(), restNeed, problems: [] };
}

/** Under presence: slot key → staff needed, for capping rest-day duties at the need (rule 15). */
function restDayNeed(prepared: PreparedScenario): Map<string, number> | null {
  if (!prepared.hall?.presence) return null;
  const need = new Map<string, number>();
  for (const line of prepared.demand) {
    const day = prepared.dayIndex.get(line.date);
    const shift = prepared.shiftIndex.get(line.shift);
    if (day !== undefined && shift !== undefined && !prepared.hall.working[day]) need.set(dutyKey(day, shift, line.post), (need.get(dutyKey(day, shift, line.post)) ?? 0) + line.required);
  }
  return need;
}

/** Rule 15's cap: on a rest day, no more people at a post than it needs (learners included). */
function addRestDayCap(context: Context, slots: Map<string, Slot>): void {
  const { builder, restNeed: need } = context;
  if (!need) return;
  for (const [key, slot] of slots) {
    const required = need.get(key);
    if (required === undefined) continue;
    const terms = [...slot.qualified, ...slot.learners];
    if (terms.length > required) builder.row(`rest day need|${key}`, terms, undefined, required);
  }
}

function dutyKey(day: number, shift: number, post: string): string {
  return `${day}|${shift}|${post}`;
}

/** Slots (day, shift, post) → how many level-3 people could sit there. */
function countPossibleMentors(prepared: PreparedScenario): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of prepared.people) {
    for (const day of prepared.days) {
      for (const shift of prepared.shifts) {
        if (!mayWork(prepared, person, day, shift)) continue;
        for (const post of prepared.posts) {
          if (person.levelOf(post.id) !== MENTOR) continue;
          const key = dutyKey(day.index, shift.index, post.id);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}

/** Whether any rule leaves this shift open to the person at all; what the program could not know. */
function mayWork(prepared: PreparedScenario, person: PreparedPerson, day: PreparedDay, shift: PreparedShift): boolean {
  if (blockedReason(person, day, shift)) return false;
  if (person.maxShiftsPerWeek === 0 || (person.maxShiftsPerDay ?? 1) <= 0) return false;
  if (person.maxMinutesPerWeek !== null && shift.minutes > person.maxMinutesPerWeek) return false;
  if (person.def.maxMinutesTotal !== undefined && shift.minutes > person.def.maxMinutesTotal) return false;
  if (person.maxWeekends === 0 && day.weekend >= 0) return false;
  // Already at the consecutive-day limit when the horizon starts: the first day is a day off.
  return !(day.index === 0 && person.daysWorkedBefore >= consecutiveLimit(prepared, person));
}

function consecutiveLimit(prepared: PreparedScenario, person: PreparedPerson): number {
  return prepared.rules.restDayInSeven ? Math.min(person.maxConsecutiveDays, 6) : person.maxConsecutiveDays;
}

function createDuties(
  prepared: PreparedScenario,
  builder: ProgramBuilder,
  person: PreparedPerson,
  day: PreparedDay,
  shift: PreparedShift,
  mentorsPossible: Map<string, number>,
  seats: Map<string, number>,
  restNeed: Map<string, number> | null,
): Duty[] {
  if (!mayWork(prepared, person, day, shift)) return [];
  const restDay = restNeed !== null && !prepared.hall!.working[day.index];
  const duties: Duty[] = [];
  const wageCost = ((shift.minutes / 60) * person.hourlyWage * dayRate(day.kind, person) * prepared.weights.cost) / 100;
  for (const post of prepared.posts) {
    // A post with windows takes people only in shifts where some window of it is open.
    if (hasWindows(prepared, post.id) && (seats.get(dutyKey(day.index, shift.index, post.id)) ?? 0) === 0) continue;
    // Hard rule 15: under presence a rest day's duty is on top, only where the hall needs someone.
    if (restDay && (restNeed.get(dutyKey(day.index, shift.index, post.id)) ?? 0) === 0) continue;
    const level = person.levelOf(post.id);
    const key = `${person.index}|${dutyKey(day.index, shift.index, post.id)}`;
    if (level >= QUALIFIED) {
      const offHome = person.homePosts.size > 0 && !person.homePosts.has(post.id);
      const cost = wageCost + (offHome ? prepared.weights.continuity : 0) + crossZoneCost(prepared, person, post.id);
      duties.push({ variable: builder.variable(`x|${key}`, 'binary', cost), post: post.id, learner: false });
    } else if (level === 1 && (mentorsPossible.get(dutyKey(day.index, shift.index, post.id)) ?? 0) > 0) {
      duties.push({ variable: builder.variable(`l|${key}`, 'binary', wageCost), post: post.id, learner: true });
    }
  }
  return duties;
}

/** Soft goal 10: a duty at a post of another zone than the person's home zone. */
function crossZoneCost(prepared: PreparedScenario, person: PreparedPerson, post: string): number {
  const zone = prepared.hall?.zoneOfPost.get(post);
  const home = person.def.zone;
  return zone !== undefined && home !== undefined && zone !== home ? prepared.weights.crossZone : 0;
}

function termsOf(duties: Duty[], coefficient = 1): Terms {
  return duties.map((duty) => ({ variable: duty.variable, coefficient }));
}

function dutyTerms(context: Context, person: number, day: number, shift: number, coefficient = 1): Terms {
  return termsOf(context.duties[person]?.[day]?.[shift] ?? [], coefficient);
}

// ---------------------------------------------------------------------------------------------
// Rule 2 and the works(person, day) link

function linkDays(context: Context): void {
  for (const person of context.prepared.people) context.builder.inBlock(person.index, () => linkPersonDays(context, person));
}

function linkPersonDays(context: Context, person: PreparedPerson): void {
  const links = context.prepared.days.map((day) => linkDay(context, person, day));
  context.work.push(links.map((link) => link.work));
  context.exclusive.push(links.map((link) => link.exclusive));
}

/** works(person, day) as terms, and whether the day can hold at most one duty. */
function linkDay(context: Context, person: PreparedPerson, day: PreparedDay): { work: Terms; exclusive: boolean } {
  const { builder } = context;
  const open = openShifts(context, person.index, day.index);
  const shiftTerms = (shift: PreparedShift) => dutyTerms(context, person.index, day.index, shift.index);
  const all = sumOf(...open.map(shiftTerms));
  const name = `${person.index}|${day.index}`;
  const exclusive = person.maxShiftsPerDay === 1 || open.every((a) => open.every((b) => a === b || overlaps(a, b)));
  if (exclusive) {
    if (all.length > 1) builder.row(`one duty|${name}`, all, undefined, 1);
    return { work: all, exclusive };
  }
  const works = builder.variable(`w|${name}`, 'binary');
  // Each group of mutually overlapping shifts holds at most one duty, and only on a worked day;
  // this also keeps one post per shift.
  for (const clique of overlapCliques(open)) builder.row(`overlap|${name}|${clique[0]?.id}`, sumOf(...clique.map(shiftTerms), single(works, -1)), undefined, 0);
  builder.row(`worked only if on duty|${name}`, sumOf(single(works), scaled(all, -1)), undefined, 0);
  if (person.maxShiftsPerDay !== null && person.maxShiftsPerDay < open.length) {
    builder.row(`shifts per day|${name}`, sumOf(all, single(works, -person.maxShiftsPerDay)), undefined, 0);
  }
  return { work: single(works), exclusive };
}

/** The maximal sets of pairwise-overlapping shifts (an interval graph's cliques), singletons included. */
export function overlapCliques(shifts: PreparedShift[]): PreparedShift[][] {
  const cliques = shifts.map((at) => shifts.filter((shift) => shift.startMinute <= at.startMinute && at.startMinute < shift.endMinute));
  return cliques.filter((clique, index) => !cliques.some((other, j) => j !== index && isStrictSuperset(other, clique, j < index)));
}

function isStrictSuperset(other: PreparedShift[], clique: PreparedShift[], earlier: boolean): boolean {
  if (!clique.every((shift) => other.includes(shift))) return false;
  // Equal sets: keep the first of them only.
  return other.length > clique.length || earlier;
}

// ---------------------------------------------------------------------------------------------
// Rule 4: pins

function pinAssignments(context: Context): void {
  const { prepared } = context;
  const pinnedDuties = new Map<string, string>();
  for (const pin of prepared.scenario.pinned ?? []) {
    const person = prepared.personIndex.get(pin.staff);
    const day = prepared.dayIndex.get(pin.date);
    const shift = prepared.shiftIndex.get(pin.shift);
    if (person === undefined || day === undefined || shift === undefined) continue;
    const label = `${pin.staff} ${pin.date} ${pin.shift}`;
    const earlier = pinnedDuties.get(label);
    if (earlier !== undefined && earlier !== pin.post) {
      context.problems.push(`${label}: pinned at both ${earlier} and ${pin.post}`);
      continue;
    }
    pinnedDuties.set(label, pin.post);
    const duty = context.duties[person]?.[day]?.[shift]?.find((candidate) => candidate.post === pin.post);
    if (!duty) context.problems.push(`${label} ${pin.post}: pinned, but ${whyNoDuty(prepared, person, day, shift, pin.post)}`);
    else context.builder.fix(duty.variable, 1);
  }
}

function whyNoDuty(prepared: PreparedScenario, personIndex: number, dayIndex: number, shiftIndex: number, post: string): string {
  const person = prepared.people[personIndex] as PreparedPerson;
  const day = prepared.days[dayIndex] as PreparedDay;
  const shift = prepared.shifts[shiftIndex] as PreparedShift;
  const blocked = blockedReason(person, day, shift);
  if (blocked) return `the person is ${blocked.cause.replace(/_/g, ' ')}${blocked.detail ? ` (${blocked.detail})` : ''}`;
  const level = person.levelOf(post);
  if (level === 0) return `the person is not qualified at ${post}`;
  if (level === 1) return `the person is a learner at ${post} and no mentor can be beside them`;
  return 'a limit of the person (hours, weekends, consecutive days before the start) rules this shift out';
}

// ---------------------------------------------------------------------------------------------
// Rules 5–10, one person at a time

function addPersonRules(context: Context, person: PreparedPerson): void {
  addWeeklyLimits(context, person);
  addHorizonLimits(context, person);
  if (person.minConsecutiveDays > 1 || person.minConsecutiveDaysOff > 1) {
    const weekendsInNetwork = weekendLimitBinds(context, person) && ((person.maxWeekends ?? 0) + 1) * context.prepared.days.length <= MAX_WEEKEND_LAYER_DAYS;
    addRuns(context, person, weekendsInNetwork);
    if (!weekendsInNetwork) addWeekendLimit(context, person);
  } else {
    addConsecutiveDays(context, person);
    addWeekendLimit(context, person);
  }
  addRestBetweenDays(context, person);
}

function openShifts(context: Context, person: number, day: number): PreparedShift[] {
  return context.prepared.shifts.filter((shift) => (context.duties[person]?.[day]?.[shift.index]?.length ?? 0) > 0);
}

/** Upper bounds on what one day can hold, so rows that can never bind are left out. */
function dayCapacity(context: Context, person: PreparedPerson, day: number): { shifts: number; minutes: number } {
  const open = openShifts(context, person.index, day);
  if (context.exclusive[person.index]?.[day]) return { shifts: open.length > 0 ? 1 : 0, minutes: Math.max(0, ...open.map((shift) => shift.minutes)) };
  const perDay = person.maxShiftsPerDay ?? open.length;
  return { shifts: Math.min(perDay, open.length), minutes: open.reduce((sum, shift) => sum + shift.minutes, 0) };
}

/** Hard rule 5 and the 150% tier under the presence rule: × max(1, working days ÷ standard). */
function weekScale(prepared: PreparedScenario, week: number): number {
  return prepared.hall?.weekScale[week] ?? 1;
}

function daysOfWeek(prepared: PreparedScenario, week: number): PreparedDay[] {
  return prepared.days.filter((day) => day.week === week);
}

function addWeeklyLimits(context: Context, person: PreparedPerson): void {
  const { prepared, builder } = context;
  for (let week = 0; week < prepared.weeks; week += 1) {
    const days = daysOfWeek(prepared, week);
    const shiftTerms = days.flatMap((day) => prepared.shifts.flatMap((shift) => dutyTerms(context, person.index, day.index, shift.index)));
    const minuteTerms = days.flatMap((day) => prepared.shifts.flatMap((shift) => dutyTerms(context, person.index, day.index, shift.index, shift.minutes)));
    const capacity = days.map((day) => dayCapacity(context, person, day.index));
    // Hard rule 5 under the presence rule: a week of more working days than usual allows more.
    const scale = weekScale(prepared, week);
    const maxShifts = person.maxShiftsPerWeek === null ? null : Math.floor(person.maxShiftsPerWeek * scale + 1e-9);
    if (maxShifts !== null && capacity.reduce((sum, c) => sum + c.shifts, 0) > maxShifts) builder.row(`shifts per week|${person.index}|${week}`, shiftTerms, undefined, maxShifts);
    const maxMinutes = person.maxMinutesPerWeek === null ? null : Math.round(person.maxMinutesPerWeek * scale);
    if (maxMinutes !== null && capacity.reduce((sum, c) => sum + c.minutes, 0) > maxMinutes) builder.row(`hours per week|${person.index}|${week}`, minuteTerms, undefined, maxMinutes);
  }
}

function addHorizonLimits(context: Context, person: PreparedPerson): void {
  const { prepared, builder } = context;
  for (const shift of prepared.shifts) {
    const limit = person.def.maxShiftsByType?.[shift.id];
    if (limit === undefined) continue;
    const terms = prepared.days.flatMap((day) => dutyTerms(context, person.index, day.index, shift.index));
    const possible = prepared.days.filter((day) => openShifts(context, person.index, day.index).includes(shift)).length;
    if (possible > limit) builder.row(`shifts of type|${person.index}|${shift.id}`, terms, undefined, limit);
  }
  const minutes = prepared.days.flatMap((day) => prepared.shifts.flatMap((shift) => dutyTerms(context, person.index, day.index, shift.index, shift.minutes)));
  const { minMinutesTotal, maxMinutesTotal } = person.def;
  const possible = prepared.days.reduce((sum, day) => sum + dayCapacity(context, person, day.index).minutes, 0);
  if (minMinutesTotal !== undefined && minMinutesTotal > 0) {
    if (possible < minMinutesTotal) context.problems.push(`${person.id}: must work at least ${minMinutesTotal} minutes, but leave and limits leave at most ${possible}`);
    builder.row(`minimum minutes|${person.index}`, minutes, minMinutesTotal);
  }
  if (maxMinutesTotal !== undefined && possible > maxMinutesTotal) builder.row(`maximum minutes|${person.index}`, minutes, undefined, maxMinutesTotal);
}

/** Rule 7: every window of limit + 1 days, the days worked just before the start included, holds a day off. */
function addConsecutiveDays(context: Context, person: PreparedPerson): void {
  const { prepared, builder } = context;
  const limit = consecutiveLimit(prepared, person);
  const before = Math.min(person.daysWorkedBefore, limit);
  const work = context.work[person.index] ?? [];
  for (let first = -before; first + limit <= prepared.days.length - 1; first += 1) {
    const workedBefore = Math.max(0, -first);
    const days = range(Math.max(first, 0), first + limit);
    const terms = days.flatMap((day) => work[day] ?? []);
    const workable = days.filter((day) => (work[day]?.length ?? 0) > 0).length;
    if (workable > limit - workedBefore) builder.row(`consecutive days|${person.index}|${first}`, terms, undefined, limit - workedBefore);
  }
}

/**
 * The run network carries the weekends worked as one layer of nodes per count (runs.ts); past this
 * many layer-days (a long horizon with a high weekend limit) the weekends get their own rows instead.
 */
const MAX_WEEKEND_LAYER_DAYS = 1500;

/** Rules 7, 8 and 10 as a network of the person's allowed runs (runs.ts): tight where runs have a minimum. */
function addRuns(context: Context, person: PreparedPerson, withWeekends: boolean): void {
  const { prepared } = context;
  addRunNetwork(context.builder, {
    name: `runs|${person.index}`,
    work: context.work[person.index] ?? [],
    maxRun: consecutiveLimit(prepared, person),
    minRun: person.minConsecutiveDays,
    minRest: Math.max(1, person.minConsecutiveDaysOff),
    daysWorkedBefore: person.daysWorkedBefore,
    weekendOf: prepared.days.map((day) => day.weekend),
    maxWeekends: withWeekends ? person.maxWeekends : null,
  });
}

/** Rule 9: a shift and the next day's shifts too close after it (or forbidden after it). */
function addRestBetweenDays(context: Context, person: PreparedPerson): void {
  const { prepared, builder } = context;
  const forbidden = new Set(prepared.rules.forbiddenSequences.map((pair) => `${pair.first}>${pair.then}`));
  const tooClose = (first: PreparedShift, then: PreparedShift) => {
    const rest = restBetween(first, then);
    return rest < 0 || rest < prepared.rules.minRestMinutes || forbidden.has(`${first.id}>${then.id}`);
  };
  for (let day = 0; day + 1 < prepared.days.length; day += 1) {
    const nextOpen = openShifts(context, person.index, day + 1);
    const nextExclusive = context.exclusive[person.index]?.[day + 1] ?? false;
    for (const first of openShifts(context, person.index, day)) {
      const banned = nextOpen.filter((then) => tooClose(first, then));
      if (banned.length === 0) continue;
      const firstTerms = dutyTerms(context, person.index, day, first.index);
      const name = `rest|${person.index}|${day}|${first.id}`;
      // When the banned shifts exclude each other anyway, one row says it for all of them.
      if (nextExclusive || banned.every((a) => banned.every((b) => a === b || overlaps(a, b)))) {
        builder.row(name, sumOf(firstTerms, ...banned.map((then) => dutyTerms(context, person.index, day + 1, then.index))), undefined, 1);
      } else {
        for (const then of banned) builder.row(`${name}|${then.id}`, sumOf(firstTerms, dutyTerms(context, person.index, day + 1, then.index)), undefined, 1);
      }
    }
  }
}

/** Rule 10: a weekend is worked when either of its days is; "worked weekend" need not be a binary. */
function addWeekendLimit(context: Context, person: PreparedPerson): void {
  const { builder } = context;
  const limit = person.maxWeekends;
  if (limit === null || !weekendLimitBinds(context, person)) return;
  const work = context.work[person.index] ?? [];
  const weekends = workableWeekends(context, person);
  const worked: Terms = [];
  for (const [weekend, days] of weekends) {
    if (days.length === 1) {
      worked.push(...(work[days[0] as number] ?? []));
      continue;
    }
    const variable = builder.variable(`weekend|${person.index}|${weekend}`, 'continuous', 0, { upper: 1 });
    for (const day of days) builder.row(`weekend worked|${person.index}|${day}`, sumOf(work[day] ?? [], single(variable, -1)), undefined, 0);
    worked.push(...single(variable));
  }
  builder.row(`weekends|${person.index}`, worked, undefined, limit);
}

/** Weekend index → the days of it the person could work. */
function workableWeekends(context: Context, person: PreparedPerson): Map<number, number[]> {
  const work = context.work[person.index] ?? [];
  const weekends = new Map<number, number[]>();
  for (const day of context.prepared.days) {
    if (day.weekend < 0 || (work[day.index]?.length ?? 0) === 0) continue;
    weekends.set(day.weekend, [...(weekends.get(day.weekend) ?? []), day.index]);
  }
  return weekends;
}

function weekendLimitBinds(context: Context, person: PreparedPerson): boolean {
  return person.maxWeekends !== null && workableWeekends(context, person).size > person.maxWeekends;
}

// ---------------------------------------------------------------------------------------------
// Rule 1 (learners beside mentors), soft goals 1–3 (unmet, over, backup)

interface Slot {
  day: number;
  shift: number;
  post: string;
  qualified: Terms;
  learners: Terms;
  mentors: Terms;
}

function slotsOf(context: Context): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  const { prepared } = context;
  for (const person of prepared.people) {
    for (const day of prepared.days) {
      for (const shift of prepared.shifts) {
        for (const duty of context.duties[person.index]?.[day.index]?.[shift.index] ?? []) {
          const key = dutyKey(day.index, shift.index, duty.post);
          let slot = slots.get(key);
          if (!slot) {
            slot = { day: day.index, shift: shift.index, post: duty.post, qualified: [], learners: [], mentors: [] };
            slots.set(key, slot);
          }
          if (duty.learner) slot.learners.push(...single(duty.variable));
          else slot.qualified.push(...single(duty.variable));
          if (!duty.learner && person.levelOf(duty.post) === MENTOR) slot.mentors.push(...single(duty.variable));
        }
      }
    }
  }
  return slots;
}

function addMentorRows(context: Context, slots: Map<string, Slot>): void {
  for (const [key, slot] of slots) {
    if (slot.learners.length > 0) context.builder.row(`mentors|${key}`, sumOf(slot.learners, scaled(slot.mentors, -1)), undefined, 0);
  }
}

function addCoverAndBackup(context: Context, slots: Map<string, Slot>): void {
  const { prepared, builder } = context;
  const demand = new Map<string, DemandLine>();
  for (const line of prepared.demand) {
    const day = prepared.dayIndex.get(line.date);
    const shift = prepared.shiftIndex.get(line.shift);
    if (day === undefined || shift === undefined) continue;
    const key = dutyKey(day, shift, line.post);
    // validateScenario refuses a second line for a slot; the page prices each line on its own.
    if (demand.has(key)) throw new Error(`demand for ${line.date} ${line.shift} ${line.post} is given twice: validate the scenario first`);
    demand.set(key, line);
  }
  for (const [key, line] of demand) {
    const day = prepared.dayIndex.get(line.date) as number;
    const shift = prepared.shiftIndex.get(line.shift) as number;
    coverSlot(context, key, slots.get(key) ?? { day, shift, post: line.post, qualified: [], learners: [], mentors: [] }, line);
  }
  if (prepared.weights.over <= 0) return;
  for (const [key, slot] of slots) {
    if (demand.has(key) || slot.qualified.length === 0 || hasWindows(prepared, slot.post)) continue;
    const over = builder.variable(`over|${key}`, 'integer', prepared.weights.over);
    builder.row(`over|${key}`, sumOf(slot.qualified, single(over, -1)), undefined, 0);
  }
}

/**
 * Σ qualified + under − over = required, and the N-1 backup. "No backup" (nb, continuous) costs
 * weights.backup and must be 1 unless someone qualified here sits at another post of the same duty
 * (O) or the slot has one more than required. Where an unmet staff-shift costs more than a missing
 * backup, "one more" is written as Σ qualified + under − required ≥ 1: tight in the LP relaxation, and
 * exact because raising `under` to fake an extra person costs more than it saves. Otherwise a binary
 * z with (required + 1)·z ≤ Σ qualified says it exactly. One variable or two per slot: no per-person
 * backup binaries, so no symmetric copies of the same roster for the search to wade through.
 */
function coverSlot(context: Context, key: string, slot: Slot, line: DemandLine): void {
  const { prepared, builder } = context;
  const required = line.required;
  const underWeight = line.underWeight ?? prepared.weights.unmet;
  // A post with windows seats no more than its open windows (addSeatRules): nobody is "over".
  const overWeight = hasWindows(prepared, line.post) ? 0 : (line.overWeight ?? prepared.weights.over);
  if (slot.qualified.length === 0) {
    builder.addConstant(underWeight * required);
  }
  const under = required > 0 && slot.qualified.length > 0 ? builder.variable(`under|${key}`, 'integer', underWeight, { upper: required }) : null;
  const over = overWeight > 0 && slot.qualified.length > required ? builder.variable(`over|${key}`, 'integer', overWeight) : null;
  const cover = sumOf(slot.qualified, under ? single(under) : [], over ? single(over, -1) : []);
  if (over) builder.row(`cover|${key}`, cover, required, required);
  else if (under) builder.row(`cover|${key}`, cover, required);
  if (required <= 0 || prepared.weights.backup <= 0) return;
  const backupWeight = prepared.weights.backup;
  const others = otherPostTerms(context, slot);
  const excessPossible = slot.qualified.length > required;
  if (!excessPossible && others.length === 0) {
    builder.addConstant(backupWeight);
    return;
  }
  const noBackup = builder.variable(`no backup|${key}`, 'continuous', backupWeight, { upper: 1 });
  if (!excessPossible) {
    builder.row(`backup|${key}`, sumOf(single(noBackup), others), 1);
  } else if (underWeight > backupWeight && under) {
    builder.row(`backup|${key}`, sumOf(single(noBackup), others, slot.qualified, single(under)), required + 1);
  } else {
    const extra = builder.variable(`extra|${key}`, 'binary');
    builder.row(`extra|${key}`, sumOf(slot.qualified, single(extra, -(required + 1))), 0);
    builder.row(`backup|${key}`, sumOf(single(noBackup), others, single(extra)), 1);
  }
}

/** Duties in the same (day, shift) at other posts, of people qualified at this slot's post. */
function otherPostTerms(context: Context, slot: Slot): Terms {
  const terms: Terms = [];
  for (const person of context.prepared.people) {
    if (person.levelOf(slot.post) < QUALIFIED) continue;
    const duties = context.duties[person.index]?.[slot.day]?.[slot.shift] ?? [];
    terms.push(...termsOf(duties.filter((duty) => duty.post !== slot.post)));
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// The hall: hard rules 11 (presence), 12 (seats) and 13 (no idle flexible post beside an empty
// window); soft goal 9 (the A person at their A window)

function hasWindows(prepared: PreparedScenario, post: string): boolean {
  return prepared.hall?.windowsByPost.has(post) ?? false;
}

/** Slot key → open seats, for the posts with windows (prepared.demand holds them as `required`). */
function seatsBySlot(prepared: PreparedScenario): Map<string, number> {
  const seats = new Map<string, number>();
  if (!prepared.hall) return seats;
  for (const line of prepared.demand) {
    const day = prepared.dayIndex.get(line.date);
    const shift = prepared.shiftIndex.get(line.shift);
    if (day === undefined || shift === undefined || !hasWindows(prepared, line.post)) continue;
    seats.set(dutyKey(day, shift, line.post), line.required);
  }
  return seats;
}

/** Hard rule 11: on a working day, a person not on leave holds every default-day shift. */
function addPresence(context: Context): void {
  const { prepared, builder } = context;
  const hall = prepared.hall;
  if (!hall?.presence) return;
  for (const person of prepared.people) {
    for (const day of prepared.days) {
      if (!hall.working[day.index]) continue;
      for (const shift of prepared.shifts) {
        if (!hall.defaultShifts.has(shift.id) || blockedReason(person, day, shift)) continue;
        const terms = dutyTerms(context, person.index, day.index, shift.index);
        if (terms.length === 0) {
          context.problems.push(`${person.def.name} (${person.id}) must be on duty on ${day.date} ${shift.id} (presence), but holds no post that could seat them then`);
          continue;
        }
        const lieu = context.lieu.get(`${person.index}|${day.index}|${shift.index}`);
        builder.row(`presence|${person.index}|${day.index}|${shift.index}`, lieu === undefined ? terms : [...terms, ...single(lieu)], 1, 1);
      }
    }
  }
}

/**
 * Hard rule 14 (time off in lieu): a default-day shift of a working day off in lieu, for a person
 * who has rest-day duties to be given back in that week or the week before. Per person, the minutes
 * earned in week w are spent in w or w + 1 (u[w][0] and u[w][1]); a zone gives lieu on a day only
 * to as many as it has free people beyond its contracted posts, so the on-duty rate holds. Each
 * lieu minute prices its rest-day minute at 100% instead of 200% (one cost rule with payroll).
 */
function addLieu(context: Context): void {
  const { prepared, builder } = context;
  const hall = prepared.hall;
  if (!hall?.presence || hall.presence.planLieu === false) return;
  const earning = prepared.days.filter((day) => !hall.working[day.index] && day.kind === 'restday');
  if (earning.length === 0) return;
  // Per person, in the person's block: lieu is their own decision, so a first roster built person
  // by person (block-greedy.ts) counts each one's lieu against the zone's reserve.
  for (const person of prepared.people) builder.inBlock(person.index, () => addPersonLieu(context, person, earning));
  addLieuReserve(context);
}

function addPersonLieu(context: Context, person: PreparedPerson, earning: PreparedDay[]): void {
  if (person.comprehensive) {
    addCyclePlan(context, person, earning);
    return;
  }
  const { prepared, builder } = context;
  const hall = prepared.hall!;
  const earned = Array.from({ length: prepared.weeks }, (_, week) =>
    earning.filter((day) => day.week === week).flatMap((day) => prepared.shifts.flatMap((shift) => dutyTerms(context, person.index, day.index, shift.index, shift.minutes))),
  );
  if (earned.every((terms) => terms.length === 0)) return;
  const spend = earned.map((terms, week) => [terms.length > 0 ? builder.variable(`lieu now|${person.index}|${week}`, 'continuous') : null, terms.length > 0 && week + 1 < prepared.weeks ? builder.variable(`lieu next|${person.index}|${week}`, 'continuous') : null]);
  earned.forEach((terms, week) => {
    const used = spend[week]!.filter((name): name is string => name !== null);
    if (used.length > 0) builder.row(`lieu earned|${person.index}|${week}`, sumOf(used.flatMap((name) => single(name)), scaled(terms, -1)), undefined, 0);
  });
  for (let week = 0; week < prepared.weeks; week += 1) {
    const sources = [spend[week]?.[0], spend[week - 1]?.[1]].filter((name): name is string => typeof name === 'string');
    if (sources.length === 0) continue;
    const taken = lieuOffers(context, person, daysOfWeek(prepared, week).filter((day) => hall.working[day.index]));
    if (taken.length > 0) builder.row(`lieu spent|${person.index}|${week}`, sumOf(taken, scaled(sources.flatMap((name) => single(name)), -1)), undefined, 0);
  }
}

/**
 * 综合计算工时 (hours averaged over the cycle): a comprehensive person's rest-day minutes are given
 * back as default-day shifts off anywhere in the same cycle inside the horizon (their cycle plan,
 * 轮休), not only in that week or the next; each such minute prices its rest-day minute at 100%
 * instead of the 150% above the cycle's standard.
 */
function addCyclePlan(context: Context, person: PreparedPerson, earning: PreparedDay[]): void {
  const { prepared, builder } = context;
  const hall = prepared.hall!;
  const cycle = hall.presence?.comprehensiveCycle;
  const earnedByCycle = new Map<string, Terms>();
  for (const day of earning) {
    const terms = prepared.shifts.flatMap((shift) => dutyTerms(context, person.index, day.index, shift.index, shift.minutes));
    if (terms.length > 0) earnedByCycle.set(cycleKeyOf(day, cycle), [...(earnedByCycle.get(cycleKeyOf(day, cycle)) ?? []), ...terms]);
  }
  for (const [key, earned] of earnedByCycle) {
    const taken = lieuOffers(context, person, prepared.days.filter((day) => hall.working[day.index] && cycleKeyOf(day, cycle) === key));
    if (taken.length > 0) builder.row(`cycle plan|${person.index}|${key}`, sumOf(taken, scaled(earned, -1)), undefined, 0);
  }
}

/** One variable per default-day shift of these working days the person could be given off, in minutes. */
function lieuOffers(context: Context, person: PreparedPerson, days: PreparedDay[]): Terms {
  const { prepared, builder } = context;
  const hall = prepared.hall!;
  const offers: Terms = [];
  for (const day of days) {
    for (const shift of prepared.shifts) {
      if (!hall.defaultShifts.has(shift.id) || blockedReason(person, day, shift) || dutyTerms(context, person.index, day.index, shift.index).length === 0) continue;
      const credit = -((shift.minutes / 60) * person.hourlyWage * (dayRate('restday', person) - LIEU_TIER) * prepared.weights.cost) / 100;
      const name = builder.variable(`lieu|${person.index}|${day.index}|${shift.index}`, 'continuous', credit, { upper: 1 });
      context.lieu.set(`${person.index}|${day.index}|${shift.index}`, name);
      offers.push({ variable: name, coefficient: shift.minutes });
    }
  }
  return offers;
}

/** Rule 14's reserve: per zone and working day, lieu shifts ≤ free people − contracted posts. */
function addLieuReserve(context: Context): void {
  const { prepared, builder } = context;
  const hall = prepared.hall!;
  const contracted = hall.presence?.contractedPosts ?? {};
  for (const [zone, posts] of Object.entries(contracted)) {
    const people = prepared.people.filter((person) => person.def.zone === zone);
    for (const day of prepared.days) {
      if (!hall.working[day.index]) continue;
      const free = people.filter((person) => lieuFreeOn(prepared, person, day)).length;
      const terms = people.flatMap((person) => prepared.shifts.flatMap((shift) => {
        const name = context.lieu.get(`${person.index}|${day.index}|${shift.index}`);
        return name === undefined ? [] : single(name);
      }));
      if (terms.length > 0) builder.row(`lieu reserve|${zone}|${day.index}`, terms, undefined, Math.max(0, free - posts));
    }
  }
}

/** Free on a working day: some default-day shift not blocked (leave, a fixed day off). */
function lieuFreeOn(prepared: PreparedScenario, person: PreparedPerson, day: PreparedDay): boolean {
  const hall = prepared.hall!;
  return prepared.shifts.some((shift) => hall.defaultShifts.has(shift.id) && !blockedReason(person, day, shift));
}

function addSeatRules(context: Context, slots: Map<string, Slot>): void {
  const { prepared, builder } = context;
  const hall = prepared.hall;
  if (!hall) return;
  const seats = seatsBySlot(prepared);
  // Rule 12: at most one counted person per open window.
  for (const [key, slot] of slots) {
    if (!hasWindows(prepared, slot.post)) continue;
    const open = seats.get(key) ?? 0;
    if (slot.qualified.length > open) builder.row(`seats|${key}`, slot.qualified, undefined, open);
  }
  // Rule 13: at a flexible post only while every open window of one's qualified posts is seated.
  for (const person of prepared.people) {
    const qualifiedPosts = prepared.posts.filter((post) => hasWindows(prepared, post.id) && person.levelOf(post.id) >= QUALIFIED);
    if (qualifiedPosts.length === 0) continue;
    for (const day of prepared.days) {
      for (const shift of prepared.shifts) {
        const flex = (context.duties[person.index]?.[day.index]?.[shift.index] ?? []).filter((duty) => !hasWindows(prepared, duty.post));
        if (flex.length === 0) continue;
        for (const post of qualifiedPosts) {
          const key = dutyKey(day.index, shift.index, post.id);
          const open = seats.get(key) ?? 0;
          const under = `under|${key}`;
          if (open === 0 || !builder.has(under)) continue;
          builder.row(`idle beside empty window|${person.index}|${key}`, sumOf(single(under), termsOf(flex, open)), undefined, open);
        }
      }
    }
  }
  addSeatGoal(context, seats);
}

/**
 * Soft goal 9: per shift a window's A person works while that window opens (by its shifts, whatever
 * the demand) and is not seated there. Seating (seatAssignments) puts an A person at their post on
 * their own window whenever it is open, so "at the post" is "at the window": the penalty is a cost
 * on the A person's other duties of that shift. Where a post mixes fixed and demand windows, the A
 * people of its demand windows at the post are kept to the demand windows open, so each has theirs.
 */
function addSeatGoal(context: Context, seats: Map<string, number>): void {
  const { prepared, builder } = context;
  const hall = prepared.hall;
  if (!hall) return;
  const weight = prepared.weights.seat;
  for (const window of hall.windows) {
    const person = window.a === undefined ? undefined : prepared.personIndex.get(window.a);
    if (person === undefined || weight <= 0) continue;
    for (const day of prepared.days) {
      for (const shift of prepared.shifts) {
        const opening = windowsOpening(hall, day, shift.id, window.post);
        if (!opening.fixed.includes(window) && !opening.demand.includes(window)) continue;
        for (const duty of context.duties[person]?.[day.index]?.[shift.index] ?? []) {
          if (duty.post !== window.post || duty.learner) builder.addCost(duty.variable, weight);
        }
      }
    }
  }
  for (const day of prepared.days) {
    for (const shift of prepared.shifts) {
      for (const [post] of hall.windowsByPost) {
        const opening = windowsOpening(hall, day, shift.id, post);
        if (opening.fixed.length === 0 || opening.demand.length === 0) continue;
        const demandOpen = (seats.get(dutyKey(day.index, shift.index, post)) ?? 0) - opening.fixed.length;
        const terms = opening.demand.flatMap((window) => {
          const person = window.a === undefined ? undefined : prepared.personIndex.get(window.a);
          if (person === undefined) return [];
          return termsOf((context.duties[person]?.[day.index]?.[shift.index] ?? []).filter((duty) => duty.post === post && !duty.learner));
        });
        if (terms.length > demandOpen) builder.row(`demand windows' A|${dutyKey(day.index, shift.index, post)}`, terms, undefined, Math.max(0, demandOpen));
      }
    }
  }
}

/**
 * Names each counted duty's window at the posts that have them: the fixed windows open, then as
 * many demand windows as the seats need, those whose A (then B) person is at the post first; then
 * each A person at their own window, a B person at a window whose A is away, everyone else in order.
 * Learners sit beside a mentor and name no window.
 */
export function seatAssignments(prepared: PreparedScenario, assignments: Assignment[]): Assignment[] {
  const hall = prepared.hall;
  if (!hall || hall.windows.length === 0) return assignments;
  const seats = seatsBySlot(prepared);
  const groups = new Map<string, Assignment[]>();
  for (const assignment of assignments) {
    if (assignment.learner === true || !hasWindows(prepared, assignment.post)) continue;
    const key = `${assignment.date}|${assignment.shift}|${assignment.post}`;
    groups.set(key, [...(groups.get(key) ?? []), assignment]);
  }
  const windowOf = new Map<Assignment, string>();
  for (const group of groups.values()) {
    const first = group[0] as Assignment;
    const day = prepared.days[prepared.dayIndex.get(first.date) ?? -1];
    const shift = prepared.shiftIndex.get(first.shift);
    if (!day || shift === undefined) continue;
    const opening = windowsOpening(hall, day, first.shift, first.post);
    const open = seats.get(dutyKey(day.index, shift, first.post)) ?? 0;
    const present = new Set(group.map((assignment) => assignment.staff));
    const rank = (window: WindowDef) => (window.a !== undefined && present.has(window.a) ? 0 : window.b !== undefined && present.has(window.b) ? 1 : 2);
    const demandOpen = [...opening.demand].sort((a, b) => rank(a) - rank(b)).slice(0, Math.max(0, open - opening.fixed.length));
    const windows = [...opening.fixed, ...demandOpen];
    const seated = new Map<string, string>();
    const taken = new Set<string>();
    const sit = (staff: string | undefined, window: WindowDef) => {
      if (staff === undefined || !present.has(staff) || seated.has(staff) || taken.has(window.id)) return;
      seated.set(staff, window.id);
      taken.add(window.id);
    };
    for (const window of windows) sit(window.a, window);
    for (const window of windows) sit(window.b, window);
    for (const assignment of group) {
      const free = windows.find((window) => !taken.has(window.id));
      if (free) sit(assignment.staff, free);
    }
    for (const assignment of group) {
      const window = seated.get(assignment.staff);
      if (window !== undefined) windowOf.set(assignment, window);
    }
  }
  return assignments.map((assignment) => {
    const window = windowOf.get(assignment);
    return window === undefined ? assignment : { ...assignment, window };
  });
}

// ---------------------------------------------------------------------------------------------
// Soft goal 4: the weekly 150% tier (the day rates sit on the duties themselves)

function addOvertime(context: Context): void {
  const { prepared, builder } = context;
  if (prepared.weights.cost <= 0) return;
  for (const person of prepared.people) {
    for (let week = 0; week < prepared.weeks; week += 1) {
      const workdays = daysOfWeek(prepared, week).filter((day) => day.kind === 'workday');
      const scale = weekScale(prepared, week);
      const threshold = (prepared.rules.standardHoursPerWeek * scale * daysOfWeek(prepared, week).length) / 7;
      const hours = workdays.flatMap((day) => prepared.shifts.flatMap((shift) => dutyTerms(context, person.index, day.index, shift.index, shift.minutes / 60)));
      let possible = workdays.reduce((sum, day) => sum + dayCapacity(context, person, day.index).minutes / 60, 0);
      if (person.maxMinutesPerWeek !== null) possible = Math.min(possible, (person.maxMinutesPerWeek * scale) / 60);
      if (possible <= threshold + 1e-9) continue;
      const overtime = builder.variable(`overtime|${person.index}|${week}`, 'continuous', ((PAY_TIERS.extension - PAY_TIERS.regular) * person.hourlyWage * prepared.weights.cost) / 100);
      builder.row(`overtime|${person.index}|${week}`, sumOf(hours, single(overtime, -1)), undefined, threshold);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Soft goal 5: fairness, F(n; b) as segments of slope max(0, b + k)

type Category = 'weekend' | 'holiday' | 'late' | 'hours';
const CATEGORIES: Category[] = ['weekend', 'holiday', 'late', 'hours'];

function unitsOf(category: Category, day: PreparedDay, shift: PreparedShift): number {
  if (category === 'weekend') return day.weekday >= 6 ? 1 : 0;
  if (category === 'holiday') return day.kind === 'holiday' ? 1 : 0;
  if (category === 'late') return shift.def.late ? 1 : 0;
  return shift.minutes / 480;
}

function historyUnits(category: Category, person: PreparedPerson): number {
  const history = person.def.history ?? {};
  if (category === 'weekend') return history.weekendShifts ?? 0;
  if (category === 'holiday') return history.holidayShifts ?? 0;
  if (category === 'late') return history.lateShifts ?? 0;
  return (history.hours ?? 0) / 8;
}

function addFairness(context: Context): void {
  const { prepared } = context;
  const staff = prepared.people.length;
  if (prepared.weights.fairness <= 0 || staff === 0) return;
  for (const category of CATEGORIES) {
    const meanHistory = prepared.people.reduce((sum, person) => sum + historyUnits(category, person), 0) / staff;
    const fairShare = demandUnits(prepared, category) / staff;
    for (const person of prepared.people) {
      addFairnessSegments(context, person, category, historyUnits(category, person) - meanHistory - fairShare);
    }
  }
}

function demandUnits(prepared: PreparedScenario, category: Category): number {
  let total = 0;
  for (const line of prepared.demand) {
    const day = prepared.days[prepared.dayIndex.get(line.date) ?? -1];
    const shift = prepared.shifts[prepared.shiftIndex.get(line.shift) ?? -1];
    if (day && shift) total += line.required * unitsOf(category, day, shift);
  }
  return total;
}

function addFairnessSegments(context: Context, person: PreparedPerson, category: Category, offset: number): void {
  const { prepared, builder } = context;
  const units: Terms = [];
  let most = 0;
  for (const day of prepared.days) {
    const open = openShifts(context, person.index, day.index);
    const perShift = open.map((shift) => unitsOf(category, day, shift));
    most += context.exclusive[person.index]?.[day.index] ? Math.max(0, ...perShift) : perShift.reduce((a, b) => a + b, 0);
    for (const shift of open) {
      const unit = unitsOf(category, day, shift);
      if (unit > 0) units.push(...dutyTerms(context, person.index, day.index, shift.index, unit));
    }
  }
  if (units.length === 0) return;
  if (category === 'hours') most = Math.min(most, hoursCap(context, person));
  const segments = Math.ceil(most - 1e-9);
  // Units k with b + k ≤ 0 cost nothing: one free segment holds them all.
  const free = offset < 0 ? Math.min(segments, Math.floor(-offset)) : 0;
  if (free >= segments) return;
  const pieces: Terms = [];
  const name = `${category}|${person.index}`;
  if (free > 0) pieces.push(...single(builder.variable(`fair|${name}|free`, 'continuous', 0, { upper: free })));
  for (let k = free + 1; k <= segments; k += 1) {
    const slope = Math.max(0, offset + k) * prepared.weights.fairness;
    pieces.push(...single(builder.variable(`fair|${name}|${k}`, 'continuous', slope, { upper: 1 })));
  }
  builder.row(`fair|${name}`, sumOf(pieces, scaled(units, -1)), 0);
}

/** Most hours ÷ 8 the weekly and horizon limits allow. */
function hoursCap(context: Context, person: PreparedPerson): number {
  const { prepared } = context;
  let minutes = 0;
  for (let week = 0; week < prepared.weeks; week += 1) {
    const possible = daysOfWeek(prepared, week).reduce((sum, day) => sum + dayCapacity(context, person, day.index).minutes, 0);
    minutes += person.maxMinutesPerWeek === null ? possible : Math.min(possible, Math.round(person.maxMinutesPerWeek * weekScale(prepared, week)));
  }
  if (person.def.maxMinutesTotal !== undefined) minutes = Math.min(minutes, person.def.maxMinutesTotal);
  return minutes / 480;
}

// ---------------------------------------------------------------------------------------------
// Soft goal 7: requests (continuity, goal 6, sits on the duties' costs)

function addRequests(context: Context): void {
  const { prepared, builder } = context;
  for (const request of prepared.scenario.requests ?? []) {
    const person = prepared.personIndex.get(request.staff);
    const day = prepared.dayIndex.get(request.date);
    if (person === undefined || day === undefined) continue;
    const weight = request.weight ?? prepared.weights.requests;
    const shift = request.shift === undefined ? undefined : prepared.shiftIndex.get(request.shift);
    if (request.shift !== undefined && shift === undefined) continue;
    // works(person, day) is exactly one or zero, so "off" costs weight × it and "on" costs weight × (1 − it).
    const terms = shift === undefined ? (context.work[person]?.[day] ?? []) : dutyTerms(context, person, day, shift);
    if (request.kind === 'off') {
      builder.addCostToTerms(terms, weight);
    } else {
      builder.addConstant(weight);
      builder.addCostToTerms(terms, -weight);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Soft goal 8: changes against the baseline roster

/**
 * |duties ∖ baseline| + |baseline ∖ duties| is linear in the duty binaries: a duty outside the
 * baseline costs w, a baseline duty costs −w when kept on top of a constant w for every baseline
 * duty, so dropping it costs w and the objective still equals the checker's count. Baseline duties
 * no variable can hold (the person is away now) are in the constant only: they are always changed.
 */
function addChanges(context: Context): void {
  const { prepared, builder } = context;
  const weight = prepared.weights.changes;
  if (weight <= 0 || prepared.scenario.baseline === undefined) return;
  const baseline = baselineKeys(prepared);
  builder.addConstant(weight * baseline.size);
  for (const person of prepared.people) {
    for (const day of prepared.days) {
      for (const shift of prepared.shifts) {
        for (const duty of context.duties[person.index]?.[day.index]?.[shift.index] ?? []) {
          builder.addCost(duty.variable, baseline.has(`${person.index}|${dutyKey(day.index, shift.index, duty.post)}`) ? -weight : weight);
        }
      }
    }
  }
}

/** The baseline's duties as `person|day|shift|post` indices, once each; unknown references left out. */
function baselineKeys(prepared: PreparedScenario): Set<string> {
  const posts = new Set(prepared.posts.map((post) => post.id));
  const keys = new Set<string>();
  for (const duty of prepared.scenario.baseline ?? []) {
    const person = prepared.personIndex.get(duty.staff);
    const day = prepared.dayIndex.get(duty.date);
    const shift = prepared.shiftIndex.get(duty.shift);
    if (person === undefined || day === undefined || shift === undefined || !posts.has(duty.post)) continue;
    keys.add(`${person}|${dutyKey(day, shift, duty.post)}`);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------

function decodeAssignments(context: Context, values: Record<string, number>): Assignment[] {
  const { prepared } = context;
  const assignments: Assignment[] = [];
  for (const day of prepared.days) {
    for (const shift of prepared.shifts) {
      for (const person of prepared.people) {
        for (const duty of context.duties[person.index]?.[day.index]?.[shift.index] ?? []) {
          if ((values[duty.variable] ?? 0) < 0.5) continue;
          assignments.push({ staff: person.id, date: day.date, shift: shift.id, post: duty.post, ...(duty.learner ? { learner: true } : {}) });
        }
      }
    }
  }
  return assignments;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}
