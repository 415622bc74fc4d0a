/**
 * The independent checker: re-verifies every hard rule of docs/roster-rules.md on a finished roster
 * and recomputes every soft penalty, straight from the page's definitions. It shares nothing with the
 * model (solver/roster/model.ts) but the resolved view of prepare.ts, so a mistake in the model's
 * constraints shows up here as a breach, and a mistake in its objective as a different total.
 */
import { dayTier, LIEU_TIER, PAY_TIERS } from '../pay/tiers.ts';
import { cycleKeyOf, prepareScenario, type PreparedDay, type PreparedPerson, type PreparedScenario, type PreparedShift } from './prepare.ts';
import { MENTOR, QUALIFIED, type Assignment, type Breach, type CheckReport, type DemandLine, type ExclusionCause, type PresenceRule, type Scenario, type ShiftRequest, type SoftTotals, type Weights, type WindowDef } from './types.ts';

// The three small formulas of the rules page, written out here rather than taken from prepare.ts,
// which the model uses too: a slip in a shared formula would pass both unnoticed.

/** Rule 2: two shifts of the same day overlap when each starts before the other ends. */
function sameDayOverlap(a: PreparedShift, b: PreparedShift): boolean {
  return a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

/** Rule 9: b's start + 24 h − a's end, for `a` on one day and `b` on the next. */
function restMinutes(a: PreparedShift, b: PreparedShift): number {
  return b.startMinute + 24 * 60 - a.endMinute;
}

/**
 * Soft goal 4: 100% on a workday, 200% on a restday, 300% on a holiday. The tiers are payroll's
 * (solver/pay/tiers.ts), read here and in the model alike: they are the law's figures, not a
 * formula of the model's, and one definition is what keeps the roster's cost and pay equal.
 */

/** One assignment with its person, day and shift resolved. */
export interface Placed {
  assignment: Assignment;
  person: PreparedPerson;
  day: PreparedDay;
  shift: PreparedShift;
}

/** A breach with what the gap reasons need: which exclusion it amounts to, and the fact behind it. */
export interface Finding extends Breach {
  cause: ExclusionCause | 'qualification' | 'pinned' | 'min_minutes_total' | 'reference' | 'presence' | 'seating';
  detail?: string;
}

/** The roster resolved against the scenario; assignments that name nothing known are set apart. */
export interface PlacedRoster {
  placed: Placed[];
  byPerson: Map<string, Placed[]>;
  unknown: Finding[];
}

const PENALTY_PRECISION = 1e6;

export function checkRoster(scenario: Scenario, assignments: Assignment[]): CheckReport {
  const prepared = prepareScenario(scenario);
  const roster = placeRoster(prepared, assignments);
  const hall = checkerHall(prepared);
  const breaches: Breach[] = [
    ...roster.unknown,
    ...slotFindings(roster.placed),
    ...pinFindings(prepared, roster.placed),
    ...prepared.people.flatMap((person) => personFindings(prepared, person, roster.byPerson.get(person.id) ?? [])),
    ...(hall ? [...presenceFindings(prepared, hall, roster.byPerson), ...seatFindings(prepared, hall, roster.placed), ...restDayFindings(prepared, hall, roster.placed)] : []),
  ].map(asBreach);
  return { breaches, soft: softTotals(prepared, roster.placed) };
}

/** Resolves each assignment; one naming an unknown person, date, shift or post is a breach itself. */
export function placeRoster(prepared: PreparedScenario, assignments: Assignment[]): PlacedRoster {
  const placed: Placed[] = [];
  const unknown: Finding[] = [];
  const postIds = new Set(prepared.posts.map((post) => post.id));
  for (const assignment of assignments) {
    const person = prepared.people[prepared.personIndex.get(assignment.staff) ?? -1];
    const day = prepared.days[prepared.dayIndex.get(assignment.date) ?? -1];
    const shift = prepared.shifts[prepared.shiftIndex.get(assignment.shift) ?? -1];
    if (person && day && shift && postIds.has(assignment.post)) {
      placed.push({ assignment, person, day, shift });
    } else {
      const unknownParts = [
        person ? '' : `person "${assignment.staff}"`,
        day ? '' : `date ${assignment.date} (not in the horizon)`,
        shift ? '' : `shift "${assignment.shift}"`,
        postIds.has(assignment.post) ? '' : `post "${assignment.post}"`,
      ].filter(Boolean);
      unknown.push({ ...where(assignment), rule: 'reference', cause: 'reference', message: `Assignment names an unknown ${unknownParts.join(', ')}` });
    }
  }
  placed.sort((a, b) => a.day.index - b.day.index || a.shift.index - b.shift.index);
  return { placed, byPerson: groupBy(placed, (item) => item.person.id), unknown };
}

function where(assignment: Assignment): Pick<Breach, 'staff' | 'date' | 'shift' | 'post'> {
  return { staff: assignment.staff, date: assignment.date, shift: assignment.shift, post: assignment.post };
}

function asBreach(finding: Finding): Breach {
  const { cause: _cause, detail: _detail, ...breach } = finding;
  return breach;
}

// ---- Hard rule 1: qualification, learners beside mentors --------------------------------------

function slotFindings(placed: Placed[]): Finding[] {
  const findings: Finding[] = [];
  for (const item of placed) findings.push(...qualificationFindings(item));
  const slots = groupBy(placed, (item) => slotKey(item.day.index, item.shift.id, item.assignment.post));
  for (const items of slots.values()) findings.push(...mentorFindings(items));
  return findings;
}

function qualificationFindings({ assignment, person }: Placed): Finding[] {
  const level = person.levelOf(assignment.post);
  if (assignment.learner === true && level !== 1) {
    return [{ ...where(assignment), rule: 'qualification', cause: 'qualification', message: `${assignment.staff} is placed as a learner at ${assignment.post} but has level ${level} there, not 1` }];
  }
  if (assignment.learner !== true && level < QUALIFIED) {
    return [{ ...where(assignment), rule: 'qualification', cause: 'qualification', message: `${assignment.staff} has level ${level} at ${assignment.post}; filling a post needs level ≥ 2` }];
  }
  return [];
}

function mentorFindings(items: Placed[]): Finding[] {
  const learners = items.filter((item) => item.assignment.learner === true);
  if (learners.length === 0) return [];
  const mentors = items.filter((item) => item.assignment.learner !== true && item.person.levelOf(item.assignment.post) >= MENTOR).length;
  if (mentors >= learners.length) return [];
  const { date, shift, post } = learners[0]!.assignment;
  return [{ date, shift, post, rule: 'learner_mentor', cause: 'qualification', message: `${learners.length} learner(s) at ${post} on ${date} ${shift} beside only ${mentors} mentor(s) (level 3)` }];
}

// ---- Hard rule 4: pinned assignments kept --------------------------------------------------------

function pinFindings(prepared: PreparedScenario, placed: Placed[]): Finding[] {
  const present = new Set(placed.map(({ assignment: a }) => `${a.staff}|${a.date}|${a.shift}|${a.post}`));
  return (prepared.scenario.pinned ?? [])
    .filter((pin) => !present.has(`${pin.staff}|${pin.date}|${pin.shift}|${pin.post}`))
    .map((pin) => ({ ...pin, rule: 'pinned', cause: 'pinned' as const, message: `Pinned ${pin.staff} at ${pin.post} on ${pin.date} ${pin.shift} is missing from the roster` }));
}

// ---- Hard rules 2, 3, 5–10: one person's roster ----------------------------------------------------

/** Every per-person hard rule broken by this person's assignments (sorted by day, then shift). */
export function personFindings(prepared: PreparedScenario, person: PreparedPerson, items: Placed[]): Finding[] {
  const worked = workedDays(prepared, items);
  return [
    ...sameDayFindings(person, items),
    ...leaveFindings(person, items),
    ...weeklyFindings(prepared, person, items),
    ...horizonFindings(person, items),
    ...consecutiveFindings(prepared, person, worked),
    ...minimumBlockFindings(prepared, person, worked),
    ...restFindings(prepared, person, items),
    ...weekendFindings(prepared, person, worked),
  ];
}

function workedDays(prepared: PreparedScenario, items: Placed[]): boolean[] {
  const worked = prepared.days.map(() => false);
  for (const item of items) worked[item.day.index] = true;
  return worked;
}

function byDay(items: Placed[]): Map<number, Placed[]> {
  return groupBy(items, (item) => item.day.index);
}

/** Rule 2: one post per duty, no overlapping shifts in a day, at most maxShiftsPerDay. */
function sameDayFindings(person: PreparedPerson, items: Placed[]): Finding[] {
  const findings: Finding[] = [];
  for (const dayItems of byDay(items).values()) {
    dayItems.forEach((item, i) => {
      for (const other of dayItems.slice(0, i)) {
        if (other.shift.id === item.shift.id) {
          findings.push({ ...where(item.assignment), rule: 'assigned_elsewhere', cause: 'assigned_elsewhere', detail: other.assignment.post, message: `${person.id} has two assignments on ${item.day.date} ${item.shift.id} (${other.assignment.post} and ${item.assignment.post})` });
        } else if (sameDayOverlap(other.shift, item.shift)) {
          findings.push({ ...where(item.assignment), rule: 'overlap', cause: 'overlap', detail: other.shift.id, message: `${person.id} works overlapping shifts ${other.shift.id} and ${item.shift.id} on ${item.day.date}` });
        }
      }
    });
    const limit = person.maxShiftsPerDay;
    if (limit !== null && dayItems.length > limit) {
      const first = dayItems[0]!;
      findings.push({ staff: person.id, date: first.day.date, rule: 'max_shifts_day', cause: 'max_shifts_day', detail: String(limit), message: `${person.id} works ${dayItems.length} shifts on ${first.day.date}; the limit is ${limit}` });
    }
  }
  return findings;
}

/** Rule 3: leave, unavailability and fixed days off. */
function leaveFindings(person: PreparedPerson, items: Placed[]): Finding[] {
  return items.flatMap((item): Finding[] => {
    const reason = person.unavailable.get(`${item.day.index}`) ?? person.unavailable.get(`${item.day.index}:${item.shift.id}`);
    if (reason !== undefined) {
      return [{ ...where(item.assignment), rule: 'unavailable', cause: 'unavailable', detail: reason, message: `${person.id} is unavailable on ${item.day.date} ${item.shift.id}${reason ? ` (${reason})` : ''}` }];
    }
    if (person.fixedWeekdaysOff.has(item.day.weekday)) {
      return [{ ...where(item.assignment), rule: 'fixed_day_off', cause: 'fixed_day_off', detail: String(item.day.weekday), message: `${person.id} never works weekday ${item.day.weekday}, but is on ${item.day.date}` }];
    }
    return [];
  });
}

/** Rule 5: shifts and minutes per week. */
function weeklyFindings(prepared: PreparedScenario, person: PreparedPerson, items: Placed[]): Finding[] {
  const findings: Finding[] = [];
  const scales = weekScales(prepared);
  for (let week = 0; week < prepared.weeks; week += 1) {
    const inWeek = items.filter((item) => item.day.week === week);
    const minutes = sum(inWeek.map((item) => item.shift.minutes));
    const first = prepared.days[week * 7]!.date;
    const scale = scales[week] ?? 1;
    const maxShifts = person.maxShiftsPerWeek === null ? null : Math.floor(person.maxShiftsPerWeek * scale + 1e-9);
    const maxMinutes = person.maxMinutesPerWeek === null ? null : Math.round(person.maxMinutesPerWeek * scale);
    if (maxShifts !== null && inWeek.length > maxShifts) {
      findings.push({ staff: person.id, date: first, rule: 'max_shifts_week', cause: 'max_shifts_week', detail: String(maxShifts), message: `${person.id} works ${inWeek.length} shifts in the week from ${first}; the limit is ${maxShifts}` });
    }
    if (maxMinutes !== null && minutes > maxMinutes) {
      findings.push({ staff: person.id, date: first, rule: 'max_hours_week', cause: 'max_hours_week', detail: String(maxMinutes / 60), message: `${person.id} works ${minutes / 60} h in the week from ${first}; the limit is ${maxMinutes / 60} h` });
    }
  }
  return findings;
}

/** Rule 5 under the presence rule: each week's limits × max(1, its working days ÷ standardWorkingDays). */
function weekScales(prepared: PreparedScenario): number[] {
  const presence = prepared.scenario.presence;
  const working = new Set(presence?.workingDays ?? []);
  return Array.from({ length: prepared.weeks }, (_, week) => {
    if (!presence) return 1;
    const count = prepared.days.filter((day) => day.week === week && working.has(day.date)).length;
    return Math.max(1, count / (presence.standardWorkingDays ?? 5));
  });
}

// ---- Hard rules 11–13: the hall's presence and seats ------------------------------------------

/** The hall as the rules page defines it, read straight from the scenario. */
export interface CheckerHall {
  working: Set<string>;
  openRest: Set<string>;
  defaultShifts: string[] | null;
  windowsByPost: Map<string, WindowDef[]>;
  windowById: Map<string, WindowDef>;
  zoneOfPost: Map<string, string>;
  /** date|shift|post → open seats (posts with windows only). */
  seats: Map<string, number>;
  /** date|shift|post → the windows that open there, fixed and demand, whatever the demand. */
  opening: Map<string, { fixed: WindowDef[]; demand: WindowDef[] }>;
  /** Rule 14 applies: presence with `planLieu` not false. */
  planLieu: boolean;
  /** The 综合计算工时 cycle within which a comprehensive person's rest-day minutes are given back. */
  comprehensiveCycle: PresenceRule['comprehensiveCycle'];
  contractedPosts: Record<string, number>;
}

export interface LieuShift {
  date: string;
  shift: string;
  minutes: number;
  /** A comprehensive person's cycle-plan rest (轮休), not time off in lieu for the time account. */
  cycle?: true;
}

function checkerHall(prepared: PreparedScenario): CheckerHall | null {
  const { scenario } = prepared;
  const windows = scenario.windows ?? [];
  const presence = scenario.presence;
  if (windows.length === 0 && !presence) return null;
  const working = new Set(presence?.workingDays ?? []);
  const openRest = new Set((presence?.openRestDays ?? []).filter((date) => !working.has(date)));
  const windowsByPost = groupBy(windows, (window) => window.post);
  const zoneOfPost = new Map<string, string>();
  for (const window of windows) if (window.zone !== undefined && !zoneOfPost.has(window.post)) zoneOfPost.set(window.post, window.zone);
  for (const post of scenario.posts) if (post.zone !== undefined) zoneOfPost.set(post.id, post.zone);
  const required = new Map(scenario.demand.map((line) => [`${line.date}|${line.shift}|${line.post}`, line.required]));
  const staffById = new Map(scenario.staff.map((person) => [person.id, person]));
  const aIsFree = (window: WindowDef, date: string, shift: string) => {
    const person = window.a === undefined ? undefined : staffById.get(window.a);
    if (!person || (person.skills[window.post] ?? 0) < 2) return false;
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if ((person.fixedWeekdaysOff ?? []).includes(weekday) || person.maxShiftsByType?.[shift] === 0) return false;
    return !(person.unavailable ?? []).some((entry) => entry.date === date && (entry.shift === undefined || entry.shift === shift));
  };
  const seats = new Map<string, number>();
  const opening = new Map<string, { fixed: WindowDef[]; demand: WindowDef[] }>();
  for (const day of prepared.days) {
    for (const shift of scenario.shifts) {
      for (const [post, list] of windowsByPost) {
        const open = list.filter((window) => {
          if (!presence) return window.shifts === undefined || window.shifts.includes(shift.id);
          if (working.has(day.date)) return (window.shifts ?? presence.defaultShifts).includes(shift.id);
          return openRest.has(day.date) && (window.restDayShifts ?? []).includes(shift.id);
        });
        // On an open rest day every window that opens is fixed (the appointment service's hours);
        // on a working day so is a demand window whose A person is there to sit at it.
        const fixed = open.filter((window) => window.staffing === 'fixed' || (presence !== undefined && (!working.has(day.date) || aIsFree(window, day.date, shift.id))));
        const demand = open.filter((window) => !fixed.includes(window));
        const key = `${day.date}|${shift.id}|${post}`;
        opening.set(key, { fixed, demand });
        const count = fixed.length + Math.min(demand.length, Math.max(0, (required.get(key) ?? 0) - fixed.length));
        if (count > 0) seats.set(key, count);
      }
    }
  }
  return { working, openRest, defaultShifts: presence?.defaultShifts ?? null, windowsByPost, windowById: new Map(windows.map((window) => [window.id, window])), zoneOfPost, seats, opening, planLieu: presence !== undefined && presence.planLieu !== false, comprehensiveCycle: presence?.comprehensiveCycle, contractedPosts: presence?.contractedPosts ?? {} };
}

/** The demand lines soft goals 1–3 read: a post with windows needs its open seats filled. */
function checkerLines(prepared: PreparedScenario, hall: CheckerHall | null): DemandLine[] {
  if (!hall) return prepared.scenario.demand;
  const given = new Map(prepared.scenario.demand.map((line) => [`${line.date}|${line.shift}|${line.post}`, line]));
  const lines = prepared.scenario.demand.filter((line) => !hall.windowsByPost.has(line.post));
  for (const [key, seats] of hall.seats) {
    const [date, shift, post] = key.split('|') as [string, string, string];
    lines.push({ ...(given.get(key) ?? {}), date, shift, post, required: seats });
  }
  return lines;
}

/** Rule 11: on every working day each person not away holds every default-day shift. */
function presenceFindings(prepared: PreparedScenario, hall: CheckerHall, byPerson: Map<string, Placed[]>): Finding[] {
  if (hall.defaultShifts === null) return [];
  const findings: Finding[] = [];
  const lieuByZoneDay = new Map<string, number>();
  for (const person of prepared.people) {
    const lieu = lieuOf(prepared, hall, person, byPerson.get(person.id) ?? []);
    for (const gap of lieu.excess) {
      const why = !hall.planLieu ? '' : isComprehensive(person) ? ', and no rest-day duty of that 综合计算工时 cycle is left to balance it' : ', and no rest-day duty of that week or the week before is left to give back';
      findings.push({ staff: person.id, date: gap.date, shift: gap.shift, rule: 'presence', cause: 'presence', message: `${person.id} is not on leave but holds no duty on ${gap.date} ${gap.shift}, a working day's default shift${why}` });
    }
    if (person.def.zone === undefined) continue;
    for (const gap of lieu.taken) lieuByZoneDay.set(`${person.def.zone}|${gap.date}`, (lieuByZoneDay.get(`${person.def.zone}|${gap.date}`) ?? 0) + 1);
  }
  for (const [key, count] of lieuByZoneDay) {
    const [zone, date] = key.split('|') as [string, string];
    const contracted = hall.contractedPosts[zone];
    if (contracted === undefined) continue;
    const day = prepared.days[prepared.dayIndex.get(date) ?? -1]!;
    const free = prepared.people.filter((person) => person.def.zone === zone && defaultShiftsFree(hall, person, day).length > 0).length;
    const allowed = Math.max(0, free - contracted);
    if (count > allowed) findings.push({ date, rule: 'lieu_reserve', cause: 'presence', message: `Zone ${zone} gives ${count} default-day shift(s) off in lieu on ${date}, but has only ${allowed} free people beyond its ${contracted} contracted posts` });
  }
  return findings;
}

/** Rule 15: under presence, a day that is not a working day has no more people at a post than it needs. */
function restDayFindings(prepared: PreparedScenario, hall: CheckerHall, placed: Placed[]): Finding[] {
  if (hall.defaultShifts === null) return [];
  const need = new Map<string, number>();
  for (const line of checkerLines(prepared, hall)) if (!hall.working.has(line.date)) need.set(`${line.date}|${line.shift}|${line.post}`, (need.get(`${line.date}|${line.shift}|${line.post}`) ?? 0) + line.required);
  const count = new Map<string, number>();
  for (const { assignment: a } of placed) if (!hall.working.has(a.date)) count.set(`${a.date}|${a.shift}|${a.post}`, (count.get(`${a.date}|${a.shift}|${a.post}`) ?? 0) + 1);
  const findings: Finding[] = [];
  for (const [key, people] of count) {
    const required = need.get(key) ?? 0;
    if (people <= required) continue;
    const [date, shift, post] = key.split('|') as [string, string, string];
    findings.push({ date, shift, post, rule: 'rest_day_beyond_need', cause: 'presence', message: `${people} people are on duty at ${post} on ${date} ${shift}, not a working day, where the hall needs ${required}` });
  }
  return findings;
}

/** Per person: rest-day minutes earned and the default-day shifts the roster gives back in lieu (rule 14). */
export function lieuLedger(prepared: PreparedScenario, assignments: Assignment[]): Map<string, { earned: number; taken: LieuShift[] }> {
  const hall = checkerHall(prepared);
  const ledger = new Map<string, { earned: number; taken: LieuShift[] }>();
  if (!hall) return ledger;
  const roster = placeRoster(prepared, assignments);
  for (const person of prepared.people) {
    const items = roster.byPerson.get(person.id) ?? [];
    const earned = sum(items.filter((item) => !hall.working.has(item.day.date) && item.day.kind === 'restday').map((item) => item.shift.minutes));
    const taken = hall.defaultShifts ? lieuOf(prepared, hall, person, items).taken : [];
    if (earned > 0 || taken.length > 0) ledger.set(person.id, { earned, taken });
  }
  return ledger;
}

/** One planned give-back: `minutes` of rest-day duty on `earnedOn` given back by the shift off on `spentOn`. */
export interface LieuPair {
  earnedOn: string;
  spentOn: string;
  shift: string;
  minutes: number;
}

/**
 * Rule 14's ledger as pairs, per person: which rest day each shift given back in lieu pays for, by
 * the checker's own order (a week's shifts off spend what the week before left, oldest first, then
 * the week's own rest days by date; what a week leaves lives one more week). The pay and the time
 * account read these, so they give back exactly what the board shows as 调休.
 */
export function lieuPairs(prepared: PreparedScenario, assignments: Assignment[]): Map<string, LieuPair[]> {
  const hall = checkerHall(prepared);
  const pairs = new Map<string, LieuPair[]>();
  if (!hall?.defaultShifts || !hall.planLieu) return pairs;
  const roster = placeRoster(prepared, assignments);
  for (const person of prepared.people) {
    const items = roster.byPerson.get(person.id) ?? [];
    // A 综合计算工时 person's cycle rest (轮休) is their cycle plan, never an entry of the time account.
    const taken = lieuOf(prepared, hall, person, items).taken.filter((shift) => !shift.cycle);
    if (taken.length === 0) continue;
    const weekOf = new Map(prepared.days.map((day) => [day.date, day.week]));
    const lots = new Map<number, { date: string; minutes: number }[]>();
    for (const item of [...items].sort((a, b) => a.day.date.localeCompare(b.day.date))) {
      if (hall.working.has(item.day.date) || item.day.kind !== 'restday') continue;
      const week = lots.get(item.day.week) ?? [];
      const last = week.at(-1);
      if (last?.date === item.day.date) last.minutes += item.shift.minutes;
      else week.push({ date: item.day.date, minutes: item.shift.minutes });
      lots.set(item.day.week, week);
    }
    const own: LieuPair[] = [];
    for (const shift of taken) {
      const week = weekOf.get(shift.date) ?? 0;
      let need = shift.minutes;
      for (const lot of [...(lots.get(week - 1) ?? []), ...(lots.get(week) ?? [])]) {
        if (need <= 1e-9) break;
        const take = Math.min(need, lot.minutes);
        if (take <= 0) continue;
        lot.minutes -= take;
        need -= take;
        own.push({ earnedOn: lot.date, spentOn: shift.date, shift: shift.shift, minutes: take });
      }
      // What the week before left and this week did not spend is gone at the week's end.
    }
    pairs.set(person.id, own);
  }
  return pairs;
}

/** The default-day shifts of a working day this person is not excused from (leave, a fixed day off). */
function defaultShiftsFree(hall: CheckerHall, person: PreparedPerson, day: PreparedDay): string[] {
  if (!hall.working.has(day.date) || person.fixedWeekdaysOff.has(day.weekday) || person.unavailable.has(`${day.index}`)) return [];
  return (hall.defaultShifts ?? []).filter((shift) => !person.unavailable.has(`${day.index}:${shift}`) && person.def.maxShiftsByType?.[shift] !== 0);
}

/**
 * Rule 14 read straight off the roster: a default-day shift a free person does not hold on a
 * working day is time off in lieu when the rest-day minutes of that week, or what is left of the
 * week before's, cover it (oldest first, in date order); otherwise it is a presence breach.
 */
export function lieuOf(prepared: PreparedScenario, hall: CheckerHall, person: PreparedPerson, items: Placed[]): { taken: LieuShift[]; excess: LieuShift[] } {
  if (isComprehensive(person)) return cyclePlanOf(prepared, hall, person, items);
  const held = new Set(items.map((item) => `${item.day.date}|${item.shift.id}`));
  const minutesOf = new Map(prepared.shifts.map((shift) => [shift.id, shift.minutes]));
  const earned = new Map<number, number>();
  if (hall.planLieu) {
    for (const item of items) if (!hall.working.has(item.day.date) && item.day.kind === 'restday') earned.set(item.day.week, (earned.get(item.day.week) ?? 0) + item.shift.minutes);
  }
  const taken: LieuShift[] = [];
  const excess: LieuShift[] = [];
  let carried = 0;
  for (let week = 0; week < prepared.weeks; week += 1) {
    const ownWeek = earned.get(week) ?? 0;
    let left = carried + ownWeek;
    let spent = 0;
    for (const day of prepared.days.filter((d) => d.week === week)) {
      for (const shift of defaultShiftsFree(hall, person, day)) {
        if (held.has(`${day.date}|${shift}`)) continue;
        const gap = { date: day.date, shift, minutes: minutesOf.get(shift) ?? 0 };
        if (gap.minutes <= left + 1e-9) {
          taken.push(gap);
          left -= gap.minutes;
          spent += gap.minutes;
        } else excess.push(gap);
      }
    }
    // What the week before left is spent first; what this week leaves may be spent next week only.
    carried = week + 1 < prepared.weeks ? ownWeek - Math.max(0, spent - carried) : 0;
  }
  return { taken, excess };
}

function isComprehensive(person: PreparedPerson): boolean {
  return person.def.hoursScheme === 'comprehensive';
}

/**
 * 综合计算工时 read off the roster: a default-day shift a free comprehensive person does not hold is
 * their cycle plan's rest (轮休) while the rest-day minutes of the same cycle inside the horizon
 * cover it, in date order; otherwise it is a presence breach.
 */
function cyclePlanOf(prepared: PreparedScenario, hall: CheckerHall, person: PreparedPerson, items: Placed[]): { taken: LieuShift[]; excess: LieuShift[] } {
  const held = new Set(items.map((item) => `${item.day.date}|${item.shift.id}`));
  const minutesOf = new Map(prepared.shifts.map((shift) => [shift.id, shift.minutes]));
  const left = new Map<string, number>();
  if (hall.planLieu) {
    for (const item of items) {
      if (hall.working.has(item.day.date) || item.day.kind !== 'restday') continue;
      const key = cycleKeyOf(item.day, hall.comprehensiveCycle);
      left.set(key, (left.get(key) ?? 0) + item.shift.minutes);
    }
  }
  const taken: LieuShift[] = [];
  const excess: LieuShift[] = [];
  for (const day of prepared.days) {
    const key = cycleKeyOf(day, hall.comprehensiveCycle);
    for (const shift of defaultShiftsFree(hall, person, day)) {
      if (held.has(`${day.date}|${shift}`)) continue;
      const gap = { date: day.date, shift, minutes: minutesOf.get(shift) ?? 0 };
      if (gap.minutes <= (left.get(key) ?? 0) + 1e-9) {
        taken.push({ ...gap, cycle: true });
        left.set(key, (left.get(key) ?? 0) - gap.minutes);
      } else excess.push(gap);
    }
  }
  return { taken, excess };
}

/** Rules 12 and 13: every counted duty at a post with windows sits at one open window of it, alone. */
function seatFindings(prepared: PreparedScenario, hall: CheckerHall, placed: Placed[]): Finding[] {
  const findings: Finding[] = [];
  const seat = (item: Placed, rule: string, message: string) => findings.push({ ...where(item.assignment), rule, cause: 'seating', message });
  const taken = new Map<string, Placed>();
  const counted = new Map<string, Placed[]>();
  for (const item of placed) {
    const { assignment: a } = item;
    const key = `${a.date}|${a.shift}|${a.post}`;
    const hasWindows = hall.windowsByPost.has(a.post);
    if (a.learner === true || !hasWindows) {
      if (a.window !== undefined) seat(item, 'window_not_a_seat', `${a.staff} names window ${a.window} on ${a.date} ${a.shift}, but ${a.learner === true ? 'a learner sits beside a mentor, not at a window' : `post ${a.post} has no windows`}`);
      continue;
    }
    counted.set(key, [...(counted.get(key) ?? []), item]);
    if (a.window === undefined) {
      seat(item, 'window_missing', `${a.staff} is at post ${a.post} on ${a.date} ${a.shift} without a window`);
      continue;
    }
    const window = hall.windowById.get(a.window);
    if (!window || window.post !== a.post) {
      seat(item, 'window_mismatch', `${a.staff} sits at window ${a.window}, which does not seat post ${a.post}`);
      continue;
    }
    const opening = hall.opening.get(key);
    if (!opening || (!opening.fixed.includes(window) && !opening.demand.includes(window))) seat(item, 'window_closed', `${a.staff} sits at window ${a.window} on ${a.date} ${a.shift}, when it does not open`);
    const other = taken.get(`${a.date}|${a.shift}|${a.window}`);
    if (other) seat(item, 'window_shared', `${a.staff} and ${other.assignment.staff} both sit at window ${a.window} on ${a.date} ${a.shift}`);
    else taken.set(`${a.date}|${a.shift}|${a.window}`, item);
  }
  for (const [key, items] of counted) {
    const seats = hall.seats.get(key) ?? 0;
    const opening = hall.opening.get(key) ?? { fixed: [], demand: [] };
    const demandSeated = new Set(items.map((item) => item.assignment.window).filter((id) => opening.demand.some((window) => window.id === id))).size;
    const demandOpen = seats - opening.fixed.length;
    if (items.length > seats || demandSeated > Math.max(0, demandOpen)) {
      const { date, shift, post } = items[0]!.assignment;
      findings.push({ date, shift, post, rule: 'seats', cause: 'seating', message: `${items.length} people sit at post ${post} on ${date} ${shift} (${demandSeated} at demand windows), but it opens ${seats} window(s), ${Math.max(0, demandOpen)} of them by demand` });
    }
  }
  // Rule 13: nobody at a post without windows while an open window of a post they hold ≥ 2 is empty.
  for (const item of placed) {
    const { assignment: a, person } = item;
    if (hall.windowsByPost.has(a.post)) continue;
    for (const [post] of hall.windowsByPost) {
      if (person.levelOf(post) < QUALIFIED) continue;
      const key = `${a.date}|${a.shift}|${post}`;
      const seats = hall.seats.get(key) ?? 0;
      const seated = counted.get(key)?.length ?? 0;
      if (seated < seats) seat(item, 'idle_beside_empty_window', `${a.staff} is at ${a.post} (no window) on ${a.date} ${a.shift} while ${seats - seated} open window(s) of ${post}, where they are qualified, stand empty`);
    }
  }
  return findings;
}

/** Rule 6: shifts of each type, and total minutes, over the horizon. */
function horizonFindings(person: PreparedPerson, items: Placed[]): Finding[] {
  const findings: Finding[] = [];
  for (const [shift, limit] of Object.entries(person.def.maxShiftsByType ?? {})) {
    const count = items.filter((item) => item.shift.id === shift).length;
    if (count > limit) {
      findings.push({ staff: person.id, shift, rule: 'max_shifts_type', cause: 'max_shifts_type', detail: String(limit), message: `${person.id} works ${count} ${shift} shifts; the limit is ${limit}` });
    }
  }
  const minutes = sum(items.map((item) => item.shift.minutes));
  const { minMinutesTotal, maxMinutesTotal } = person.def;
  if (maxMinutesTotal !== undefined && minutes > maxMinutesTotal) {
    findings.push({ staff: person.id, rule: 'max_minutes_total', cause: 'max_minutes_total', detail: String(maxMinutesTotal), message: `${person.id} works ${minutes} minutes over the horizon; the most is ${maxMinutesTotal}` });
  }
  if (minMinutesTotal !== undefined && minutes < minMinutesTotal) {
    findings.push({ staff: person.id, rule: 'min_minutes_total', cause: 'min_minutes_total', detail: String(minMinutesTotal), message: `${person.id} works ${minutes} minutes over the horizon; the least is ${minMinutesTotal}` });
  }
  return findings;
}

/** Rule 7: runs of worked days, counting the days worked just before the start. */
function consecutiveFindings(prepared: PreparedScenario, person: PreparedPerson, worked: boolean[]): Finding[] {
  const limit = consecutiveLimit(prepared, person);
  const cause: ExclusionCause = prepared.rules.restDayInSeven && person.maxConsecutiveDays > 6 ? 'rest_day_in_seven' : 'max_consecutive_days';
  const findings: Finding[] = [];
  let run = person.daysWorkedBefore;
  worked.forEach((isWorked, index) => {
    run = isWorked ? run + 1 : 0;
    // Once per run: on the day it first goes over.
    if (run === limit + 1 || (index === 0 && run > limit + 1)) {
      const date = prepared.days[index]!.date;
      findings.push({ staff: person.id, date, rule: cause, cause, detail: String(limit), message: `${person.id} works more than ${limit} days in a row by ${date}` });
    }
  });
  return findings;
}

function consecutiveLimit(prepared: PreparedScenario, person: PreparedPerson): number {
  return prepared.rules.restDayInSeven ? Math.min(person.maxConsecutiveDays, 6) : person.maxConsecutiveDays;
}

/** Rule 8: runs of worked days and of days off that start inside the horizon last long enough. */
function minimumBlockFindings(prepared: PreparedScenario, person: PreparedPerson, worked: boolean[]): Finding[] {
  const findings: Finding[] = [];
  for (const run of runsOf(worked)) {
    // A run from day 0 may have begun before the horizon; a run to the last day may go on after it.
    if (run.start === 0 || run.start + run.length >= worked.length) continue;
    const least = run.worked ? person.minConsecutiveDays : person.minConsecutiveDaysOff;
    if (run.length >= least) continue;
    const date = prepared.days[run.start]!.date;
    const what = run.worked ? 'working days' : 'days off';
    findings.push({ staff: person.id, date, rule: run.worked ? 'min_consecutive_days' : 'min_consecutive_days_off', cause: 'min_consecutive', detail: String(least), message: `${person.id} has a block of ${run.length} ${what} from ${date}; the least is ${least}` });
  }
  return findings;
}

function runsOf(worked: boolean[]): { start: number; length: number; worked: boolean }[] {
  const runs: { start: number; length: number; worked: boolean }[] = [];
  worked.forEach((isWorked, index) => {
    const last = runs[runs.length - 1];
    if (last && last.worked === isWorked) last.length += 1;
    else runs.push({ start: index, length: 1, worked: isWorked });
  });
  return runs;
}

/** Rule 9: rest between a shift and the next day's, and forbidden sequences. */
function restFindings(prepared: PreparedScenario, person: PreparedPerson, items: Placed[]): Finding[] {
  const findings: Finding[] = [];
  const days = byDay(items);
  const forbidden = new Set(prepared.rules.forbiddenSequences.map((pair) => `${pair.first}>${pair.then}`));
  for (const [index, today] of days) {
    for (const first of today) {
      for (const then of days.get(index + 1) ?? []) {
        const rest = restMinutes(first.shift, then.shift);
        if (rest < 0 || rest < prepared.rules.minRestMinutes) {
          findings.push({ ...where(then.assignment), rule: 'min_rest', cause: 'min_rest', detail: `${first.day.date}|${first.shift.id}|${prepared.rules.minRestMinutes}`, message: `${person.id} rests ${rest} minutes between ${first.shift.id} on ${first.day.date} and ${then.shift.id} on ${then.day.date}; the least is ${prepared.rules.minRestMinutes}` });
        }
        if (forbidden.has(`${first.shift.id}>${then.shift.id}`)) {
          findings.push({ ...where(then.assignment), rule: 'forbidden_sequence', cause: 'forbidden_sequence', detail: `${first.day.date}|${first.shift.id}`, message: `${person.id} works ${first.shift.id} on ${first.day.date} and then ${then.shift.id}, a forbidden sequence` });
        }
      }
    }
  }
  return findings;
}

/** Rule 10: weekends with any shift. */
function weekendFindings(prepared: PreparedScenario, person: PreparedPerson, worked: boolean[]): Finding[] {
  if (person.maxWeekends === null) return [];
  const weekends = new Set(prepared.days.filter((day) => worked[day.index] && day.weekend >= 0).map((day) => day.weekend));
  if (weekends.size <= person.maxWeekends) return [];
  return [{ staff: person.id, rule: 'max_weekends', cause: 'max_weekends', detail: String(person.maxWeekends), message: `${person.id} works ${weekends.size} weekends; the limit is ${person.maxWeekends}` }];
}

// ---- Soft goals --------------------------------------------------------------------------------
// Every soft goal is a sum of parts that each depend on one person's assignments (cost, fairness,
// continuity, requests) or on one duty's (unmet, over, backup). The totals add the parts up, and
// the gap reasons price one more assignment by recomputing just the two parts it touches.

export function slotKey(day: number, shift: string, post: string): string {
  return `${day}|${shift}|${post}`;
}

export function dutyKey(day: number, shift: string): string {
  return `${day}|${shift}`;
}

/** The counts behind the soft totals, additive over persons and duties. */
export interface SoftTally {
  unmet: number;
  over: number;
  unmetPenalty: number;
  overPenalty: number;
  slotsWithDemand: number;
  slotsWithoutBackup: number;
  yuan: number;
  fairnessUnits: number;
  offHome: number;
  requestsBroken: number;
  requestsPenalty: number;
  /** Duties that differ from the baseline. */
  changed: number;
  /** Shifts a window's A person works away from their open A window (soft goal 9). */
  offSeat: number;
  /** Duties at another zone's post (soft goal 10). */
  crossZone: number;
}

const EMPTY_TALLY: SoftTally = { unmet: 0, over: 0, unmetPenalty: 0, overPenalty: 0, slotsWithDemand: 0, slotsWithoutBackup: 0, yuan: 0, fairnessUnits: 0, offHome: 0, requestsBroken: 0, requestsPenalty: 0, changed: 0, offSeat: 0, crossZone: 0 };

/** What the parts need from the whole scenario, computed once. */
export interface SoftContext {
  prepared: PreparedScenario;
  linesByDuty: Map<string, DemandLine[]>;
  requestsByPerson: Map<string, ShiftRequest[]>;
  daysInWeek: Map<number, number>;
  /** Per fairness category: mean(h) over all staff and the fair share per person. */
  fairness: { category: FairnessCategory; meanHistory: number; fair: number }[];
  /** Person id → the baseline's duties "date|shift|post"; null when the scenario has no baseline. */
  baseline: Map<string, Set<string>> | null;
  /** The demand lines priced (a post with windows: its open seats). */
  lines: DemandLine[];
  hall: CheckerHall | null;
  weekScales: number[];
}

export function softContext(prepared: PreparedScenario): SoftContext {
  const staffCount = prepared.people.length;
  const hall = checkerHall(prepared);
  const lines = checkerLines(prepared, hall);
  return {
    prepared,
    lines,
    hall,
    weekScales: weekScales(prepared),
    linesByDuty: groupBy(lines, (line) => dutyKey(prepared.dayIndex.get(line.date) ?? -1, line.shift)),
    requestsByPerson: groupBy(prepared.scenario.requests ?? [], (request) => request.staff),
    daysInWeek: new Map([...groupBy(prepared.days, (day) => day.week)].map(([week, days]) => [week, days.length])),
    fairness: FAIRNESS_CATEGORIES.map((category) => ({
      category,
      meanHistory: staffCount === 0 ? 0 : sum(prepared.people.map(category.history)) / staffCount,
      fair: staffCount === 0 ? 0 : fairShare(prepared, lines, category) / staffCount,
    })),
    baseline: baselineByPerson(prepared),
  };
}

/** The baseline's duties per person, once each; those naming nothing known are left out. */
function baselineByPerson(prepared: PreparedScenario): Map<string, Set<string>> | null {
  const { baseline } = prepared.scenario;
  if (baseline === undefined) return null;
  const posts = new Set(prepared.posts.map((post) => post.id));
  const byPerson = new Map<string, Set<string>>();
  for (const duty of baseline) {
    if (!prepared.personIndex.has(duty.staff) || !prepared.dayIndex.has(duty.date) || !prepared.shiftIndex.has(duty.shift) || !posts.has(duty.post)) continue;
    const duties = byPerson.get(duty.staff) ?? new Set<string>();
    duties.add(`${duty.date}|${duty.shift}|${duty.post}`);
    byPerson.set(duty.staff, duties);
  }
  return byPerson;
}

/** Soft goal 8: this person's duties not in the baseline plus the baseline's duties not kept. */
function changedDuties(context: SoftContext, person: PreparedPerson, items: Placed[]): number {
  if (context.baseline === null) return 0;
  const before = context.baseline.get(person.id) ?? new Set<string>();
  const now = new Set(items.map(({ assignment: a }) => `${a.date}|${a.shift}|${a.post}`));
  let changed = 0;
  for (const duty of now) if (!before.has(duty)) changed += 1;
  for (const duty of before) if (!now.has(duty)) changed += 1;
  return changed;
}

export function softTotals(prepared: PreparedScenario, placed: Placed[]): SoftTotals {
  const context = softContext(prepared);
  const byPerson = groupBy(placed, (item) => item.person.id);
  const byDuty = groupBy(placed, (item) => dutyKey(item.day.index, item.shift.id));
  const duties = new Set([...byDuty.keys(), ...context.linesByDuty.keys()]);
  const tally = addTallies([
    ...prepared.people.map((person) => personTally(context, person, byPerson.get(person.id) ?? [])),
    ...[...duties].map((duty) => dutyTally(context, duty, byDuty.get(duty) ?? [])),
  ]);
  return totalsOf(tally, prepared.weights);
}

/** Each soft goal's weighted penalty, unrounded. */
export function penaltiesOf(tally: SoftTally, weights: Weights): Record<keyof Weights, number> {
  return {
    unmet: tally.unmetPenalty,
    over: tally.overPenalty,
    backup: weights.backup * tally.slotsWithoutBackup,
    cost: (weights.cost * tally.yuan) / 100,
    fairness: weights.fairness * tally.fairnessUnits,
    continuity: weights.continuity * tally.offHome,
    requests: tally.requestsPenalty,
    changes: weights.changes * tally.changed,
    seat: weights.seat * tally.offSeat,
    crossZone: weights.crossZone * tally.crossZone,
  };
}

function totalsOf(tally: SoftTally, weights: Weights): SoftTotals {
  const penalties = penaltiesOf(tally, weights);
  return {
    unmetStaffShifts: tally.unmet,
    overStaffShifts: tally.over,
    slotsWithDemand: tally.slotsWithDemand,
    slotsWithoutBackup: tally.slotsWithoutBackup,
    resilienceShare: tally.slotsWithDemand === 0 ? 1 : 1 - tally.slotsWithoutBackup / tally.slotsWithDemand,
    cost: round(tally.yuan),
    requestsBroken: tally.requestsBroken,
    offHomeAssignments: tally.offHome,
    changedAssignments: tally.changed,
    offSeatShifts: tally.offSeat,
    crossZoneDuties: tally.crossZone,
    penalties: { ...mapValues(penalties, round), total: round(sum(Object.values(penalties))) },
  };
}

export function addTallies(tallies: SoftTally[]): SoftTally {
  const total = { ...EMPTY_TALLY };
  for (const tally of tallies) for (const key of Object.keys(total) as (keyof SoftTally)[]) total[key] += tally[key];
  return total;
}

/** Soft goals 4–8 for one person: labour cost, fairness, continuity, requests, changes. */
export function personTally(context: SoftContext, person: PreparedPerson, items: Placed[]): SoftTally {
  const requests = brokenRequests(context, person, items);
  return {
    ...EMPTY_TALLY,
    yuan: labourCost(context, person, items),
    fairnessUnits: sum(context.fairness.map(({ category, meanHistory, fair }) => escalating(unitsOf(category, items), category.history(person) - meanHistory - fair))),
    // Soft goal 6: non-learner assignments away from the person's A/B posts; none without any.
    offHome: items.filter((item) => item.assignment.learner !== true && person.homePosts.size > 0 && !person.homePosts.has(item.assignment.post)).length,
    requestsBroken: requests.broken,
    requestsPenalty: requests.penalty,
    changed: changedDuties(context, person, items),
    offSeat: offSeatShifts(context, person, items),
    crossZone: crossZoneDuties(context, person, items),
  };
}

/** Soft goal 9: shifts this person, A of a window, works while it opens, not seated at it. */
function offSeatShifts(context: SoftContext, person: PreparedPerson, items: Placed[]): number {
  const hall = context.hall;
  if (!hall) return 0;
  let count = 0;
  for (const window of hall.windowById.values()) {
    if (window.a !== person.id) continue;
    for (const item of items) {
      const opening = hall.opening.get(`${item.day.date}|${item.shift.id}|${window.post}`);
      if (!opening || (!opening.fixed.includes(window) && !opening.demand.includes(window))) continue;
      if (item.assignment.window !== window.id || item.assignment.learner === true) count += 1;
    }
  }
  return count;
}

/** Soft goal 10: counted duties at a post of another zone than the person's home zone. */
function crossZoneDuties(context: SoftContext, person: PreparedPerson, items: Placed[]): number {
  const home = person.def.zone;
  if (!context.hall || home === undefined) return 0;
  return items.filter((item) => {
    const zone = context.hall?.zoneOfPost.get(item.assignment.post);
    return item.assignment.learner !== true && zone !== undefined && zone !== home;
  }).length;
}

/** Soft goals 1–3 for one duty: staff-shifts short of and above demand, and backup (N-1). */
export function dutyTally(context: SoftContext, duty: string, items: Placed[]): SoftTally {
  const { weights } = context.prepared;
  const tally = { ...EMPTY_TALLY };
  // Learners never count toward demand.
  const filled = new Map<string, number>();
  for (const item of items) if (item.assignment.learner !== true) filled.set(item.assignment.post, (filled.get(item.assignment.post) ?? 0) + 1);
  const lines = context.linesByDuty.get(duty) ?? [];
  const qualifiedElsewhere = qualifiedAtOtherPosts(items);
  for (const line of lines) {
    const count = filled.get(line.post) ?? 0;
    const short = Math.max(0, line.required - count);
    const above = Math.max(0, count - line.required);
    tally.unmet += short;
    tally.unmetPenalty += (line.underWeight ?? weights.unmet) * short;
    tally.over += above;
    tally.overPenalty += (line.overWeight ?? weights.over) * above;
    if (line.required > 0) {
      tally.slotsWithDemand += 1;
      const spare = count >= line.required + 1;
      if (!spare && (qualifiedElsewhere.get(line.post) ?? 0) === 0) tally.slotsWithoutBackup += 1;
    }
  }
  // A slot with no demand line has required 0 and the default over weight.
  const withLine = new Set(lines.map((line) => line.post));
  for (const [post, count] of filled) {
    if (withLine.has(post)) continue;
    tally.over += count;
    tally.overPenalty += weights.over * count;
  }
  return tally;
}

/**
 * Post → how many people on this duty sit at another post but are qualified (level ≥ 2) at it:
 * the backups (N-1) a slot has besides a spare of its own.
 */
function qualifiedAtOtherPosts(dutyItems: Placed[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of dutyItems) {
    for (const [post, level] of Object.entries(item.person.def.skills)) {
      if (level >= QUALIFIED && post !== item.assignment.post) counts.set(post, (counts.get(post) ?? 0) + 1);
    }
  }
  return counts;
}

/** Soft goal 4: yuan at 100/200/300% by day kind, plus the 150% tier above the weekly standard. */
function labourCost(context: SoftContext, person: PreparedPerson, items: Placed[]): number {
  let yuan = 0;
  const workdayMinutes = new Map<number, number>();
  for (const item of items) {
    yuan += (item.shift.minutes / 60) * person.hourlyWage * dayTier(item.day.kind, isComprehensive(person) ? 'comprehensive' : 'standard');
    if (item.day.kind === 'workday') workdayMinutes.set(item.day.week, (workdayMinutes.get(item.day.week) ?? 0) + item.shift.minutes);
  }
  for (const [week, minutes] of workdayMinutes) {
    const standard = (context.prepared.rules.standardHoursPerWeek * (context.weekScales[week] ?? 1) * (context.daysInWeek.get(week) ?? 7)) / 7;
    yuan += (PAY_TIERS.extension - PAY_TIERS.regular) * person.hourlyWage * Math.max(0, minutes / 60 - standard);
  }
  // Rule 14: a rest-day minute given back in lieu is paid at 100%, not 200% (150% under 综合计算工时).
  const restDayTier = dayTier('restday', isComprehensive(person) ? 'comprehensive' : 'standard');
  if (context.hall?.defaultShifts) yuan -= sum(lieuOf(context.prepared, context.hall, person, items).taken.map((gap) => (gap.minutes / 60) * person.hourlyWage * (restDayTier - LIEU_TIER)));
  return yuan;
}

/** Soft goal 7: this person's requests not granted, counted and weighted. */
function brokenRequests(context: SoftContext, person: PreparedPerson, items: Placed[]): { broken: number; penalty: number } {
  const duties = new Set(items.map((item) => `${item.day.date}|${item.shift.id}`));
  const days = new Set(items.map((item) => item.day.date));
  let broken = 0;
  let penalty = 0;
  for (const request of context.requestsByPerson.get(person.id) ?? []) {
    const has = request.shift === undefined ? days.has(request.date) : duties.has(`${request.date}|${request.shift}`);
    if (has === (request.kind === 'on')) continue;
    broken += 1;
    penalty += request.weight ?? context.prepared.weights.requests;
  }
  return { broken, penalty };
}

// ---- Soft goal 5: fairness ---------------------------------------------------------------------

interface FairnessCategory {
  /** Units one shift on this day earns. */
  units(day: PreparedDay, shift: PreparedShift): number;
  history(person: PreparedPerson): number;
}

const MINUTES_PER_HOURS_UNIT = 8 * 60;

const FAIRNESS_CATEGORIES: FairnessCategory[] = [
  { units: (day) => (day.weekday >= 6 ? 1 : 0), history: (person) => person.def.history?.weekendShifts ?? 0 },
  { units: (day) => (day.kind === 'holiday' ? 1 : 0), history: (person) => person.def.history?.holidayShifts ?? 0 },
  { units: (_day, shift) => (shift.def.late === true ? 1 : 0), history: (person) => person.def.history?.lateShifts ?? 0 },
  { units: (_day, shift) => shift.minutes / MINUTES_PER_HOURS_UNIT, history: (person) => (person.def.history?.hours ?? 0) / 8 },
];

function unitsOf(category: FairnessCategory, items: Placed[]): number {
  return sum(items.map((item) => category.units(item.day, item.shift)));
}

/** Σ demand-line required × units of the line's day and shift. */
function fairShare(prepared: PreparedScenario, lines: DemandLine[], category: FairnessCategory): number {
  return sum(
    lines.map((line) => {
      const day = prepared.days[prepared.dayIndex.get(line.date) ?? -1];
      const shift = prepared.shifts[prepared.shiftIndex.get(line.shift) ?? -1];
      return day && shift ? line.required * category.units(day, shift) : 0;
    }),
  );
}

/** F(n; b) = Σ_{k=1..⌊n⌋} max(0, b + k) + (n − ⌊n⌋) × max(0, b + ⌊n⌋ + 1). */
export function escalating(n: number, b: number): number {
  // Units summed from shift minutes can land a hair under a whole number.
  const whole = Math.floor(n + 1e-9);
  const fraction = Math.max(0, n - whole);
  let total = 0;
  for (let k = 1; k <= whole; k += 1) total += Math.max(0, b + k);
  return total + fraction * Math.max(0, b + whole + 1);
}

// ---- Small helpers -------------------------------------------------------------------------------

export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number): number {
  return Math.round(value * PENALTY_PRECISION) / PENALTY_PRECISION;
}

function mapValues<K extends string>(record: Record<K, number>, map: (value: number) => number): Record<K, number> {
  return Object.fromEntries(Object.entries<number>(record).map(([key, value]) => [key, map(value)])) as Record<K, number>;
}
