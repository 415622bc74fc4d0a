import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import type { Engine, IntegerProgram, SolveOptions } from '../../../solver/lp/types.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { exactShareOf, RosterInfeasibleError, solveRoster } from '../../../solver/roster/solve.ts';
import type { Scenario, SolveProgress, StaffDef } from '../../../solver/roster/types.ts';
import { generateCentre } from '../../support/roster-centre.ts';

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

const MONDAY = '2024-01-01';

function scenario(staff: StaffDef[], parts: Partial<Scenario> = {}): Scenario {
  return {
    start: MONDAY,
    days: 7,
    shifts: [{ id: 'AM', start: '09:00', end: '13:00' }],
    posts: [{ id: 'A', name: '综合受理' }],
    staff,
    demand: Array.from({ length: 5 }, (_, day) => ({ date: date(day), shift: 'AM', post: 'A', required: 1 })),
    ...parts,
  };
}

function date(day: number): string {
  return new Date(Date.parse(`${MONDAY}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

describe('solveRoster', () => {
  it('reports its phases in order, with the search\'s objective, bound and gap', () => {
    const phases: SolveProgress[] = [];
    const roster = solveRoster(generateCentre({ staff: 20, days: 7, shiftsPerDay: 2, seed: 1 }), { highs, onProgress: (progress) => phases.push(progress) });
    const order = phases.map((progress) => progress.phase).filter((phase, index, all) => phase !== all[index - 1]);
    expect(order).toEqual(['building', 'solving', 'checking', 'explaining', 'done']);
    expect(phases.some((progress) => progress.phase === 'solving' && progress.bound !== undefined)).toBe(true);
    const seconds = phases.map((progress) => progress.seconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(phases.at(-1)).toMatchObject({ phase: 'done', objective: roster.stats.objective, bound: roster.stats.bound, gap: roster.stats.gap });
  }, 60_000);

  it('returns the roster with its gaps explained and its stats', () => {
    const input = scenario([{ id: 'p', name: '张三', skills: { A: 2 }, maxShiftsPerWeek: 4 }]);
    const roster = solveRoster(input, { highs: null });
    expect(roster.assignments).toHaveLength(4);
    expect(roster.unmet).toHaveLength(1);
    expect(roster.unmet[0]).toMatchObject({ shift: 'AM', post: 'A', missing: 1 });
    expect(roster.stats).toMatchObject({ engine: 'javascript-lp-solver', status: 'optimal', gap: 0 });
    expect(roster.stats.bound).toBe(roster.stats.objective);
    expect(roster.stats.variables).toBeGreaterThan(0);
    expect(roster.stats.constraints).toBeGreaterThan(0);
    expect(roster.stats.seconds).toBeGreaterThanOrEqual(0);
    expect(checkRoster(input, roster.assignments).soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
  });

  it('keeps small rosters on javascript-lp-solver and sends larger ones to HiGHS, which they need', () => {
    const small = scenario([{ id: 'p', name: '张三', skills: { A: 2 } }]);
    expect(solveRoster(small, { highs }).stats.engine).toBe('javascript-lp-solver');
    const centre = generateCentre({ staff: 20, days: 7, shiftsPerDay: 2, seed: 1 });
    expect(solveRoster(centre, { highs }).stats.engine).toBe('highs');
    expect(() => solveRoster(centre, { highs: null })).toThrow(/needs HiGHS/);
    expect(() => solveRoster(small, { highs: null, engine: 'highs' })).toThrow(/HiGHS is not loaded/);
  }, 60_000);

  it('stops at the time limit with the best roster so far, its proven bound and gap', () => {
    const centre = generateCentre({ staff: 200, days: 7, shiftsPerDay: 3, seed: 3 });
    const started = Date.now();
    // A gap of 0 cannot be proven in a few seconds, so the limit is what ends the search.
    const roster = solveRoster(centre, { highs, timeLimitSeconds: 6, relativeGap: 0 });
    expect((Date.now() - started) / 1000).toBeLessThan(6 + 15);
    expect(['feasible', 'optimal']).toContain(roster.stats.status);
    expect(roster.stats.seconds).toBeLessThan(6 + 15);
    expect(roster.stats.bound).toBeLessThanOrEqual(roster.stats.objective + 1e-9);
    expect(roster.stats.gap).toBeCloseTo((roster.stats.objective - roster.stats.bound) / roster.stats.objective, 9);
    const report = checkRoster(centre, roster.assignments);
    expect(report.breaches).toEqual([]);
    expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
  }, 60_000);

  it('calls a stopped search "feasible" and reports the gap it left', () => {
    // HiGHS as it answers when the limit strikes mid-search: the incumbent, and a bound below it.
    const interrupted: Engine = {
      name: 'highs',
      solve: (program: IntegerProgram, options?: SolveOptions) => {
        const solution = highs.solve(program, options);
        if (!options?.start) return solution;
        const bound = solution.objective - 10;
        return { ...solution, status: 'stopped', bound, gap: 10 / solution.objective };
      },
    };
    const roster = solveRoster(generateCentre({ staff: 20, days: 7, shiftsPerDay: 3, seed: 2 }), { highs: interrupted, relativeGap: 0 });
    expect(roster.stats.status).toBe('feasible');
    expect(roster.stats.gap).toBeGreaterThan(0);
    expect(roster.stats.bound).toBeLessThan(roster.stats.objective);
  }, 60_000);
});

describe('hard rules that cannot all hold', () => {
  const person: StaffDef = { id: 'p', name: '张三', skills: { A: 2 } };

  it('names a pin on a day of leave', () => {
    const input = scenario([{ ...person, unavailable: [{ date: date(1), reason: '年假' }] }], { pinned: [{ staff: 'p', date: date(1), shift: 'AM', post: 'A' }] });
    expect(() => solveRoster(input, { highs })).toThrow(RosterInfeasibleError);
    expect(() => solveRoster(input, { highs })).toThrow(/p 2024-01-02 AM A: pinned, but the person is unavailable \(年假\)/);
  });

  it('names a pin at a post the person is not qualified for, and two pins in one shift', () => {
    const unqualified = scenario([person], { posts: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }], pinned: [{ staff: 'p', date: date(0), shift: 'AM', post: 'B' }] });
    expect(() => solveRoster(unqualified, { highs })).toThrow(/not qualified at B/);
    const twice = scenario([{ ...person, skills: { A: 2, B: 2 } }], {
      posts: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
      pinned: [{ staff: 'p', date: date(0), shift: 'AM', post: 'A' }, { staff: 'p', date: date(0), shift: 'AM', post: 'B' }],
    });
    expect(() => solveRoster(twice, { highs })).toThrow(/pinned at both A and B/);
  });

  it('names the person whose minimum hours leave and limits make impossible', () => {
    const input = scenario([{ ...person, minMinutesTotal: 8 * 60 * 4, unavailable: [0, 1, 2, 3].map((day) => ({ date: date(day) })) }]);
    expect(() => solveRoster(input, { highs })).toThrow(/p: must work at least 1920 minutes, but leave and limits leave at most 720/);
  });

  it('finds the person whose own rules clash when only the search can tell', () => {
    // Leave on Wednesday and Friday leaves runs Mon–Tue, Thu, Sat–Sun: Thursday alone is too short a block.
    const clash: StaffDef = { id: 'q', name: '李四', skills: { A: 2 }, minConsecutiveDays: 3, minMinutesTotal: 5 * 240, unavailable: [{ date: date(2) }, { date: date(4) }] };
    const input = scenario([person, clash]);
    expect(() => solveRoster(input, { highs })).toThrow(RosterInfeasibleError);
    expect(() => solveRoster(input, { highs })).toThrow(/李四 \(q\): .*at least 1200 minutes.*blocks of at least 3 days.* cannot all hold together/);
    expect(() => solveRoster(input, { highs })).not.toThrow(/张三/);
  });
});

describe('how a time limit is shared', () => {
  it('gives the full search nearly all of a short limit and 40% of a long one, the rest to the neighbourhoods', () => {
    expect(exactShareOf(15)).toBe(0.9);
    expect(exactShareOf(29.9)).toBe(0.9);
    expect(exactShareOf(30)).toBe(0.4);
    expect(exactShareOf(60)).toBe(0.4);
  });
});
