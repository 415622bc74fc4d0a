/**
 * A search strategy over any engine with a time limit (HiGHS): the LP relaxation first, then a
 * restricted program for a good solution, and only then, if still needed, the full search.
 *
 * Why: on large rosters the relaxation is tight (a fraction of a percent from the optimum), but
 * HiGHS in WebAssembly spends most of its time in root cuts before its own heuristics find a good
 * solution: a 100-staff month took 30–50 s to reach 1%. Fixing every integer variable the
 * relaxation already has whole (RENS) leaves a small program whose optimum is usually within
 * 0.1% of the relaxation's bound, found in a second or two. When that is within the gap asked for,
 * the bound proves it and no further search is needed; otherwise the full search starts from it.
 * Where rounding finds nothing (tight run rules), a program that names its independent blocks
 * (IntegerProgram.blocks, a roster's people) gets a first solution block by block instead
 * (block-greedy.ts), so a time limit still ends with a solution.
 */
import { solveBlockByBlock } from './block-greedy.ts';
import { isSolveStopped, relativeGap, type Engine, type IntegerProgram, type IntegerSolution, type SolveOptions, type SolveProgress } from './types.ts';

/** HiGHS's own default: the gap at which a solution counts as proven optimal. */
export const PROVEN_GAP = 1e-4;

/** Shares of the time limit for the relaxation and the restricted program; the rest is the search's. */
const RELAXATION_SHARE = 0.4;
const RESTRICTED_SHARE = 0.25;

export function solveRelaxationFirst(engine: Engine, program: IntegerProgram, options: SolveOptions = {}, now: () => number = Date.now): IntegerSolution {
  if (program.sense !== 'min') return engine.solve(program, options);
  const started = now();
  const elapsed = () => (now() - started) / 1000;
  const budget = (share: number) => (options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds * share) });
  const report = (progress: Omit<SolveProgress, 'seconds'>) => options.onProgress?.({ seconds: elapsed(), ...progress });
  const target = options.relativeGap ?? PROVEN_GAP;

  const relaxation = solveRelaxation(engine, program, { ...budget(RELAXATION_SHARE), ...(options.lpMethod ? { lpMethod: options.lpMethod } : {}) });
  if (relaxation?.status === 'infeasible') return relaxation;
  if (relaxation?.status !== 'optimal') {
    // Out of time before the relaxation was solved (a short limit, a machine busy with other work):
    // a first solution block by block, so that the limit still ends with one, then the search.
    const byBlocks = solveBlockByBlock(engine, program, budget(RESTRICTED_SHARE), now);
    if (byBlocks) report({ objective: byBlocks.objective });
    return fullSearch(engine, program, options, elapsed, byBlocks, Number.NEGATIVE_INFINITY);
  }
  const bound = relaxation.objective;
  report({ bound });

  // A tighter gap than asked for inside the restricted program, whose own bound is above the relaxation's.
  const heuristics = budget(RESTRICTED_SHARE);
  const restricted = solveRestricted(engine, program, relaxation.values, { ...heuristics, relativeGap: Math.max(PROVEN_GAP, target / 4) }, now);
  if (restricted) {
    const gap = relativeGap(restricted.objective, bound);
    report({ objective: restricted.objective, bound, gap });
    if (gap <= target) return { ...restricted, status: 'optimal', bound, gap };
  }
  const byBlocks = restricted ? null : solveBlockByBlock(engine, program, heuristics, now);
  if (byBlocks) report({ objective: byBlocks.objective, bound, gap: relativeGap(byBlocks.objective, bound) });
  return fullSearch(engine, program, options, elapsed, restricted ?? byBlocks, bound);
}

function fullSearch(
  engine: Engine,
  program: IntegerProgram,
  options: SolveOptions,
  elapsed: () => number,
  incumbent: IntegerSolution | null,
  relaxationBound: number,
): IntegerSolution {
  const offset = elapsed();
  const remaining = options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - offset) };
  let search: IntegerSolution;
  try {
    search = engine.solve(program, {
      ...options,
      ...remaining,
      ...(incumbent ? { start: incumbent.values } : {}),
      ...(options.onProgress ? { onProgress: (progress: SolveProgress) => options.onProgress?.({ ...progress, seconds: offset + progress.seconds }) } : {}),
    });
  } catch (error) {
    // Stopped before a solution of its own: what the heuristics found is the best there is.
    if (!incumbent || !isSolveStopped(error)) throw error;
    const bound = Math.min(incumbent.objective, relaxationBound);
    return { ...incumbent, status: 'stopped', bound, gap: relativeGap(incumbent.objective, bound) };
  }
  if (search.status === 'infeasible' || search.status === 'unbounded') return search;
  const best = incumbent && incumbent.objective < search.objective ? incumbent : search;
  const bound = Math.min(best.objective, Math.max(search.bound, relaxationBound));
  return { ...best, status: search.status, bound, gap: relativeGap(best.objective, bound) };
}

/** The program with every integer variable continuous between its bounds. */
export function relaxationOf(program: IntegerProgram): IntegerProgram {
  return {
    ...program,
    variables: program.variables.map((variable) =>
      variable.kind === 'continuous' ? variable : { ...variable, kind: 'continuous', upper: variable.upper ?? (variable.kind === 'binary' ? 1 : undefined) },
    ),
  };
}

/** The relaxation, or null when the time given ran out before it was solved. */
function solveRelaxation(engine: Engine, program: IntegerProgram, options: SolveOptions): IntegerSolution | null {
  try {
    return engine.solve(relaxationOf(program), options);
  } catch (error) {
    if (isSolveStopped(error)) return null;
    throw error;
  }
}

/**
 * RENS: the program with every integer variable the relaxation has whole fixed at that value. Where
 * that leaves no solution (tight run rules can need a variable the relaxation left at 0), only the
 * ones are fixed, in the time that is left.
 */
function solveRestricted(engine: Engine, program: IntegerProgram, relaxed: Record<string, number>, options: SolveOptions, now: () => number): IntegerSolution | null {
  const started = now();
  const all = solveFixed(engine, fixWhole(program, relaxed, () => true), options);
  if (all !== 'infeasible') return all;
  const left = options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - (now() - started) / 1000) };
  const ones = solveFixed(engine, fixWhole(program, relaxed, (value) => value >= 1), { ...options, ...left });
  return ones === 'infeasible' ? null : ones;
}

function fixWhole(program: IntegerProgram, relaxed: Record<string, number>, fixes: (value: number) => boolean): IntegerProgram {
  return {
    ...program,
    variables: program.variables.map((variable) => {
      const value = relaxed[variable.name] ?? 0;
      const whole = Math.round(value);
      if (variable.kind === 'continuous' || Math.abs(value - whole) > 1e-6 || !fixes(whole)) return variable;
      return { ...variable, lower: whole, upper: whole };
    }),
  };
}

function solveFixed(engine: Engine, program: IntegerProgram, options: SolveOptions): IntegerSolution | 'infeasible' | null {
  try {
    const solution = engine.solve(program, options);
    if (solution.status === 'infeasible' || solution.status === 'unbounded') return 'infeasible';
    return solution;
  } catch (error) {
    // Stopped before any solution: the full search goes on without a start.
    if (isSolveStopped(error)) return null;
    throw error;
  }
}
