/**
 * solveRoster: a validated scenario in, a roster out. Builds the model (model.ts), lets the chosen
 * engine search, turns the decisions into assignments, and then never trusts the engine: the
 * independent checker re-verifies every hard rule, and any breach is thrown as a bug.
 */
import { chooseEngine, jsLpSolverEngine } from '../lp/engines.ts';
import { PROVEN_GAP, solveRelaxationFirst } from '../lp/relaxation-first.ts';
import { isSolveStopped, relativeGap, SolveStoppedError, type Engine, type IntegerProgram, type IntegerSolution, type SolveOptions } from '../lp/types.ts';
import { constructFirstSolution } from './construct.ts';
import { improveByNeighbourhoods } from './lns.ts';
import { checkRoster } from './check.ts';
import { buildRosterModel, RosterInfeasibleError, type RosterModel } from './model.ts';
import { prepareScenario } from './prepare.ts';
import { explainGaps } from './reasons.ts';
import { hallSummary } from './hall-summary.ts';
import { QUALIFIED, type Breach, type CheckReport, type Roster, type RosterStats, type RosterStatus, type Scenario, type SolveProgress } from './types.ts';

export { RosterInfeasibleError } from './model.ts';

/**
 * Integer variables up to which javascript-lp-solver is trusted with a roster. Rosters are harder per
 * variable than the covering programs behind the general limit (runs, backup, fairness): measured on
 * generated halls, it proved 6 staff × a week (184 integers) optimal in 0.8 s, 8 staff (240) in
 * 5 s, and 15 staff not in 2 minutes, where HiGHS took under a second.
 */
export const SMALL_ROSTER_INTEGERS = 200;

export interface SolveRosterOptions {
  /** The loaded HiGHS engine (loadHighsEngine()); null where only small scenarios are solved. */
  highs: Engine | null;
  /** 'auto' (default): javascript-lp-solver where the program is small enough, HiGHS otherwise. */
  engine?: 'auto' | 'highs' | 'javascript-lp-solver';
  /** Stop the search after this long with the best roster so far and its proven gap (HiGHS only). */
  timeLimitSeconds?: number;
  /** Stop once the roster is proven within this relative gap of the optimum (HiGHS default 1e-4). */
  relativeGap?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** Milliseconds clock for the seconds reported; default Date.now. */
  now?: () => number;
  /** Seed of the neighbourhood search (default 1): the same scenario, seed and limits give the same roster. */
  seed?: number;
  /** Neighbourhoods the search may try at most (default: as many as the time limit allows). */
  neighbourhoodSteps?: number;
}

/**
 * Share of a time limit for the relaxation-first search (relaxation, RENS, HiGHS's full search);
 * what it leaves goes to the neighbourhood search around its best roster. Hall weeks end inside
 * this share with a proven gap and never reach the neighbourhoods.
 */
export const EXACT_SHARE = 0.4;

/**
 * Below this limit the search is someone waiting at the screen on a hall-sized week: the full
 * search gets SHORT_LIMIT_EXACT_SHARE, since 40% of 15 s on a loaded 2-core machine found no roster
 * at all on the demo week (the neighbourhoods need one to start from).
 */
export const SHORT_LIMIT_SECONDS = 30;
export const SHORT_LIMIT_EXACT_SHARE = 0.9;

export function exactShareOf(limitSeconds: number): number {
  return limitSeconds < SHORT_LIMIT_SECONDS ? SHORT_LIMIT_EXACT_SHARE : EXACT_SHARE;
}

/** The optimiser broke a hard rule: a bug in the model, never the user's problem. */
export class RosterBugError extends Error {
  constructor(readonly breaches: Breach[]) {
    super(`The optimiser's roster breaks ${breaches.length} hard rule(s), a bug in the model:\n- ${breaches.slice(0, 10).map((breach) => breach.message).join('\n- ')}`);
    this.name = 'RosterBugError';
  }
}

type Report = (progress: Omit<SolveProgress, 'seconds'> & { seconds?: number }) => void;

export function solveRoster(scenario: Scenario, options: SolveRosterOptions): Roster {
  return solveCheckedRoster(scenario, options).roster;
}

/** A roster and the checker's report on it (its soft totals), for callers that keep both. */
export interface CheckedRoster {
  roster: Roster;
  check: CheckReport;
}

/** solveRoster, handing back the independent checker's report it made rather than making another. */
export function solveCheckedRoster(scenario: Scenario, options: SolveRosterOptions): CheckedRoster {
  const now = options.now ?? Date.now;
  const started = now();
  const seconds = () => (now() - started) / 1000;
  const report: Report = (progress) => options.onProgress?.({ seconds: seconds(), ...progress });

  report({ phase: 'building' });
  const prepared = prepareScenario(scenario);
  const model = buildRosterModel(prepared);
  const engine = pickEngine(model.program, options);

  report({ phase: 'solving' });
  const solution = search(model, engine, options, { report, seconds, now, days: prepared.days.length });
  if (solution.status === 'infeasible' || solution.status === 'unbounded') throw new RosterInfeasibleError(diagnoseInfeasible(scenario, engine));
  const exact = polish(model, solution, engine);
  const assignments = model.decode(exact.values);

  report({ phase: 'checking', objective: exact.objective, bound: exact.bound, gap: exact.gap });
  const check = checkRoster(scenario, assignments);
  if (check.breaches.length > 0) throw new RosterBugError(check.breaches);

  report({ phase: 'explaining' });
  const unmet = explainGaps(scenario, assignments);
  // Within HiGHS's default tolerance the optimum is proven; a looser gap or a time limit is "feasible".
  const status: RosterStatus = solution.status === 'optimal' && exact.gap <= PROVEN_GAP ? 'optimal' : 'feasible';
  const stats: RosterStats = {
    engine: engine.name,
    status,
    seconds: seconds(),
    objective: exact.objective,
    bound: exact.bound,
    gap: exact.gap,
    variables: model.program.variables.length,
    constraints: model.program.constraints.length,
  };
  report({ phase: 'done', objective: stats.objective, bound: stats.bound, gap: stats.gap });
  const hall = scenario.windows !== undefined || scenario.presence !== undefined ? { hall: hallSummary(scenario, assignments) } : {};
  return { roster: { assignments, unmet, stats, ...hall }, check };
}

function search(model: RosterModel, engine: Engine, options: SolveRosterOptions, clock: { report: Report; seconds: () => number; now: () => number; days: number }): IntegerSolution {
  const solveStarted = clock.seconds();
  const solveOptions: SolveOptions = {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.relativeGap !== undefined ? { relativeGap: options.relativeGap } : {}),
    onProgress: (progress) => clock.report({ phase: 'solving', ...progress, seconds: solveStarted + progress.seconds }),
    // Over more than two weeks the relaxation is degenerate for dual simplex: interior point took
    // 3–4 s where simplex took 6–9 s (100 staff × 4 weeks; a 40-staff Curtois-style month), while on
    // a week simplex is the faster (0.6 s against 1.6 s for 300 staff).
    lpMethod: clock.days > 14 ? 'ipm' : 'simplex',
  };
  if (engine.name !== 'highs') return engine.solve(model.program, solveOptions);
  // HiGHS gets the relaxation first (see relaxation-first.ts); without a time limit it searches to
  // the proven optimum and nothing is left to improve.
  if (options.timeLimitSeconds === undefined) return solveRelaxationFirst(engine, model.program, solveOptions, clock.now);
  return searchThenImprove(model, engine, options, solveOptions, clock);
}

/**
 * The relaxation-first search in a share of the time, then the neighbourhood search (lns.ts) around
 * its roster for the rest; where the first search found nothing at all, a roster built person by
 * person (construct.ts) is the start. The bound stays the relaxation-first search's.
 */
function searchThenImprove(model: RosterModel, engine: Engine, options: SolveRosterOptions, solveOptions: SolveOptions, clock: { report: Report; seconds: () => number; now: () => number }): IntegerSolution {
  const limit = options.timeLimitSeconds as number;
  const target = options.relativeGap ?? PROVEN_GAP;
  const started = clock.now();
  const left = () => limit - (clock.now() - started) / 1000;
  // The best bound reported (the relaxation's, HiGHS's dual bound): kept even when the search ends without a roster.
  let reportedBound = Number.NEGATIVE_INFINITY;
  const tracked: SolveOptions = {
    ...solveOptions,
    timeLimitSeconds: limit * exactShareOf(limit),
    onProgress: (progress) => {
      if (progress.bound !== undefined) reportedBound = Math.max(reportedBound, progress.bound);
      solveOptions.onProgress?.(progress);
    },
  };
  let first: IntegerSolution | null = null;
  try {
    first = solveRelaxationFirst(engine, model.program, tracked, clock.now);
  } catch (error) {
    if (!isSolveStopped(error)) throw error;
  }
  if (first && first.status !== 'stopped') return first;
  const bound = Math.max(reportedBound, first?.bound ?? Number.NEGATIVE_INFINITY);
  first ??= constructFirstSolution(engine, model.program, Math.max(0.5, left()), clock.now);
  if (!first) throw new SolveStoppedError(`no roster was found in the time limit of ${limit} s, not even one built person by person: allow more time or simplify the problem`);
  clock.report({ phase: 'solving', objective: first.objective, ...(Number.isFinite(bound) ? { bound, gap: relativeGap(first.objective, bound) } : {}) });
  const improved = improveByNeighbourhoods(engine, model.program, model.decisions, first, {
    timeLimitSeconds: Math.max(0, left()),
    seed: options.seed ?? 1,
    ...(options.neighbourhoodSteps !== undefined ? { steps: options.neighbourhoodSteps } : {}),
    ...(Number.isFinite(bound) ? { bound, relativeGap: target } : {}),
    now: clock.now,
    onImprove: (objective) => clock.report({ phase: 'solving', objective, ...(Number.isFinite(bound) ? { bound, gap: relativeGap(objective, bound) } : {}) }),
  }).solution;
  const gap = relativeGap(improved.objective, Math.min(bound, improved.objective));
  return { ...improved, status: gap <= target ? 'optimal' : 'stopped', bound: Math.min(bound, improved.objective), gap };
}

function pickEngine(program: IntegerProgram, options: SolveRosterOptions): Engine {
  const choice = options.engine ?? 'auto';
  if (choice === 'javascript-lp-solver') return jsLpSolverEngine;
  if (choice === 'highs') {
    if (!options.highs) throw new Error('engine "highs" was asked for, but HiGHS is not loaded: pass loadHighsEngine() as options.highs');
    return options.highs;
  }
  return chooseEngine(program, options.highs, SMALL_ROSTER_INTEGERS);
}

/**
 * The engine's incumbent may carry slack in the variables that follow from the decisions (a
 * fairness segment filled out of order, an overtime above the hours worked) when the search
 * stopped early. With the decisions fixed, one more solve puts every such variable at its least
 * cost, so the objective reported is exactly the penalty of the roster returned.
 */
function polish(model: RosterModel, solution: IntegerSolution, engine: Engine): IntegerSolution {
  if (engine.name !== 'highs') return solution;
  const fixed = new Set(model.decisions);
  const program: IntegerProgram = {
    ...model.program,
    variables: model.program.variables.map((variable) => {
      if (!fixed.has(variable.name)) return variable;
      const value = solution.values[variable.name] ?? 0;
      return { ...variable, lower: value, upper: value };
    }),
  };
  const polished = engine.solve(program, {});
  const best = polished.status === 'optimal' && polished.objective <= solution.objective ? polished : solution;
  const bound = Math.min(solution.bound, best.objective);
  return { ...solution, objective: best.objective, values: best.values, bound, gap: relativeGap(best.objective, bound) };
}

/**
 * Only pins of learners tie one person's hard rules to another's (a mentor must sit beside them);
 * everything else is per person. So the people whose own rules clash are found by solving each
 * person alone, with their pins and without demand.
 */
function diagnoseInfeasible(scenario: Scenario, engine: Engine): string[] {
  const problems: string[] = [];
  for (const person of scenario.staff) {
    const pinned = (scenario.pinned ?? []).filter((pin) => pin.staff === person.id && (person.skills[pin.post] ?? 0) >= QUALIFIED);
    const alone: Scenario = { ...scenario, staff: [person], demand: [], requests: [], pinned, weights: { unmet: 0, over: 0, backup: 0, cost: 0, fairness: 0, continuity: 0, requests: 0, seat: 0, crossZone: 0 } };
    const program = buildRosterModel(prepareScenario(alone)).program;
    const status = engine.solve(program, { timeLimitSeconds: 10 }).status;
    if (status === 'infeasible' || status === 'unbounded') problems.push(`${person.name} (${person.id}): ${describeLimits(scenario, person.id)} cannot all hold together`);
  }
  if (problems.length === 0) problems.push('the pinned learners cannot all have a mentor of their post beside them on the same shift');
  return problems;
}

function describeLimits(scenario: Scenario, staffId: string): string {
  const person = scenario.staff.find((candidate) => candidate.id === staffId);
  if (!person) return 'their rules';
  const parts: string[] = [];
  const pins = (scenario.pinned ?? []).filter((pin) => pin.staff === staffId).length;
  if (pins > 0) parts.push(`${pins} pinned shift(s)`);
  if (person.minMinutesTotal !== undefined) parts.push(`at least ${person.minMinutesTotal} minutes in the horizon`);
  if (person.maxMinutesTotal !== undefined) parts.push(`at most ${person.maxMinutesTotal} minutes`);
  if (person.maxShiftsPerWeek !== undefined) parts.push(`at most ${person.maxShiftsPerWeek} shifts a week`);
  if (person.maxHoursPerWeek !== undefined) parts.push(`at most ${person.maxHoursPerWeek} hours a week`);
  if (person.minConsecutiveDays !== undefined) parts.push(`blocks of at least ${person.minConsecutiveDays} days`);
  if (person.minConsecutiveDaysOff !== undefined) parts.push(`at least ${person.minConsecutiveDaysOff} days off in a row`);
  if (person.maxConsecutiveDays !== undefined) parts.push(`at most ${person.maxConsecutiveDays} days in a row`);
  if (person.maxWeekends !== undefined) parts.push(`at most ${person.maxWeekends} weekends`);
  if ((person.unavailable?.length ?? 0) > 0) parts.push(`${person.unavailable?.length} day(s) of leave or unavailability`);
  parts.push('rest between shifts');
  return parts.join(', ');
}
