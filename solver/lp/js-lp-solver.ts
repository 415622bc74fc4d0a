/**
 * The one file that knows javascript-lp-solver. Everything else speaks solver/lp/types.ts.
 */
import solver from 'javascript-lp-solver';
import type { Model, SolveResult } from 'javascript-lp-solver';
import type { IntegerProgram, IntegerSolution, ProgramVariable, SolveStatus } from './types.ts';

// The library keys the objective, constraints and variables by name in one namespace, so our names
// are replaced by positional ones that cannot collide with each other or with the objective.
const OBJECTIVE = 'objective';
const variableKey = (index: number) => `v${index}`;
const constraintKey = (index: number) => `c${index}`;
const boundKey = (index: number) => `b${index}`;

/** Exact: the library has no time limit, so what it returns is optimal (bound = objective). */
export function solveIntegerProgram(program: IntegerProgram): IntegerSolution {
  const raw = solveAndRelease(toLibraryModel(program));
  const objective = raw.result + (program.offset ?? 0);
  return {
    status: statusOf(raw),
    objective,
    bound: objective,
    gap: 0,
    values: valuesByName(program, raw),
  };
}

function toLibraryModel(program: IntegerProgram): Model {
  const variables: Model['variables'] = {};
  const ints: Record<string, boolean> = {};
  const constraints: Model['constraints'] = {};
  const binaries: Record<string, boolean> = {};
  program.variables.forEach((variable, index) => {
    const key = variableKey(index);
    variables[key] = { [OBJECTIVE]: variable.cost };
    if (variable.kind === 'integer') ints[key] = true;
    if (variable.kind === 'binary') binaries[key] = true;
  });
  // The library has no column bounds: a bound of ours becomes a one-variable constraint.
  program.variables.forEach((variable, index) => {
    const bounds = explicitBounds(variable);
    if (!bounds) return;
    constraints[boundKey(index)] = bounds;
    (variables[variableKey(index)] as Record<string, number>)[boundKey(index)] = 1;
  });
  const variableIndex = new Map(program.variables.map((variable, index) => [variable.name, index]));
  if (variableIndex.size !== program.variables.length) throw new Error('Variable names must be unique');
  program.constraints.forEach((constraint, index) => {
    constraints[constraintKey(index)] = boundsOf(constraint.min, constraint.max);
    for (const term of constraint.terms) {
      const position = variableIndex.get(term.variable);
      if (position === undefined) throw new Error(`Constraint ${constraint.name} uses unknown variable ${term.variable}`);
      const column = variables[variableKey(position)] as Record<string, number>;
      const key = constraintKey(index);
      column[key] = (column[key] ?? 0) + term.coefficient;
    }
  });
  return { optimize: OBJECTIVE, opType: program.sense, constraints, variables, ints, binaries };
}

function explicitBounds(variable: ProgramVariable): { min?: number; max?: number } | null {
  const lower = variable.lower !== undefined && variable.lower !== 0 ? variable.lower : undefined;
  const upper = variable.upper !== undefined && !(variable.kind === 'binary' && variable.upper >= 1) ? variable.upper : undefined;
  return lower === undefined && upper === undefined ? null : boundsOf(lower, upper);
}

function boundsOf(min: number | undefined, max: number | undefined): { min?: number; max?: number } {
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function solveAndRelease(model: Model): SolveResult {
  const raw = solver.Solve(model);
  // The library keeps the last model (its whole dense tableau) on a module-level singleton; drop it
  // so a large solve does not stay in memory until the next one.
  solver.lastSolvedModel = null;
  if (!isSolveResult(raw)) throw new Error('javascript-lp-solver returned no result');
  return raw;
}

function isSolveResult(raw: unknown): raw is SolveResult {
  return typeof raw === 'object' && raw !== null && typeof (raw as { feasible?: unknown }).feasible === 'boolean';
}

function statusOf(raw: SolveResult): SolveStatus {
  if (!raw.feasible) return 'infeasible';
  return raw.bounded === false ? 'unbounded' : 'optimal';
}

function valuesByName(program: IntegerProgram, raw: SolveResult): Record<string, number> {
  const values: Record<string, number> = {};
  program.variables.forEach((variable, index) => {
    // The library leaves zero-valued variables out of its result.
    const value = raw[variableKey(index)];
    const number = typeof value === 'number' ? value : 0;
    // Simplex arithmetic returns 0.9999999 for 1; integers are reported exactly.
    values[variable.name] = variable.kind === 'continuous' ? number : Math.round(number);
  });
  return values;
}
