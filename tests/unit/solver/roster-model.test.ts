import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import type { Engine } from '../../../solver/lp/types.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { solveRoster } from '../../../solver/roster/solve.ts';
import type { Assignment, Roster, Scenario, ShiftDef, StaffDef, Weights } from '../../../solver/roster/types.ts';

/**
 * Every hard rule and soft goal of docs/roster-rules.md on a scenario small enough to see the
 * answer by hand. Each is solved by both engines, which must agree on the optimum, and the
 * independent checker must find no breach and the same total as the optimiser's objective.
 */

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

const MONDAY = '2024-01-01';
const AM: ShiftDef = { id: 'AM', start: '09:00', end: '13:00' };
const PM: ShiftDef = { id: 'PM', start: '14:00', end: '18:00' };
/**
 * Only unmet demand, requests and a little cost count unless a test turns a goal on; the cost keeps
 * people at home where nothing needs them (a 4-hour shift at the default wage costs 1).
 */
const QUIET: Weights = { unmet: 1000, over: 0, backup: 0, cost: 1, fairness: 0, continuity: 0, requests: 20, changes: 0, seat: 0, crossZone: 0 };
const SHIFT_COST = (4 * 25) / 100;

function scenario(parts: Partial<Scenario> & { staff: StaffDef[] }): Scenario {
  return {
    start: MONDAY,
    days: 1,
    shifts: [AM],
    posts: [
      { id: 'A', name: 'A' },
      { id: 'B', name: 'B' },
    ],
    demand: [],
    ...parts,
    weights: { ...QUIET, ...parts.weights },
  };
}

function person(id: string, skills: StaffDef['skills'], extra: Partial<StaffDef> = {}): StaffDef {
  return { id, name: id, skills, ...extra };
}

function date(day: number): string {
  return new Date(Date.parse(`${MONDAY}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

/** One line per day of demand at `post` for `shift`, `required` each. */
function daily(days: number[], required = 1, post = 'A', shift = 'AM'): Scenario['demand'] {
  return days.map((day) => ({ date: date(day), shift, post, required }));
}

/** Solves with both engines: same optimum, no breach, the checker's total equals the objective. */
function solveBoth(input: Scenario): Roster {
  const rosters = (['javascript-lp-solver', 'highs'] as const).map((engine) => solveRoster(input, { highs, engine }));
  const [fromJs, fromHighs] = rosters as [Roster, Roster];
  expect(fromHighs.stats.objective).toBeCloseTo(fromJs.stats.objective, 6);
  for (const roster of rosters) {
    const report = checkRoster(input, roster.assignments);
    expect(report.breaches).toEqual([]);
    expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
    expect(roster.stats.status).toBe('optimal');
  }
  return fromHighs;
}

function soft(input: Scenario, roster: Roster) {
  return checkRoster(input, roster.assignments).soft;
}

function of(roster: Roster, staff: string): Assignment[] {
  return roster.assignments.filter((assignment) => assignment.staff === staff);
}

function workedDays(roster: Roster, staff: string, days: number): boolean[] {
  const dates = new Set(of(roster, staff).map((assignment) => assignment.date));
  return Array.from({ length: days }, (_, day) => dates.has(date(day)));
}

function longestRun(worked: boolean[], value = true): number {
  let longest = 0;
  let run = 0;
  for (const day of worked) {
    run = day === value ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

describe('hard rules', () => {
  it('fills a post only with people qualified there (level ≥ 2)', () => {
    const input = scenario({
      staff: [person('elsewhere', { B: 2 }), person('learner', { A: 1 }), person('none', {}), person('qualified', { A: 2 })],
      demand: daily([0], 2),
    });
    const roster = solveBoth(input);
    expect(roster.assignments).toEqual([{ staff: 'qualified', date: MONDAY, shift: 'AM', post: 'A' }]);
    expect(soft(input, roster).unmetStaffShifts).toBe(1);
  });

  it('places a learner only beside a mentor of the post, and never counts them toward demand', () => {
    const wantsToLearn = [{ staff: 'learner', date: MONDAY, shift: 'AM', kind: 'on' as const }];
    const withMentor = scenario({ staff: [person('mentor', { A: 3 }), person('learner', { A: 1 })], demand: daily([0], 2), requests: wantsToLearn });
    const roster = solveBoth(withMentor);
    expect(of(roster, 'learner')).toEqual([{ staff: 'learner', date: MONDAY, shift: 'AM', post: 'A', learner: true }]);
    expect(soft(withMentor, roster).unmetStaffShifts).toBe(1);

    const mentorAway = scenario({
      staff: [person('mentor', { A: 3 }, { unavailable: [{ date: MONDAY }] }), person('learner', { A: 1 }), person('qualified', { A: 2 })],
      demand: daily([0], 1),
      requests: wantsToLearn,
    });
    const alone = solveBoth(mentorAway);
    expect(of(alone, 'learner')).toEqual([]);
    expect(soft(mentorAway, alone).requestsBroken).toBe(1);
  });

  it('gives a person one post per shift', () => {
    const input = scenario({ staff: [person('both', { A: 2, B: 2 })], demand: [...daily([0], 1, 'A'), ...daily([0], 1, 'B')] });
    const roster = solveBoth(input);
    expect(roster.assignments).toHaveLength(1);
    expect(soft(input, roster).unmetStaffShifts).toBe(1);
  });

  it('never gives a person two shifts that overlap in time', () => {
    const midday: ShiftDef = { id: 'MID', start: '12:00', end: '16:00' };
    const input = scenario({ shifts: [AM, midday], staff: [person('p', { A: 2 })], demand: [...daily([0], 1, 'A', 'AM'), ...daily([0], 1, 'A', 'MID')] });
    expect(solveBoth(input).assignments).toHaveLength(1);
  });

  it('keeps maxShiftsPerDay, and allows two shifts a day that do not overlap otherwise', () => {
    const demand = [...daily([0], 1, 'A', 'AM'), ...daily([0], 1, 'A', 'PM')];
    const twoShifts = scenario({ shifts: [AM, PM], staff: [person('p', { A: 2 })], demand });
    expect(solveBoth(twoShifts).assignments).toHaveLength(2);
    const oneShift = scenario({ shifts: [AM, PM], staff: [person('p', { A: 2 })], demand, rules: { maxShiftsPerDay: 1 } });
    expect(solveBoth(oneShift).assignments).toHaveLength(1);
  });

  it('keeps leave, unavailable shifts and fixed days off', () => {
    const input = scenario({
      days: 2,
      shifts: [AM, PM],
      staff: [
        person('onLeave', { A: 2 }, { unavailable: [{ date: date(0), reason: '年假' }] }),
        person('training', { A: 2 }, { unavailable: [{ date: date(0), shift: 'PM', reason: '培训' }] }),
        person('tuesdaysOff', { A: 2 }, { fixedWeekdaysOff: [2] }),
      ],
      demand: [...daily([0, 1], 3, 'A', 'AM'), ...daily([0, 1], 3, 'A', 'PM')],
    });
    const roster = solveBoth(input);
    expect(of(roster, 'onLeave').some((a) => a.date === date(0))).toBe(false);
    expect(of(roster, 'training').some((a) => a.date === date(0) && a.shift === 'PM')).toBe(false);
    expect(of(roster, 'tuesdaysOff').some((a) => a.date === date(1))).toBe(false);
    // Wanted 12; onLeave can give 2, training 3, tuesdaysOff 2.
    expect(soft(input, roster).unmetStaffShifts).toBe(12 - 7);
  });

  it('keeps pinned assignments even where they cost more', () => {
    const input = scenario({
      staff: [person('p', { A: 2, B: 2 }), person('q', { A: 2 })],
      demand: daily([0], 1, 'A'),
      pinned: [{ staff: 'p', date: MONDAY, shift: 'AM', post: 'B' }],
    });
    const roster = solveBoth(input);
    expect(of(roster, 'p')).toEqual([{ staff: 'p', date: MONDAY, shift: 'AM', post: 'B' }]);
    expect(of(roster, 'q')).toHaveLength(1);
  });

  it('keeps the weekly limits on shifts and hours', () => {
    const byShifts = scenario({ days: 7, staff: [person('p', { A: 2 }, { maxShiftsPerWeek: 3 })], demand: daily([0, 1, 2, 3, 4, 5, 6]) });
    expect(solveBoth(byShifts).assignments).toHaveLength(3);
    const byHours = scenario({ days: 7, staff: [person('p', { A: 2 }, { maxHoursPerWeek: 8 })], demand: daily([0, 1, 2, 3, 4, 5, 6]) });
    expect(solveBoth(byHours).assignments).toHaveLength(2);
  });

  it('keeps the horizon limits: shifts of a type, and the least and most minutes', () => {
    const byType = scenario({ days: 3, shifts: [AM, PM], staff: [person('p', { A: 2 }, { maxShiftsByType: { PM: 1 } })], demand: [...daily([0, 1, 2], 1, 'A', 'AM'), ...daily([0, 1, 2], 1, 'A', 'PM')] });
    const typed = solveBoth(byType);
    expect(typed.assignments.filter((a) => a.shift === 'PM')).toHaveLength(1);
    expect(typed.assignments.filter((a) => a.shift === 'AM')).toHaveLength(3);

    const least = scenario({ days: 3, staff: [person('p', { A: 2 }, { minMinutesTotal: 480 })] });
    expect(solveBoth(least).assignments).toHaveLength(2);
    const most = scenario({ days: 3, staff: [person('p', { A: 2 }, { maxMinutesTotal: 500 })], demand: daily([0, 1, 2]) });
    expect(solveBoth(most).assignments).toHaveLength(2);
  });

  it('keeps the maximum of consecutive days, counting the days worked just before the start', () => {
    const days = 10;
    const fresh = scenario({ days, staff: [person('p', { A: 2 }, { maxConsecutiveDays: 3 })], demand: daily([...Array(days).keys()]) });
    const rested = solveBoth(fresh);
    expect(longestRun(workedDays(rested, 'p', days))).toBe(3);
    expect(rested.assignments).toHaveLength(8);

    // Two days worked before the start leave one more before a day off.
    const tired = scenario({ days: 4, staff: [person('p', { A: 2 }, { maxConsecutiveDays: 3, daysWorkedBefore: 2 })], demand: daily([0, 1, 2, 3]) });
    const worked = workedDays(solveBoth(tired), 'p', 4);
    expect(worked.filter(Boolean)).toHaveLength(3);
    expect(worked[0] && worked[1]).toBe(false);
  });

  it('keeps a rest day in every seven when the rule is on, whatever the personal maximum', () => {
    const input = scenario({ days: 8, staff: [person('p', { A: 2 }, { maxConsecutiveDays: 10 })], demand: daily([...Array(8).keys()]) });
    const roster = solveBoth(input);
    expect(roster.assignments).toHaveLength(7);
    expect(longestRun(workedDays(roster, 'p', 8))).toBeLessThanOrEqual(6);
    const off = scenario({ days: 8, staff: [person('p', { A: 2 }, { maxConsecutiveDays: 10 })], demand: daily([...Array(8).keys()]), rules: { restDayInSeven: false } });
    expect(longestRun(workedDays(solveBoth(off), 'p', 8))).toBe(8);
  });

  it('keeps minimum blocks of work and of rest that start inside the horizon', () => {
    // One shift wanted on Thursday: a block of at least 3 days around it, the cheapest 3.
    const block = scenario({ days: 7, staff: [person('p', { A: 2 }, { minConsecutiveDays: 3 })], demand: daily([3]) });
    const worked = workedDays(solveBoth(block), 'p', 7);
    expect(worked.filter(Boolean)).toHaveLength(3);
    expect(worked[3]).toBe(true);
    expect(longestRun(worked)).toBe(3);

    // Two days on, then a day off is too short a rest: two days off, so one wanted day goes unstaffed.
    const rest = scenario({ days: 5, staff: [person('p', { A: 2 }, { maxConsecutiveDays: 2, minConsecutiveDaysOff: 2 })], demand: daily([0, 1, 3, 4]) });
    expect(solveBoth(rest).assignments).toHaveLength(3);
    const shortRest = scenario({ days: 5, staff: [person('p', { A: 2 }, { maxConsecutiveDays: 2 })], demand: daily([0, 1, 3, 4]) });
    expect(solveBoth(shortRest).assignments).toHaveLength(4);
  });

  it('exempts runs that start on the first day or end on the last from the minimum', () => {
    const input = scenario({ days: 5, staff: [person('p', { A: 2 }, { minConsecutiveDays: 3 })], demand: daily([0, 4]) });
    expect(workedDays(solveBoth(input), 'p', 5)).toEqual([true, false, false, false, true]);
  });

  it('keeps the rest between shifts of consecutive days and the forbidden sequences', () => {
    const late: ShiftDef = { id: 'LATE', start: '16:00', end: '00:00' };
    const early: ShiftDef = { id: 'EARLY', start: '06:00', end: '14:00' };
    const demand = [...daily([0], 1, 'A', 'LATE'), ...daily([1], 1, 'A', 'EARLY')];
    const tooClose = scenario({ days: 2, shifts: [late, early], staff: [person('p', { A: 2 })], demand });
    expect(solveBoth(tooClose).assignments).toHaveLength(1);
    const allowed = scenario({ days: 2, shifts: [late, early], staff: [person('p', { A: 2 })], demand, rules: { minRestMinutes: 6 * 60 } });
    expect(solveBoth(allowed).assignments).toHaveLength(2);
    const forbidden = scenario({ days: 2, shifts: [late, early], staff: [person('p', { A: 2 })], demand, rules: { minRestMinutes: 0, forbiddenSequences: [{ first: 'LATE', then: 'EARLY' }] } });
    expect(solveBoth(forbidden).assignments).toHaveLength(1);
  });

  it('keeps the most weekends a person works', () => {
    // Two weekends (Saturday and Sunday of each week) wanted; one person may work one of them.
    const input = scenario({ days: 14, staff: [person('p', { A: 2 }, { maxWeekends: 1 })], demand: daily([5, 6, 12, 13]) });
    const roster = solveBoth(input);
    expect(roster.assignments).toHaveLength(2);
    const weekendsWorked = new Set(roster.assignments.map((a) => (a.date <= date(6) ? 1 : 2)));
    expect(weekendsWorked.size).toBe(1);
  });

  it('keeps the weekend limit inside the tight formulation used for minimum blocks too', () => {
    const input = scenario({ days: 14, staff: [person('p', { A: 2 }, { maxWeekends: 1, minConsecutiveDays: 2 })], demand: daily([5, 6, 12, 13]) });
    const roster = solveBoth(input);
    expect(roster.assignments).toHaveLength(2);
    expect(soft(input, roster).unmetStaffShifts).toBe(2);
  });

  it('keeps the weekend limit on a long horizon, where weekends leave the network for rows of their own', () => {
    // 20 weeks and at most 10 weekends: 11 layers × 140 days is past what the network carries.
    const days = 140;
    const weekendDays = [...Array(days).keys()].filter((day) => day % 7 >= 5);
    const input = scenario({ days, staff: [person('p', { A: 2 }, { maxWeekends: 10, minConsecutiveDays: 2 })], demand: daily(weekendDays) });
    const roster = solveRoster(input, { highs, engine: 'highs' });
    const report = checkRoster(input, roster.assignments);
    expect(report.breaches).toEqual([]);
    expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
    expect(report.soft.unmetStaffShifts).toBe(weekendDays.length - 20);
  });
});

describe('soft goals', () => {
  it('leaves demand unmet only when nobody can fill it', () => {
    const input = scenario({ staff: [person('p', { A: 2 }), person('q', { A: 2 })], demand: daily([0], 3) });
    const roster = solveBoth(input);
    expect(roster.assignments).toHaveLength(2);
    expect(roster.stats.objective).toBeCloseTo(1000 + 2 * SHIFT_COST, 6);
  });

  it('charges staff above demand by the line\'s over weight, or the default where no line is', () => {
    // Both must work: q at A would be over demand (weight 5), at B (no line) only the default 1.
    const input = scenario({
      staff: [person('p', { A: 2 }, { minMinutesTotal: 60 }), person('q', { A: 2, B: 2 }, { minMinutesTotal: 60 })],
      demand: [{ date: MONDAY, shift: 'AM', post: 'A', required: 1, overWeight: 5 }],
      weights: { over: 1 },
    });
    const roster = solveBoth(input);
    expect(of(roster, 'q')).toEqual([{ staff: 'q', date: MONDAY, shift: 'AM', post: 'B' }]);
    expect(roster.stats.objective).toBeCloseTo(1 + 2 * SHIFT_COST, 6);
  });

  it('puts someone else on duty who could take over each open post (N-1) when backup is weighted', () => {
    const staff = [person('a', { A: 2 }), person('b', { B: 2 }), person('ab', { A: 2, B: 2 })];
    const demand = [...daily([0], 1, 'A'), ...daily([0], 1, 'B')];
    const without = scenario({ staff, demand });
    expect(solveBoth(without).assignments).toHaveLength(2);
    const withBackup = scenario({ staff, demand, weights: { backup: 100 } });
    const roster = solveBoth(withBackup);
    expect(roster.assignments).toHaveLength(3);
    expect(soft(withBackup, roster).resilienceShare).toBe(1);
  });

  it('prices backup exactly also when a missing staff-shift costs less than a missing backup', () => {
    // With unmet (50) below backup (100) the model needs its binary form of "one more than required".
    const staff = [person('a', { A: 2 }), person('a2', { A: 2 }), person('b', { B: 2 })];
    const input = scenario({ staff, demand: [...daily([0], 1, 'A'), ...daily([0], 2, 'B')], weights: { unmet: 50, backup: 100, cost: 1 } });
    const roster = solveBoth(input);
    expect(of(roster, 'a2')).toHaveLength(1);
  });

  it('prefers the cheaper of two equally able people, with day rates and weekly overtime priced', () => {
    const cheap = scenario({ staff: [person('dear', { A: 2 }, { hourlyWage: 30 }), person('cheap', { A: 2 }, { hourlyWage: 20 })], demand: daily([0]) });
    expect(solveBoth(cheap).assignments.map((a) => a.staff)).toEqual(['cheap']);

    // Six 8-hour workdays for one person: 8 hours over 40 at 150%, a Saturday at 200%, a holiday at 300%.
    const long: ShiftDef = { id: 'AM', start: '08:00', end: '16:00' };
    const input = scenario({
      days: 7,
      shifts: [long],
      staff: [person('p', { A: 2 }, { hourlyWage: 20 })],
      demand: daily([0, 1, 2, 3, 4, 5, 6]),
      calendar: [{ date: date(2), kind: 'holiday' }, { date: date(6), kind: 'workday' }],
    });
    const roster = solveBoth(input);
    expect(roster.assignments).toHaveLength(6);
    expect(soft(input, roster).cost).toBeGreaterThan(0);
  });

  it('spreads duties evenly and gives the weekend to whoever carried fewer in the last 3 months', () => {
    // Whole 8-hour units: one each is fair, both to one person is a unit above a fair share.
    const day: ShiftDef = { id: 'AM', start: '09:00', end: '17:00' };
    const even = scenario({ days: 2, shifts: [day], staff: [person('p', { A: 2 }), person('q', { A: 2 })], demand: daily([0, 1]), weights: { fairness: 5 } });
    const roster = solveBoth(even);
    expect(of(roster, 'p')).toHaveLength(1);
    expect(of(roster, 'q')).toHaveLength(1);

    const saturday = scenario({
      days: 6,
      staff: [person('tired', { A: 2 }, { history: { weekendShifts: 8 } }), person('fresh', { A: 2 }, { history: { weekendShifts: 1 } })],
      demand: daily([5]),
      weights: { fairness: 5 },
    });
    expect(solveBoth(saturday).assignments.map((a) => a.staff)).toEqual(['fresh']);
  });

  it('keeps people at their A/B windows when it costs nothing else', () => {
    const input = scenario({
      staff: [person('p', { A: 2, B: 2 }, { homePosts: ['B'] }), person('q', { A: 2, B: 2 }, { homePosts: ['A'] })],
      demand: [...daily([0], 1, 'A'), ...daily([0], 1, 'B')],
      weights: { continuity: 2 },
    });
    const roster = solveBoth(input);
    expect(of(roster, 'p')[0]?.post).toBe('B');
    expect(of(roster, 'q')[0]?.post).toBe('A');
  });

  it('grants requests for a shift or a day, on and off, when nothing weighs more', () => {
    const staff = [person('p', { A: 2 }), person('q', { A: 2 })];
    const on = scenario({ staff, demand: daily([0]), requests: [{ staff: 'q', date: MONDAY, shift: 'AM', kind: 'on' }] });
    expect(solveBoth(on).assignments.map((a) => a.staff)).toEqual(['q']);
    const off = scenario({ staff, demand: daily([0]), requests: [{ staff: 'p', date: MONDAY, kind: 'off' }] });
    expect(solveBoth(off).assignments.map((a) => a.staff)).toEqual(['q']);
    const dayOn = scenario({ shifts: [AM, PM], staff, demand: daily([0], 1, 'A', 'PM'), requests: [{ staff: 'p', date: MONDAY, kind: 'on', weight: 3 }] });
    expect(solveBoth(dayOn).assignments.map((a) => a.staff)).toEqual(['p']);
    const shiftOff = scenario({ staff, demand: daily([0], 2), requests: [{ staff: 'p', date: MONDAY, shift: 'AM', kind: 'off', weight: 7 }] });
    const kept = solveBoth(shiftOff);
    expect(kept.assignments).toHaveLength(2);
    expect(kept.stats.objective).toBeCloseTo(7 + 2 * SHIFT_COST, 6);
  });

  it('balances every goal at once the same way in both engines', () => {
    const input = scenario({
      days: 7,
      shifts: [AM, { ...PM, late: true }],
      staff: [
        person('m', { A: 3, B: 2 }, { homePosts: ['A'], hourlyWage: 28, history: { hours: 400, weekendShifts: 3, lateShifts: 4 } }),
        person('n', { A: 2 }, { homePosts: ['A'], maxShiftsPerWeek: 5, history: { hours: 380 } }),
        person('o', { B: 2, A: 1 }, { homePosts: ['B'], hourlyWage: 22, minConsecutiveDays: 2 }),
        person('r', { B: 3 }, { maxWeekends: 0, unavailable: [{ date: date(2) }] }),
      ],
      demand: [...daily([0, 1, 2, 3, 4, 5], 1, 'A', 'AM'), ...daily([0, 2, 4], 1, 'B', 'PM'), ...daily([1, 3], 1, 'A', 'PM')],
      requests: [
        { staff: 'o', date: date(3), kind: 'off' },
        { staff: 'm', date: date(5), shift: 'AM', kind: 'on', weight: 4 },
      ],
      calendar: [{ date: date(4), kind: 'holiday' }],
      weights: { over: 1, backup: 100, cost: 1, fairness: 5, continuity: 2 },
    });
    solveBoth(input);
  });
});
