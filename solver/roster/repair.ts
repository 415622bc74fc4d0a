/**
 * Same-day repairs and re-optimising as scenarios the ordinary optimiser solves: the days that may
 * not change are frozen (their duties pinned, everyone else unavailable there), the roster as it
 * stands becomes the baseline and weights.changes prices every duty that differs from it, so the
 * answer moves as few people as the weights allow.
 *
 * Duties that already break a hard rule (a lead's override, leave approved after the roster was
 * made) cannot be handed to the model: as pins they would make it infeasible. They are kept outside
 * it — their person unavailable that day, the slot's demand reduced by what they cover — and merged
 * back into the answer unchanged (mergeKept).
 */
import { checkRoster } from './check.ts';
import { isoDate, isoDay } from './prepare.ts';
import type { Assignment, Breach, DemandLine, Pin, Scenario, StaffDef, Unavailability, WindowDef } from './types.ts';

/** Weighs a changed duty below unmet demand (1000) and backup (100), above cost, fairness, continuity. */
export const REPAIR_CHANGES_WEIGHT = 30;
/** Re-optimising chases the weights; a small weight only stops ties from churning the roster. */
export const REOPTIMISE_CHANGES_WEIGHT = 1;
/** Unavailability reasons, shown in gap reasons ("已定": the day is settled and not to be changed). */
export const FROZEN_REASON = '已定';
export const ABSENT_REASON = '缺勤';

export interface RepairAbsence {
  staff: string;
  date: string;
  /** Absent = the whole day. */
  shift?: string;
}

export interface RepairOptions {
  absence: RepairAbsence;
  /** Duties a lead accepted despite a broken rule: kept as they are. */
  keep?: Assignment[];
}

export interface ReoptimiseOptions {
  /** The first day that may change; days before it are frozen. */
  fromDate: string;
  /** Duties that must stay as they are. */
  pinned: Assignment[];
  keep?: Assignment[];
}

/** A scenario to solve and the duties kept outside it, to merge back into its answer. */
export interface RepairPlan {
  scenario: Scenario;
  kept: Assignment[];
}

/** One person's change on one shift (post or window); null = off duty, or no window. */
export interface RosterMove {
  staff: string;
  date: string;
  shift: string;
  from: string | null;
  to: string | null;
  fromWindow: string | null;
  toWindow: string | null;
  learner: boolean;
}

export function dutyId(duty: { staff: string; date: string; shift: string; post: string }): string {
  return `${duty.staff}|${duty.date}|${duty.shift}|${duty.post}`;
}

function shiftId(duty: { staff: string; date: string; shift: string }): string {
  return `${duty.staff}|${duty.date}|${duty.shift}`;
}

function slotId(date: string, shift: string, post: string): string {
  return `${date}|${shift}|${post}`;
}

/**
 * A same-day repair of `absence`: only its date may change; there each slot's demand is capped at
 * what was covered before the absence, so the repair restores cover rather than chasing old gaps.
 */
export function repairScenario(scenario: Scenario, assignments: Assignment[], options: RepairOptions): RepairPlan {
  const { absence } = options;
  const isAbsent = (duty: Assignment) => duty.staff === absence.staff && duty.date === absence.date && (absence.shift === undefined || duty.shift === absence.shift);
  const present = assignments.filter((duty) => !isAbsent(duty));
  const kept = keptDuties(scenario, present, options.keep ?? [], (duty) => duty.learner === true && duty.date !== absence.date);
  const keptIds = new Set(kept.map(dutyId));
  const modelled = present.filter((duty) => !keptIds.has(dutyId(duty)));
  const coveredBefore = coverOf(assignments);
  const demand = scenario.demand.map((line) => (line.date === absence.date ? { ...line, required: Math.min(line.required, coveredBefore.get(slotId(line.date, line.shift, line.post)) ?? 0) } : line));
  const absentDay: Unavailability = { date: absence.date, reason: ABSENT_REASON, ...(absence.shift === undefined ? {} : { shift: absence.shift }) };
  const repaired = frozenScenario(scenario, modelled, kept, (date) => date !== absence.date, {
    demand,
    extraUnavailable: new Map([[absence.staff, [absentDay]]]),
    pinned: [],
    changesWeight: REPAIR_CHANGES_WEIGHT,
  });
  return { scenario: repaired, kept };
}

/** Re-optimises the days from `fromDate` on, keeping the pinned duties and the accepted breaches. */
export function reoptimiseScenario(scenario: Scenario, assignments: Assignment[], options: ReoptimiseOptions): RepairPlan {
  const pinnedLearners = new Set(options.pinned.filter((duty) => duty.learner === true).map(dutyId));
  const kept = keptDuties(scenario, assignments, options.keep ?? [], (duty) => duty.learner === true && (duty.date < options.fromDate || pinnedLearners.has(dutyId(duty))));
  const keptIds = new Set(kept.map(dutyId));
  const modelled = assignments.filter((duty) => !keptIds.has(dutyId(duty)));
  const current = new Set(modelled.map(dutyId));
  const pinned = options.pinned.filter((duty) => duty.date >= options.fromDate && current.has(dutyId(duty)));
  const reoptimised = frozenScenario(scenario, modelled, kept, (date) => date < options.fromDate, {
    demand: scenario.demand,
    extraUnavailable: new Map(),
    pinned,
    changesWeight: REOPTIMISE_CHANGES_WEIGHT,
  });
  return { scenario: reoptimised, kept };
}

/** The solved roster with the duties kept outside the model put back. */
export function mergeKept(plan: RepairPlan, solved: Assignment[]): Assignment[] {
  const solvedIds = new Set(solved.map(dutyId));
  return [...solved, ...plan.kept.filter((duty) => !solvedIds.has(dutyId(duty)))];
}

/** Per person, date and shift whose post, window or learner flag differs: from → to (null = off duty). */
export function rosterMoves(before: Assignment[], after: Assignment[]): RosterMove[] {
  const was = new Map(before.map((duty) => [shiftId(duty), duty]));
  const now = new Map(after.map((duty) => [shiftId(duty), duty]));
  const moves: RosterMove[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const from = was.get(key);
    const to = now.get(key);
    if (from?.post === to?.post && from?.window === to?.window && (from?.learner === true) === (to?.learner === true)) continue;
    const duty = (to ?? from) as Assignment;
    moves.push({
      staff: duty.staff,
      date: duty.date,
      shift: duty.shift,
      from: from?.post ?? null,
      to: to?.post ?? null,
      fromWindow: from?.window ?? null,
      toWindow: to?.window ?? null,
      learner: to?.learner === true,
    });
  }
  return moves.sort((a, b) => a.date.localeCompare(b.date) || a.shift.localeCompare(b.shift) || a.staff.localeCompare(b.staff));
}

/**
 * The solved roster seated as the hall sat before: the model decides posts and seats everyone
 * afresh, so a person who keeps their post on a shift keeps the window they sat at (when nobody
 * else there already holds it), and only those who arrive at a post, or whose window someone kept,
 * take the windows the solve left free — fixed windows first, then demand ones, as the solve seats
 * them. A repair then lists as moves only the people it really moves.
 */
export function keepSeats(scenario: Scenario, before: Assignment[], after: Assignment[]): Assignment[] {
  const windows = new Map((scenario.windows ?? []).map((window) => [window.id, window]));
  if (windows.size === 0) return after;
  const was = new Map(before.map((duty) => [shiftId(duty), duty]));
  const groups = new Map<string, Assignment[]>();
  for (const duty of after) {
    if (duty.window === undefined) continue;
    const key = slotId(duty.date, duty.shift, duty.post);
    groups.set(key, [...(groups.get(key) ?? []), duty]);
  }
  const seated = new Map<Assignment, string>();
  for (const group of groups.values()) {
    const taken = new Set<string>();
    const waiting: Assignment[] = [];
    for (const duty of group) {
      const old = was.get(shiftId(duty));
      const kept = old?.post === duty.post && old.learner !== true ? old.window : undefined;
      if (kept !== undefined && windows.get(kept)?.post === duty.post && !taken.has(kept)) {
        seated.set(duty, kept);
        taken.add(kept);
      } else waiting.push(duty);
    }
    const fixedFirst = (id: string) => (windows.get(id)?.staffing === 'fixed' ? 0 : 1);
    // The post's other windows that open in this shift count as free too: a duty kept outside the
    // model holds its window, and the solve (not knowing which) may have seated someone there.
    const { shift, post } = group[0]!;
    const opensHere = (window: WindowDef) => window.post === post && (window.shifts === undefined || window.shifts.includes(shift) || (window.restDayShifts ?? []).includes(shift));
    const pool = [...new Set([...group.map((duty) => duty.window as string), ...[...windows.values()].filter(opensHere).map((window) => window.id)])];
    const free = pool.filter((id) => !taken.has(id)).sort((a, b) => fixedFirst(a) - fixedFirst(b));
    for (const duty of waiting) {
      const own = duty.window as string;
      const window = !taken.has(own) && free.includes(own) ? own : free.find((id) => !taken.has(id));
      if (window === undefined) continue;
      seated.set(duty, window);
      taken.add(window);
    }
  }
  return after.map((duty) => {
    const window = seated.get(duty);
    return window === undefined || window === duty.window ? duty : { ...duty, window };
  });
}

// ---- Kept outside the model ------------------------------------------------------------------------

/**
 * The duties the model must not see: those accepted by a lead, those a hard rule already flags
 * (a pin on them would be infeasible), every duty of a person whose limits are already broken over
 * the period (weekly hours, days in a row: the model could only make it worse), and learners where
 * `learnerKept` says so (a learner cannot be pinned: pins need level 2).
 */
function keptDuties(scenario: Scenario, assignments: Assignment[], accepted: Assignment[], learnerKept: (duty: Assignment) => boolean): Assignment[] {
  const acceptedIds = new Set(accepted.map(dutyId));
  const breaches = checkRoster(scenario, assignments).breaches;
  const flaggedShifts = new Set(breaches.filter((breach) => breach.staff !== undefined && breach.shift !== undefined && breach.date !== undefined).map((breach) => `${breach.staff}|${breach.date}|${breach.shift}`));
  const flaggedSlots = new Set(breaches.filter((breach) => breach.staff === undefined && breach.post !== undefined).map((breach) => slotId(breach.date ?? '', breach.shift ?? '', breach.post ?? '')));
  const overLimit = new Set(breaches.filter(isPersonLevel).map((breach) => breach.staff as string));
  const known = knownReferences(scenario);
  const kept = assignments.filter(
    (duty) =>
      acceptedIds.has(dutyId(duty)) ||
      flaggedShifts.has(shiftId(duty)) ||
      flaggedSlots.has(slotId(duty.date, duty.shift, duty.post)) ||
      overLimit.has(duty.staff) ||
      !known(duty) ||
      learnerKept(duty),
  );
  // The person's whole day goes with a kept duty: they are unavailable to the model that day, so a
  // pin of theirs there would be infeasible.
  const keptDays = new Set(kept.map((duty) => `${duty.staff}|${duty.date}`));
  return assignments.filter((duty) => keptDays.has(`${duty.staff}|${duty.date}`));
}

/** A breach of a person's limits over days or weeks, not of one duty. */
function isPersonLevel(breach: Breach): boolean {
  return breach.staff !== undefined && breach.shift === undefined;
}

function knownReferences(scenario: Scenario): (duty: Assignment) => boolean {
  const staff = new Set(scenario.staff.map((person) => person.id));
  const shifts = new Set(scenario.shifts.map((shift) => shift.id));
  const posts = new Set(scenario.posts.map((post) => post.id));
  const dates = new Set(horizonDates(scenario));
  return (duty) => staff.has(duty.staff) && shifts.has(duty.shift) && posts.has(duty.post) && dates.has(duty.date);
}

function horizonDates(scenario: Scenario): string[] {
  const first = isoDay(scenario.start);
  return Array.from({ length: scenario.days }, (_, index) => isoDate(first + index));
}

/** Non-learner duties per slot "date|shift|post". */
function coverOf(assignments: Assignment[]): Map<string, number> {
  const cover = new Map<string, number>();
  for (const duty of assignments) {
    if (duty.learner === true) continue;
    const key = slotId(duty.date, duty.shift, duty.post);
    cover.set(key, (cover.get(key) ?? 0) + 1);
  }
  return cover;
}

// ---- Freezing days ------------------------------------------------------------------------------------

interface FrozenParts {
  demand: DemandLine[];
  extraUnavailable: Map<string, Unavailability[]>;
  pinned: Assignment[];
  changesWeight: number;
}

/**
 * The scenario with `frozen` days settled: their modelled duties pinned, everyone unavailable on the
 * shifts they do not hold there. People with a kept duty are unavailable on that day, and the
 * kept duties' cover comes off the demand, so the model neither double-books nor double-counts them.
 */
function frozenScenario(scenario: Scenario, modelled: Assignment[], kept: Assignment[], frozen: (date: string) => boolean, parts: FrozenParts): Scenario {
  const frozenDates = horizonDates(scenario).filter(frozen);
  const held = new Map<string, Set<string>>();
  for (const duty of modelled) {
    const key = `${duty.staff}|${duty.date}`;
    held.set(key, (held.get(key) ?? new Set()).add(duty.shift));
  }
  const keptDays = new Set(kept.map((duty) => `${duty.staff}|${duty.date}`));
  const staff = scenario.staff.map((person): StaffDef => {
    const away: Unavailability[] = [...(parts.extraUnavailable.get(person.id) ?? [])];
    for (const date of frozenDates) {
      if (keptDays.has(`${person.id}|${date}`)) continue;
      const shifts = held.get(`${person.id}|${date}`);
      if (!shifts) away.push({ date, reason: FROZEN_REASON });
      else for (const shift of scenario.shifts) if (!shifts.has(shift.id)) away.push({ date, shift: shift.id, reason: FROZEN_REASON });
    }
    for (const day of keptDays) {
      const [id, date] = day.split('|');
      if (id === person.id && date !== undefined) away.push({ date, reason: FROZEN_REASON });
    }
    return away.length === 0 ? person : { ...person, unavailable: [...(person.unavailable ?? []), ...away] };
  });
  const frozenSet = new Set(frozenDates);
  const pins: Pin[] = [...modelled.filter((duty) => frozenSet.has(duty.date)), ...parts.pinned.filter((duty) => !frozenSet.has(duty.date))].map(({ staff: id, date, shift, post }) => ({ staff: id, date, shift, post }));
  const keptCover = coverOf(kept);
  const demand = parts.demand.map((line) => {
    const covered = keptCover.get(slotId(line.date, line.shift, line.post)) ?? 0;
    return covered > 0 ? { ...line, required: Math.max(0, line.required - covered) } : line;
  });
  return {
    ...scenario,
    staff,
    demand,
    pinned: pins,
    baseline: modelled.map(({ staff: id, date, shift, post, learner }) => ({ staff: id, date, shift, post, ...(learner === true ? { learner } : {}) })),
    weights: { ...scenario.weights, changes: parts.changesWeight },
  };
}

/**
 * A proposal must not bring a hard-rule breach the roster did not have: a move behind a new breach
 * (two people at one window, a seat the forecast does not open, …) is taken back, cell by cell,
 * until none is left. What the model could not see (duties kept outside it) is what makes such a
 * move possible; taking it back keeps the rest of the proposal.
 */
export function revertBreakingMoves(scenario: Scenario, before: Assignment[], after: Assignment[], rounds = 6): Assignment[] {
  // The message too: a seat count that grows (2 seated where 1 sat, 0 open) is a new breach.
  const key = (breach: Breach) => [breach.rule, breach.staff, breach.date, breach.shift, breach.post, breach.message].join('|');
  const known = new Set(checkRoster(scenario, before).breaches.map(key));
  const was = new Map(before.map((duty) => [shiftId(duty), duty]));
  let current = after;
  for (let round = 0; round < rounds; round += 1) {
    const fresh = checkRoster(scenario, current).breaches.filter((breach) => !known.has(key(breach)));
    if (fresh.length === 0) return current;
    const moved = new Set(rosterMoves(before, current).map((move) => shiftId(move)));
    const undo = new Set<string>();
    const movedStaff = new Set([...moved].map((id) => id.split('|')[0]));
    for (const breach of fresh) {
      // A breach naming someone who did not move (the one kept at a window) points at whoever moved there.
      const namesMover = breach.staff !== undefined && movedStaff.has(breach.staff);
      for (const id of moved) {
        const [staff, date, shift] = id.split('|');
        if (breach.date !== undefined && breach.date !== date) continue;
        if (breach.shift !== undefined && breach.shift !== shift) continue;
        const duty = current.find((candidate) => shiftId(candidate) === id) ?? was.get(id);
        const samePlace = breach.post === undefined || duty?.post === breach.post;
        if (namesMover ? breach.staff === staff : samePlace) undo.add(id);
      }
    }
    if (undo.size === 0) return current;
    const kept = current.filter((duty) => !undo.has(shiftId(duty)));
    current = [...kept, ...[...undo].flatMap((id) => (was.has(id) ? [was.get(id)!] : []))];
  }
  return current;
}
