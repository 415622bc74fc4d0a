/**
 * An engine-neutral integer program, so the planners never see an LP library's model format and a
 * second engine (HiGHS) can sit behind the same two types. Names are ours; each adapter maps them to
 * whatever its engine accepts.
 */

export type VariableKind = 'binary' | 'integer' | 'continuous';

export interface ProgramVariable {
  name: string;
  /** Coefficient in the objective. */
  cost: number;
  kind: VariableKind;
  /** Default 0. A bound the model knows (a pinned assignment is a binary with lower 1). */
  lower?: number;
  /** Default 1 for a binary, unbounded otherwise. */
  upper?: number;
}

export interface ProgramTerm {
  variable: string;
  coefficient: number;
}

/** min <= sum(terms) <= max; leave a side out for a one-sided constraint. */
export interface ProgramConstraint {
  name: string;
  terms: ProgramTerm[];
  min?: number;
  max?: number;
}

/** Variables are non-negative unless a lower bound says otherwise; binaries are also at most 1. */
export interface IntegerProgram {
  sense: 'min' | 'max';
  variables: ProgramVariable[];
  constraints: ProgramConstraint[];
  /** A constant added to the objective (penalties no decision can avoid); default 0. */
  offset?: number;
  /**
   * Independent blocks of variables (a roster's people): every constraint is either within one
   * block or links blocks through variables of no block. Engines ignore it; a search strategy may
   * use it to find a first solution block by block (relaxation-first.ts).
   */
  blocks?: string[][];
}

/** 'stopped': a time or iteration limit ended the solve; `values` hold the best solution found. */
export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'stopped';

export interface IntegerSolution {
  status: SolveStatus;
  /** The objective of `values`, offset included. */
  objective: number;
  /** The best proven bound on the optimum (below it when minimising); equals `objective` when exact. */
  bound: number;
  /** |objective − bound| ÷ |objective| (0 when they agree). */
  gap: number;
  /** Every variable of the program by name; integer and binary values are exact integers. */
  values: Record<string, number>;
}

/** An engine solves a program synchronously; loading one (HiGHS is WebAssembly) may be async. */
export interface Engine {
  readonly name: 'javascript-lp-solver' | 'highs';
  solve(program: IntegerProgram, options?: SolveOptions): IntegerSolution;
}

export interface SolveProgress {
  /** Seconds since the engine started. */
  seconds: number;
  /** Objective of the best solution so far, when there is one. */
  objective?: number;
  /** Best proven bound so far. */
  bound?: number;
  gap?: number;
}

export interface SolveOptions {
  /**
   * Stop after this many seconds with the best solution found (HiGHS only; javascript-lp-solver
   * has no hard limit, which is why the size rule keeps it to small programs).
   */
  timeLimitSeconds?: number;
  /** Stop once the relative gap between the best solution and the bound is at most this (HiGHS default 1e-4). */
  relativeGap?: number;
  /** Called as the search finds better solutions and bounds (HiGHS only; throttled). */
  onProgress?: (progress: SolveProgress) => void;
  /** A feasible solution to start from, every variable by name (HiGHS only; ignored if infeasible). */
  start?: Record<string, number>;
  /**
   * How HiGHS solves a program without integer variables: dual simplex (its default) or interior
   * point followed by crossover to a vertex. Interior point is faster on large degenerate LPs.
   */
  lpMethod?: 'simplex' | 'ipm';
  /**
   * Stop the branch-and-bound after this many nodes (HiGHS only): a limit that, unlike time, gives
   * the same answer on every run, for the neighbourhood search's sub-problems.
   */
  nodeLimit?: number;
}

/** The relative gap the way HiGHS reports it, and 0 when objective and bound agree. */
export function relativeGap(objective: number, bound: number): number {
  const difference = Math.abs(objective - bound);
  if (difference <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
  if (!Number.isFinite(difference)) return Number.POSITIVE_INFINITY;
  return difference / Math.max(Math.abs(objective), 1e-9);
}

/**
 * An engine stopped by its time (or other) limit before it found any solution. A class of its own
 * because strategies catch it to go on with what they have: any other error is a bug in the model
 * or the engine and must reach the caller as one, not be taken for "out of time".
 */
export class SolveStoppedError extends Error {
  override readonly name = 'SolveStoppedError';
}

export function isSolveStopped(error: unknown): error is SolveStoppedError {
  return error instanceof SolveStoppedError;
}
