import { beforeAll, describe, expect, it } from 'vitest';
import { chooseEngine, jsLpSolverEngine, SMALL_PROGRAM_INTEGERS } from '../../../solver/lp/engines.ts';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import { relaxationOf, solveRelaxationFirst } from '../../../solver/lp/relaxation-first.ts';
import { SolveStoppedError, type Engine, type IntegerProgram } from '../../../solver/lp/types.ts';
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

/**
 * Market split (Cornuéjols & Dawande): a handful of equality rows over binaries, met as closely as
 * possible. Tiny, yet branch and bound cannot prove its optimum quickly, so a time limit bites.
 */
function marketSplit(random: SeededRandom, rows: number, columns: number): IntegerProgram {
  const variables: IntegerProgram['variables'] = Array.from({ length: columns }, (_, j) => ({ name: `x${j}`, cost: 0, kind: 'binary' as const }));
  const constraints: IntegerProgram['constraints'] = [];
  for (let i = 0; i < rows; i += 1) {
    const weights = Array.from({ length: columns }, () => random.int(0, 99));
    const target = Math.floor(weights.reduce((sum, w) => sum + w, 0) / 2);
    variables.push({ name: `above${i}`, cost: 1, kind: 'continuous' }, { name: `below${i}`, cost: 1, kind: 'continuous' });
    const terms = weights.map((w, j) => ({ variable: `x${j}`, coefficient: w }));
    constraints.push({ name: `split${i}`, terms: [...terms, { variable: `above${i}`, coefficient: -1 }, { variable: `below${i}`, coefficient: 1 }], min: target, max: target });
  }
  return { sense: 'min', variables, constraints };
}

function expectFeasible(program: IntegerProgram, values: Record<string, number>, objective: number): void {
  const score = program.variables.reduce((sum, v) => sum + v.cost * (values[v.name] ?? 0), program.offset ?? 0);
  expect(score).toBeCloseTo(objective, 6);
  for (const row of program.constraints) {
    const lhs = row.terms.reduce((sum, term) => sum + term.coefficient * (values[term.variable] ?? 0), 0);
    if (row.min !== undefined) expect(lhs).toBeGreaterThanOrEqual(row.min - 1e-6);
    if (row.max !== undefined) expect(lhs).toBeLessThanOrEqual(row.max + 1e-6);
  }
}

describe('LP engines', () => {
  it('both engines keep variable bounds and add the objective offset', () => {
    const program: IntegerProgram = {
      sense: 'min',
      offset: 10,
      variables: [
        { name: 'pinned', cost: 3, kind: 'binary', lower: 1 },
        { name: 'capped', cost: -2, kind: 'integer', upper: 4 },
        { name: 'slack', cost: 1, kind: 'continuous', upper: 2.5 },
      ],
      constraints: [{ name: 'need', terms: [{ variable: 'capped', coefficient: 1 }, { variable: 'slack', coefficient: 1 }], min: 6 }],
    };
    for (const engine of [highs, jsLpSolverEngine]) {
      const solution = engine.solve(program);
      expect(solution.values, engine.name).toEqual({ pinned: 1, capped: 4, slack: 2 });
      expect(solution.objective, engine.name).toBeCloseTo(10 + 3 - 8 + 2, 9);
      expect(solution.bound, engine.name).toBeCloseTo(solution.objective, 6);
      expect(solution.gap, engine.name).toBe(0);
    }
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

  it('HiGHS stops at the time limit with its best solution, the proven bound and the gap', () => {
    const program = marketSplit(new SeededRandom(7), 4, 40);
    const reports: { seconds: number; objective?: number; bound?: number; gap?: number }[] = [];
    const started = Date.now();
    const solution = highs.solve(program, { timeLimitSeconds: 0.5, onProgress: (p) => reports.push(p) });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(solution.status).toBe('stopped');
    expect(solution.bound).toBeLessThan(solution.objective);
    expect(solution.gap).toBeCloseTo((solution.objective - solution.bound) / solution.objective, 9);
    expectFeasible(program, solution.values, solution.objective);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.some((report) => report.objective !== undefined && report.bound !== undefined && report.gap !== undefined)).toBe(true);
    for (const report of reports) expect(report.seconds).toBeGreaterThanOrEqual(0);
  });

  it('HiGHS stops once the relative gap asked for is reached', () => {
    // With a constant of 1000 on top, any split within a few hundred units is within 50%.
    const program = { ...marketSplit(new SeededRandom(7), 4, 40), offset: 1000 };
    const solution = highs.solve(program, { relativeGap: 0.5, timeLimitSeconds: 10 });
    expect(solution.status).toBe('optimal');
    expect(solution.gap).toBeGreaterThan(0);
    expect(solution.gap).toBeLessThanOrEqual(0.5);
    expectFeasible(program, solution.values, solution.objective);
  });

  it('relaxation first reaches the same optimum as a plain search, reporting the relaxation\'s bound first', () => {
    const random = new SeededRandom(9);
    for (let case_ = 0; case_ < 40; case_ += 1) {
      const program = coveringProgram(random);
      const reports: { bound?: number }[] = [];
      const strategy = solveRelaxationFirst(highs, program, { onProgress: (progress) => reports.push(progress) });
      const plain = highs.solve(program);
      expect(strategy.status, `case ${case_}`).toBe('optimal');
      expect(strategy.objective, `case ${case_}`).toBeCloseTo(plain.objective, 6);
      expect(strategy.bound, `case ${case_}`).toBeLessThanOrEqual(strategy.objective + 1e-9);
      expectFeasible(program, strategy.values, strategy.objective);
      expect(reports[0]?.bound, `case ${case_}`).toBeCloseTo(highs.solve(relaxationOf(program)).objective, 6);
    }
  });

  it('relaxation first still ends with a solution when time runs out before the relaxation is solved, built block by block', () => {
    const random = new SeededRandom(21);
    const program = coveringProgram(random);
    // Each person's trainings are a block, as a roster's people are.
    const people = new Map<string, string[]>();
    for (const variable of program.variables) {
      const person = /^train (\d+)\//.exec(variable.name)?.[1];
      if (person !== undefined) people.set(person, [...(people.get(person) ?? []), variable.name]);
    }
    const blocked: IntegerProgram = { ...program, blocks: [...people.values()] };
    // An engine that runs out of time on the relaxation (every variable continuous) and on the full
    // search, as HiGHS does on a loaded machine, but answers the small block programs.
    const isRelaxation = (candidate: IntegerProgram) => candidate.variables.every((variable) => variable.kind === 'continuous');
    const isFull = (candidate: IntegerProgram) => candidate.variables.length === blocked.variables.length && candidate.variables.every((variable, i) => variable.lower === blocked.variables[i]!.lower && variable.upper === blocked.variables[i]!.upper);
    const outOfTime: Engine = {
      ...highs,
      solve: (candidate, options) => {
        if (isRelaxation(candidate) || isFull(candidate)) throw new SolveStoppedError('HiGHS stopped (time limit) before it found any solution');
        return highs.solve(candidate, options);
      },
    };
    const solution = solveRelaxationFirst(outOfTime, blocked, { timeLimitSeconds: 5 });
    expect(solution.status).toBe('stopped');
    expectFeasible(blocked, solution.values, solution.objective);
    // Without blocks there is nothing to build from, and the engine's own word stands.
    expect(() => solveRelaxationFirst(outOfTime, program, { timeLimitSeconds: 5 })).toThrow(/before it found any solution/);
  });

  it('relaxation first takes only a time-out for "out of time": any other engine error reaches the caller as it is', () => {
    const random = new SeededRandom(21);
    const program = coveringProgram(random);
    const people = new Map<string, string[]>();
    for (const variable of program.variables) {
      const person = /^train (\d+)\//.exec(variable.name)?.[1];
      if (person !== undefined) people.set(person, [...(people.get(person) ?? []), variable.name]);
    }
    const blocked: IntegerProgram = { ...program, blocks: [...people.values()] };
    const isRelaxation = (candidate: IntegerProgram) => candidate.variables.every((variable) => variable.kind === 'continuous');
    // A model bug met in each phase in turn: the relaxation, the restricted program, the blocks, the full search.
    const failing = (phase: (candidate: IntegerProgram, call: number) => boolean): Engine => {
      let calls = 0;
      return {
        ...highs,
        solve: (candidate, options) => {
          calls += 1;
          if (phase(candidate, calls)) throw new Error('Constraint cover 3 uses unknown variable x');
          return highs.solve(candidate, options);
        },
      };
    };
    expect(() => solveRelaxationFirst(failing((candidate) => isRelaxation(candidate)), blocked, { timeLimitSeconds: 5 })).toThrow(/unknown variable/);
    expect(() => solveRelaxationFirst(failing((candidate) => !isRelaxation(candidate)), blocked, { timeLimitSeconds: 5 })).toThrow(/unknown variable/);
    // Out of time on the relaxation, then a bug in a block: not an empty first solution.
    const stoppedThenBug: Engine = {
      ...highs,
      solve: (candidate) => {
        if (isRelaxation(candidate)) throw new SolveStoppedError('HiGHS stopped (time limit) before it found any solution');
        throw new Error('Constraint cover 3 uses unknown variable x');
      },
    };
    expect(() => solveRelaxationFirst(stoppedThenBug, blocked, { timeLimitSeconds: 5 })).toThrow(/unknown variable/);
  });

  it('relaxation first says so when the program has no solution', () => {
    const program: IntegerProgram = {
      sense: 'min',
      variables: [{ name: 'x', cost: 1, kind: 'binary' }],
      constraints: [{ name: 'impossible', terms: [{ variable: 'x', coefficient: 1 }], min: 2 }],
    };
    expect(solveRelaxationFirst(highs, program).status).toBe('infeasible');
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
