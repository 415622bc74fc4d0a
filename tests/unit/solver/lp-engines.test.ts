import { beforeAll, describe, expect, it } from 'vitest';
import { chooseEngine, jsLpSolverEngine, SMALL_PROGRAM_INTEGERS } from '../../../solver/lp/engines.ts';
import { loadHighsEngine, toLpFormat } from '../../../solver/lp/highs.ts';
import type { Engine, IntegerProgram } from '../../../solver/lp/types.ts';
import { SeededRandom } from '../../../data/demo/random.ts';

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

/** A covering program shaped like the planners': binaries, ≥ rows, capacity rows, costly slack. */
function coveringProgram(random: SeededRandom): IntegerProgram {
  const people = random.int(2, 6);
  const skills = random.int(2, 5);
  const variables: IntegerProgram['variables'] = [];
  const cover = new Map<number, { variable: string; coefficient: number }[]>();
  const load = new Map<number, { variable: string; coefficient: number }[]>();
  for (let p = 0; p < people; p += 1) {
    for (let s = 0; s < skills; s += 1) {
      if (!random.chance(0.7)) continue;
      const name = `train ${p}/${s}`;
      variables.push({ name, cost: 1 + random.int(0, 3) / 10, kind: 'binary' });
      cover.set(s, [...(cover.get(s) ?? []), { variable: name, coefficient: 1 }]);
      load.set(p, [...(load.get(p) ?? []), { variable: name, coefficient: 1 }]);
    }
  }
  const constraints: IntegerProgram['constraints'] = [];
  for (let s = 0; s < skills; s += 1) {
    const slack = `short ${s}`;
    variables.push({ name: slack, cost: 50, kind: 'integer' });
    constraints.push({ name: `cover ${s}`, terms: [...(cover.get(s) ?? []), { variable: slack, coefficient: 1 }], min: random.int(1, 3) });
  }
  for (const [p, terms] of load) constraints.push({ name: `load ${p}`, terms, max: random.int(1, 2) });
  return { sense: 'min', variables, constraints };
}

/** A small knapsack with a two-sided row: the other direction, and ranges. */
function knapsackProgram(random: SeededRandom): IntegerProgram {
  const items = random.int(3, 7);
  const variables = Array.from({ length: items }, (_, i) => ({ name: `item-${i}`, cost: random.int(1, 9), kind: i % 3 === 0 ? ('integer' as const) : ('binary' as const) }));
  return {
    sense: 'max',
    variables,
    constraints: [
      { name: 'weight', terms: variables.map((v) => ({ variable: v.name, coefficient: random.int(1, 5) })), min: 1, max: random.int(5, 12) },
    ],
  };
}

describe('LP engines', () => {
  it('write programs in CPLEX LP format with positional names and two rows for a range', () => {
    const text = toLpFormat({
      sense: 'max',
      variables: [
        { name: 'a b', cost: 2, kind: 'binary' },
        { name: 'c', cost: -1, kind: 'integer' },
      ],
      constraints: [{ name: 'r', terms: [{ variable: 'a b', coefficient: 1 }, { variable: 'c', coefficient: 3 }], min: 1, max: 4 }],
    });
    expect(text).toBe(
      ['Maximize', '  obj: + 2 x0 - 1 x1', 'Subject To', '  r0lo: + 1 x0 + 3 x1 >= 1', '  r0hi: + 1 x0 + 3 x1 <= 4', 'Bounds', '  0 <= x0 <= 1', '  0 <= x1', 'General', '  x0 x1', 'End'].join('\n'),
    );
  });

  it('HiGHS and javascript-lp-solver reach the same optimum on small programs', () => {
    const random = new SeededRandom(42);
    for (let case_ = 0; case_ < 150; case_ += 1) {
      const program = case_ % 2 === 0 ? coveringProgram(random) : knapsackProgram(random);
      const fromHighs = highs.solve(program);
      const fromJs = jsLpSolverEngine.solve(program);
      expect(fromHighs.status, `case ${case_}`).toBe(fromJs.status);
      expect(fromHighs.objective, `case ${case_}`).toBeCloseTo(fromJs.objective, 6);
      // Each engine's own answer must be feasible and score what it claims.
      for (const solution of [fromHighs, fromJs]) {
        const score = program.variables.reduce((sum, v) => sum + v.cost * (solution.values[v.name] ?? 0), 0);
        expect(score).toBeCloseTo(solution.objective, 6);
        for (const row of program.constraints) {
          const lhs = row.terms.reduce((sum, term) => sum + term.coefficient * (solution.values[term.variable] ?? 0), 0);
          if (row.min !== undefined) expect(lhs).toBeGreaterThanOrEqual(row.min - 1e-9);
          if (row.max !== undefined) expect(lhs).toBeLessThanOrEqual(row.max + 1e-9);
        }
      }
    }
  });

  it('HiGHS says so when a program has no solution', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [{ name: 'x', cost: 1, kind: 'binary' }],
      constraints: [{ name: 'impossible', terms: [{ variable: 'x', coefficient: 1 }], min: 2 }],
    };
    expect(highs.solve(program).status).toBe('infeasible');
  });

  it('keeps small programs on javascript-lp-solver and sends large ones to HiGHS', () => {
    const sized = (n: number): IntegerProgram => ({
      sense: 'min',
      variables: Array.from({ length: n }, (_, i) => ({ name: `v${i}`, cost: 1, kind: 'binary' as const })),
      constraints: [],
    });
    expect(chooseEngine(sized(SMALL_PROGRAM_INTEGERS), highs).name).toBe('javascript-lp-solver');
    expect(chooseEngine(sized(SMALL_PROGRAM_INTEGERS + 1), highs).name).toBe('highs');
    expect(() => chooseEngine(sized(SMALL_PROGRAM_INTEGERS + 1), null)).toThrow(/needs HiGHS/);
  });
});
