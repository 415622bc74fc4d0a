import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import type { Engine, IntegerSolution } from '../../../solver/lp/types.ts';
import { mulberry32 } from '../../../solver/demand/random.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { constructFirstSolution } from '../../../solver/roster/construct.ts';
import { decisionCells, improveByNeighbourhoods, indexProgram, pickNeighbourhood, solveNeighbourhood } from '../../../solver/roster/lns.ts';
import { buildRosterModel, type RosterModel } from '../../../solver/roster/model.ts';
import { readNrp } from '../../../solver/roster/nrp.ts';
import { prepareScenario } from '../../../solver/roster/prepare.ts';
import type { Scenario } from '../../../solver/roster/types.ts';
import { generateHall } from '../../support/hall-centre.ts';
import { generateCentre } from '../../support/roster-centre.ts';

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

const nrp = (file: string) => readNrp(readFileSync(resolve('tests/fixtures/nrp', file), 'utf8'));

function modelOf(scenario: Scenario): RosterModel {
  return buildRosterModel(prepareScenario(scenario));
}

function construct(model: RosterModel): IntegerSolution {
  const first = constructFirstSolution(highs, model.program, undefined);
  if (!first) throw new Error('no first roster');
  return first;
}

/** The checker finds no breach, and its penalty total is the solution's objective. */
function expectChecked(scenario: Scenario, model: RosterModel, solution: IntegerSolution): void {
  const report = checkRoster(scenario, model.decode(solution.values));
  expect(report.breaches).toEqual([]);
  expect(report.soft.penalties.total).toBeCloseTo(solution.objective, 4);
}

describe('the construction heuristic (a first roster person by person)', () => {
  it.each([1, 2, 3])('keeps every hard rule on a generated centre week (seed %i), as the checker sees it', (seed) => {
    const scenario = generateCentre({ staff: 12, days: 7, shiftsPerDay: 2, seed });
    const model = modelOf(scenario);
    expectChecked(scenario, model, construct(model));
  }, 30_000);

  it.each([4, 5])('keeps the hall rules (presence, seats at windows) on a generated hall week (seed %i)', (seed) => {
    const scenario = generateHall({ staff: 16, days: 7, shiftsPerDay: 2, seed, windows: 5 });
    const model = modelOf(scenario);
    expectChecked(scenario, model, construct(model));
  }, 30_000);

  it('keeps the run, weekend and total-minutes rules of a Curtois & Qu instance', () => {
    const scenario = nrp('Instance2.txt');
    const model = modelOf(scenario);
    expectChecked(scenario, model, construct(model));
  }, 30_000);
});

describe('a neighbourhood step', () => {
  it('is never worse than the incumbent, and what it returns keeps every hard rule', () => {
    const scenario = nrp('Instance3.txt');
    const model = modelOf(scenario);
    let incumbent = construct(model);
    const index = indexProgram(model.program, model.decisions);
    const random = mulberry32(7);
    let improved = 0;
    for (let step = 0; step < 8; step += 1) {
      const free = pickNeighbourhood(index, random, 120, step);
      expect(free.size).toBeGreaterThan(0);
      const result = solveNeighbourhood(highs, index, incumbent, free, { nodeLimit: 200, timeLimitSeconds: 10 });
      if (!result.solution) continue;
      expect(result.solution.objective).toBeLessThanOrEqual(incumbent.objective + 1e-6);
      // Only the freed decisions may change.
      const freed = new Set([...free].map((at) => model.program.variables[at]?.name));
      for (const name of model.decisions) if (!freed.has(name)) expect(result.solution.values[name]).toBe(incumbent.values[name]);
      expectChecked(scenario, model, result.solution);
      if (result.solution.objective < incumbent.objective - 1e-6) improved += 1;
      incumbent = result.solution;
    }
    // The construction leaves a lot to gain on this instance: a search that never improves is broken.
    expect(improved).toBeGreaterThan(0);
  }, 60_000);

  it('reads every duty decision of the model as its person, day and shift', () => {
    const scenario = nrp('Instance1.txt');
    const model = modelOf(scenario);
    const cells = decisionCells(model.decisions);
    expect(cells).toHaveLength(model.decisions.length);
    expect(Math.max(...cells.map((cell) => cell.day))).toBe(scenario.days - 1);
    expect(Math.max(...cells.map((cell) => cell.person))).toBe(scenario.staff.length - 1);
    expect(() => decisionCells(['x|not-a-person'])).toThrow(/person, day and shift/);
  });
});

describe('the neighbourhood search', () => {
  it('gives the same roster for the same seed and step budget, and never a worse one than its start', () => {
    const scenario = nrp('Instance3.txt');
    const model = modelOf(scenario);
    const start = construct(model);
    const run = (seed: number) => improveByNeighbourhoods(highs, model.program, model.decisions, start, { seed, steps: 6 });
    const first = run(3);
    const second = run(3);
    expect(first.steps).toBe(6);
    expect(second.solution.objective).toBe(first.solution.objective);
    expect(model.decode(second.solution.values)).toEqual(model.decode(first.solution.values));
    expect(first.solution.objective).toBeLessThan(start.objective);
    expectChecked(scenario, model, first.solution);
  }, 90_000);
});
