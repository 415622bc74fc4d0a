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

/** Variables are non-negative; binaries are also at most 1. */
export interface IntegerProgram {
  sense: 'min' | 'max';
  variables: ProgramVariable[];
  constraints: ProgramConstraint[];
}

/** 'stopped': a time or iteration limit ended the solve; `values` hold the best roster found, if any. */
export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'stopped';

export interface IntegerSolution {
  status: SolveStatus;
  objective: number;
  /** Every variable of the program by name; integer and binary values are exact integers. */
  values: Record<string, number>;
}

/** An engine solves a program synchronously; loading one (HiGHS is WebAssembly) may be async. */
export interface Engine {
  readonly name: 'javascript-lp-solver' | 'highs';
  solve(program: IntegerProgram, options?: SolveOptions): IntegerSolution;
}

export interface SolveOptions {
  /** Stop after this many seconds with the best solution found (HiGHS only; the other has no hard limit). */
  timeLimitSeconds?: number;
}
