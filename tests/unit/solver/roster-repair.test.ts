import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import type { Engine } from '../../../solver/lp/types.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { mergeKept, reoptimiseScenario, repairScenario, revertBreakingMoves, rosterMoves } from '../../../solver/roster/repair.ts';
import { validateScenario } from '../../../solver/roster/scenario.ts';
import { solveRoster } from '../../../solver/roster/solve.ts';
import type { Assignment, Scenario, StaffDef } from '../../../solver/roster/types.ts';

/**
 * The stability term (soft goal 8, changes against a baseline) and the repair / re-optimise
 * scenarios built on it, on halls small enough to see the answer by hand.
 */

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

const MONDAY = '2026-11-23';
const QUIET = { unmet: 1000, over: 0, backup: 0, cost: 1, fairness: 0, continuity: 0, requests: 20 };

function date(day: number): string {
  return new Date(Date.parse(`${MONDAY}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

function person(id: string, skills: StaffDef['skills'], extra: Partial<StaffDef> = {}): StaffDef {
  return { id, name: id, skills, ...extra };
}

/** Three days, AM and PM, posts A and B; one person a shift at each post each day. */
function hall(extra: Partial<Scenario> = {}): Scenario {
  const demand = [0, 1, 2].flatMap((day) => ['AM', 'PM'].flatMap((shift) => ['A', 'B'].map((post) => ({ date: date(day), shift, post, required: 1 }))));
  return {
    start: MONDAY,
    days: 3,
    shifts: [
      { id: 'AM', start: '09:00', end: '12:00' },
      { id: 'PM', start: '13:00', end: '17:00' },
    ],
    posts: [
      { id: 'A', name: 'A' },
      { id: 'B', name: 'B' },
    ],
    staff: [
      person('p1', { A: 2, B: 2 }, { homePosts: ['A'] }),
      person('p2', { A: 2, B: 2 }, { homePosts: ['B'] }),
      person('p3', { A: 2 }, { homePosts: ['A'] }),
      person('p4', { B: 2 }, { homePosts: ['B'] }),
      person('p5', { A: 2, B: 2 }),
    ],
    demand,
    weights: { ...QUIET },
    ...extra,
  };
}

function solve(input: Scenario): Assignment[] {
  const valid = validateScenario(input);
  if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
  return solveRoster(valid.scenario, { highs, engine: 'auto' }).assignments;
}

function key(duty: Assignment): string {
  return `${duty.staff}|${duty.date}|${duty.shift}|${duty.post}`;
}

function onDay(assignments: Assignment[], day: string): string[] {
  return assignments.filter((duty) => duty.date === day).map(key).sort();
}

function cover(assignments: Assignment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const duty of assignments) if (duty.learner !== true) counts.set(`${duty.date}|${duty.shift}|${duty.post}`, (counts.get(`${duty.date}|${duty.shift}|${duty.post}`) ?? 0) + 1);
  return counts;
}

describe('the stability term (changes against a baseline)', () => {
  it('counts each duty added or dropped once and a move between posts twice, and prices them by weights.changes', () => {
    const input = hall({ days: 1, demand: [], weights: { ...QUIET, changes: 30 }, baseline: [{ staff: 'p1', date: MONDAY, shift: 'AM', post: 'A' }, { staff: 'p2', date: MONDAY, shift: 'AM', post: 'B' }] });
    const moved = checkRoster(input, [{ staff: 'p1', date: MONDAY, shift: 'AM', post: 'B' }, { staff: 'p2', date: MONDAY, shift: 'AM', post: 'B' }, { staff: 'p3', date: MONDAY, shift: 'PM', post: 'A' }]).soft;
    expect(moved.changedAssignments).toBe(3);
    expect(moved.penalties.changes).toBe(90);
    expect(checkRoster({ ...input, baseline: undefined }, []).soft.changedAssignments).toBe(0);
  });

  it('keeps the optimiser\'s objective equal to the checker\'s total with a baseline, in both engines', () => {
    const input = hall({ days: 1, demand: hall().demand.filter((line) => line.date === MONDAY), weights: { ...QUIET, continuity: 2, backup: 100, changes: 30 }, baseline: [{ staff: 'p5', date: MONDAY, shift: 'AM', post: 'A' }, { staff: 'p3', date: MONDAY, shift: 'PM', post: 'B' }] });
    for (const engine of ['javascript-lp-solver', 'highs'] as const) {
      const roster = solveRoster(input, { highs, engine });
      const report = checkRoster(input, roster.assignments);
      expect(report.breaches).toEqual([]);
      expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
      // p3 is not qualified at B: that baseline duty is always a change; p5's is kept.
      expect(roster.assignments.map(key)).toContain(`p5|${MONDAY}|AM|A`);
    }
  });

  it('refuses a baseline naming an unknown person, post, shift or a date outside the horizon', () => {
    const result = validateScenario(hall({ baseline: [{ staff: 'zz', date: '2027-01-01', shift: 'NIGHT', post: 'Q' }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path).sort()).toEqual(['baseline[0].date', 'baseline[0].post', 'baseline[0].shift', 'baseline[0].staff']);
  });
});

describe('same-day repair', () => {
  it('covers the demand met before a sick day, changes no other day, and moves fewer people than re-solving the day', () => {
    const base = hall();
    const roster = solve(base);
    const sickDay = date(1);
    const sick = roster.find((duty) => duty.date === sickDay && duty.shift === 'AM')!.staff;
    const plan = repairScenario(base, roster, { absence: { staff: sick, date: sickDay } });
    const repaired = mergeKept(plan, solve(plan.scenario));

    expect(repaired.some((duty) => duty.staff === sick && duty.date === sickDay)).toBe(false);
    for (const day of [date(0), date(2)]) expect(onDay(repaired, day)).toEqual(onDay(roster, day));
    const before = cover(roster);
    const after = cover(repaired);
    for (const line of base.demand.filter((demand) => demand.date === sickDay)) {
      const slot = `${line.date}|${line.shift}|${line.post}`;
      expect(after.get(slot) ?? 0).toBeGreaterThanOrEqual(Math.min(line.required, before.get(slot) ?? 0));
    }
    expect(checkRoster(base, repaired).breaches).toEqual([]);

    // Re-solving the day from scratch (no baseline) with the same person away:
    const scratch = solve({ ...plan.scenario, baseline: undefined, weights: { ...QUIET } });
    const changesOf = (after: Assignment[]) => rosterMoves(roster.filter((duty) => !(duty.staff === sick && duty.date === sickDay)), after).length;
    expect(changesOf(repaired)).toBeLessThanOrEqual(changesOf(scratch));
    expect(changesOf(repaired)).toBeLessThanOrEqual(2);
  });

  it('moves fewer duties than a re-solve that prefers other seats', () => {
    // Continuity pulls people towards other posts; the repair's changes weight keeps them where they sat.
    const base = hall({ days: 1, demand: hall().demand.filter((line) => line.date === MONDAY) });
    const roster: Assignment[] = [
      { staff: 'p1', date: MONDAY, shift: 'AM', post: 'B' },
      { staff: 'p2', date: MONDAY, shift: 'AM', post: 'A' },
      { staff: 'p5', date: MONDAY, shift: 'PM', post: 'A' },
      { staff: 'p4', date: MONDAY, shift: 'PM', post: 'B' },
    ];
    const plan = repairScenario({ ...base, weights: { ...QUIET, continuity: 2 } }, roster, { absence: { staff: 'p5', date: MONDAY, shift: 'PM' } });
    const repaired = mergeKept(plan, solve(plan.scenario));
    const scratch = solve({ ...plan.scenario, baseline: undefined, weights: { ...QUIET, continuity: 2 } });
    const remaining = roster.filter((duty) => duty.staff !== 'p5');
    expect(rosterMoves(remaining, repaired).length).toBe(1);
    expect(rosterMoves(remaining, scratch).length).toBeGreaterThan(1);
  });

  it('takes a shift-only absence off that shift and leaves the person\'s other shift', () => {
    const base = hall({ days: 1, demand: hall().demand.filter((line) => line.date === MONDAY) });
    const roster: Assignment[] = [
      { staff: 'p1', date: MONDAY, shift: 'AM', post: 'A' },
      { staff: 'p1', date: MONDAY, shift: 'PM', post: 'A' },
      { staff: 'p2', date: MONDAY, shift: 'AM', post: 'B' },
      { staff: 'p4', date: MONDAY, shift: 'PM', post: 'B' },
    ];
    const plan = repairScenario(base, roster, { absence: { staff: 'p1', date: MONDAY, shift: 'AM' } });
    const repaired = mergeKept(plan, solve(plan.scenario));
    expect(repaired.map(key)).toContain(`p1|${MONDAY}|PM|A`);
    expect(repaired.map(key)).not.toContain(`p1|${MONDAY}|AM|A`);
    expect(cover(repaired).get(`${MONDAY}|AM|A`)).toBe(1);
  });

  it('only restores cover: a slot short before the absence is not chased', () => {
    const base = hall({ days: 1, demand: [{ date: MONDAY, shift: 'AM', post: 'A', required: 3 }] });
    const roster: Assignment[] = [{ staff: 'p1', date: MONDAY, shift: 'AM', post: 'A' }, { staff: 'p3', date: MONDAY, shift: 'AM', post: 'A' }];
    const plan = repairScenario(base, roster, { absence: { staff: 'p1', date: MONDAY } });
    expect(plan.scenario.demand).toEqual([{ date: MONDAY, shift: 'AM', post: 'A', required: 2 }]);
    const repaired = mergeKept(plan, solve(plan.scenario));
    expect(cover(repaired).get(`${MONDAY}|AM|A`)).toBe(2);
  });

  it('keeps a duty a lead accepted despite a broken rule, and repairs around it', () => {
    // p3 works a B seat without the skill: overridden by the lead, so the repair must not drop it.
    const base = hall({ days: 1, demand: hall().demand.filter((line) => line.date === MONDAY && line.shift === 'AM') });
    const accepted: Assignment = { staff: 'p3', date: MONDAY, shift: 'AM', post: 'B' };
    const roster: Assignment[] = [accepted, { staff: 'p1', date: MONDAY, shift: 'AM', post: 'A' }];
    const plan = repairScenario(base, roster, { absence: { staff: 'p1', date: MONDAY }, keep: [accepted] });
    const repaired = mergeKept(plan, solve(plan.scenario));
    expect(repaired.map(key)).toContain(key(accepted));
    expect(cover(repaired).get(`${MONDAY}|AM|A`)).toBe(1);
    expect(cover(repaired).get(`${MONDAY}|AM|B`)).toBe(1);
  });
});

describe('re-optimising the rest of the period', () => {
  it('keeps pinned duties and never changes a frozen day', () => {
    const base = hall({ weights: { ...QUIET, continuity: 2 } });
    // A deliberately poor roster: everyone away from home, a gap on day 2.
    const roster: Assignment[] = [
      ...[0, 1].flatMap((day) => [
        { staff: 'p1', date: date(day), shift: 'AM', post: 'B' },
        { staff: 'p2', date: date(day), shift: 'AM', post: 'A' },
        { staff: 'p5', date: date(day), shift: 'PM', post: 'A' },
        { staff: 'p4', date: date(day), shift: 'PM', post: 'B' },
      ]),
      { staff: 'p1', date: date(2), shift: 'AM', post: 'B' },
    ];
    const pinned = [{ staff: 'p1', date: date(1), shift: 'AM', post: 'B' }];
    const plan = reoptimiseScenario(base, roster, { fromDate: date(1), pinned });
    const after = mergeKept(plan, solve(plan.scenario));
    expect(onDay(after, date(0))).toEqual(onDay(roster, date(0)));
    expect(after.map(key)).toContain(key(pinned[0]!));
    expect(checkRoster(base, after).breaches).toEqual([]);
    // Day 2's gaps are filled: re-optimising chases the weights.
    expect(checkRoster(base, after).soft.unmetStaffShifts).toBe(0);
  });

  it('lists moves per person and shift: a seat change, a duty taken off, a duty added', () => {
    const before: Assignment[] = [{ staff: 'a', date: MONDAY, shift: 'AM', post: 'X' }, { staff: 'b', date: MONDAY, shift: 'AM', post: 'X' }];
    const after: Assignment[] = [{ staff: 'a', date: MONDAY, shift: 'AM', post: 'Y' }, { staff: 'c', date: MONDAY, shift: 'PM', post: 'X', learner: true }];
    expect(rosterMoves(before, after)).toEqual([
      { staff: 'a', date: MONDAY, shift: 'AM', from: 'X', to: 'Y', fromWindow: null, toWindow: null, learner: false },
      { staff: 'b', date: MONDAY, shift: 'AM', from: 'X', to: null, fromWindow: null, toWindow: null, learner: false },
      { staff: 'c', date: MONDAY, shift: 'PM', from: null, to: 'X', fromWindow: null, toWindow: null, learner: true },
    ]);
  });

  it('lists a change of window at the same post as a move, and a duty that keeps post and window as none', () => {
    const before: Assignment[] = [{ staff: 'a', date: MONDAY, shift: 'AM', post: 'X', window: 'W1' }, { staff: 'b', date: MONDAY, shift: 'AM', post: 'X', window: 'W2' }];
    const after: Assignment[] = [{ staff: 'a', date: MONDAY, shift: 'AM', post: 'X', window: 'W3' }, { staff: 'b', date: MONDAY, shift: 'AM', post: 'X', window: 'W2' }];
    expect(rosterMoves(before, after)).toEqual([{ staff: 'a', date: MONDAY, shift: 'AM', from: 'X', to: 'X', fromWindow: 'W1', toWindow: 'W3', learner: false }]);
  });
});

describe('a proposal brings no breach the roster did not have', () => {
  it('takes back the move behind a new breach and keeps the rest of the proposal', () => {
    const scenario = hall();
    const away = scenario.staff[0]!.id;
    const busy: Scenario = { ...scenario, staff: scenario.staff.map((each) => (each.id === away ? { ...each, unavailable: [{ date: MONDAY }] } : each)) };
    const before: Assignment[] = [];
    const onLeave: Assignment = { staff: away, date: MONDAY, shift: 'AM', post: 'A' };
    const fine: Assignment = { staff: scenario.staff[1]!.id, date: date(1), shift: 'AM', post: 'A' };
    expect(checkRoster(busy, [onLeave]).breaches.map((breach) => breach.rule)).toContain('unavailable');
    expect(revertBreakingMoves(busy, before, [onLeave, fine])).toEqual([fine]);
  });

  it('leaves a breach the roster already had alone, and its move with it', () => {
    const scenario = hall();
    const away = scenario.staff[0]!.id;
    const busy: Scenario = { ...scenario, staff: scenario.staff.map((each) => (each.id === away ? { ...each, unavailable: [{ date: MONDAY }] } : each)) };
    const before: Assignment[] = [{ staff: away, date: MONDAY, shift: 'AM', post: 'A' }];
    const after: Assignment[] = [...before, { staff: scenario.staff[1]!.id, date: date(2), shift: 'PM', post: 'B' }];
    expect(revertBreakingMoves(busy, before, after)).toEqual(after);
  });
});

