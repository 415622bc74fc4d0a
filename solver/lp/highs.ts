/**
 * The one file that knows HiGHS (WebAssembly). The program goes in through the persistent model API
 * as a sparse row-wise matrix: no text to write and parse, which matters at tens of thousands of
 * variables, and the run reports its incumbent, bound and gap as it goes.
 */
import highsLoader from 'highs';
import type { Highs, HighsCallbackMap, Model, ModelData } from 'highs';
import { relativeGap, SolveStoppedError, type Engine, type IntegerProgram, type IntegerSolution, type SolveOptions, type SolveProgress, type SolveStatus } from './types.ts';

/** Progress reports at most this often (seconds), besides one per better solution. */
const PROGRESS_INTERVAL = 0.25;

/** Loads HiGHS once; the engine it returns solves synchronously, as javascript-lp-solver does. */
export async function loadHighsEngine(): Promise<Engine> {
  const highs = await highsLoader();
  return {
    name: 'highs',
    solve: (program: IntegerProgram, options: SolveOptions = {}): IntegerSolution => {
      const model = highs.createModel();
      try {
        return solveWith(highs, model, program, options);
      } finally {
        model.dispose();
      }
    },
  };
}

function solveWith(highs: Highs, model: Model, program: IntegerProgram, options: SolveOptions): IntegerSolution {
  model.options.set({
    output_flag: false,
    ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
    ...(options.relativeGap !== undefined ? { mip_rel_gap: options.relativeGap } : {}),
    ...(options.nodeLimit !== undefined ? { mip_max_nodes: options.nodeLimit } : {}),
    ...(options.lpMethod === 'ipm' && program.variables.every((variable) => variable.kind === 'continuous') ? { solver: 'ipm' } : {}),
  });
  model.passModel(toModelData(highs, program));
  if (options.start) model.setSolution({ colValue: program.variables.map((variable) => options.start?.[variable.name] ?? 0) });
  model.run(options.onProgress ? progressCallbacks(highs, options.onProgress) : undefined);
  const status = statusOf(highs, model.getModelStatus());
  if (status === 'infeasible' || status === 'unbounded') {
    return { status, objective: Number.NaN, bound: Number.NaN, gap: Number.POSITIVE_INFINITY, values: {} };
  }
  if (model.info.get('primal_solution_status') !== highs.constants.solutionStatus.feasible) {
    throw new SolveStoppedError(`HiGHS stopped (${describeStop(options)}) before it found any solution: allow more time or simplify the problem`);
  }
  const objective = model.getObjectiveValue();
  const bound = boundOf(model, program, objective);
  return { status, objective, bound, gap: relativeGap(objective, bound), values: valuesOf(program, model.getSolution().colValue) };
}

/** A MIP has a dual bound; a pure LP solved to optimality is its own bound. */
function boundOf(model: Model, program: IntegerProgram, objective: number): number {
  const hasIntegers = program.variables.some((variable) => variable.kind !== 'continuous');
  if (!hasIntegers) return objective;
  const bound = Number(model.info.get('mip_dual_bound'));
  return Number.isFinite(bound) ? bound : objective;
}

function describeStop(options: SolveOptions): string {
  return options.timeLimitSeconds !== undefined ? `time limit ${options.timeLimitSeconds} s` : 'a solver limit';
}

/** The program as HiGHS model data: columns in program order, rows as CSR with duplicate terms merged. */
export function toModelData(highs: Pick<Highs, 'constants'>, program: IntegerProgram): ModelData {
  const columnOf = new Map<string, number>();
  program.variables.forEach((variable, index) => columnOf.set(variable.name, index));
  if (columnOf.size !== program.variables.length) throw new Error('Variable names must be unique');
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const constraint of program.constraints) {
    const row = new Map<number, number>();
    for (const term of constraint.terms) {
      const column = columnOf.get(term.variable);
      if (column === undefined) throw new Error(`Constraint ${constraint.name} uses unknown variable ${term.variable}`);
      row.set(column, (row.get(column) ?? 0) + term.coefficient);
    }
    for (const [column, coefficient] of row) {
      indices.push(column);
      values.push(coefficient);
    }
    starts.push(indices.length);
    rowLower.push(constraint.min ?? -Infinity);
    rowUpper.push(constraint.max ?? Infinity);
  }
  const { continuous, integer } = highs.constants.variableType;
  return {
    numCols: program.variables.length,
    numRows: program.constraints.length,
    sense: program.sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    offset: program.offset ?? 0,
    colCost: program.variables.map((variable) => variable.cost),
    colLower: program.variables.map((variable) => variable.lower ?? 0),
    colUpper: program.variables.map((variable) => variable.upper ?? (variable.kind === 'binary' ? 1 : Infinity)),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: program.constraints.length, numCols: program.variables.length, starts, indices, values },
    integrality: program.variables.map((variable) => (variable.kind === 'continuous' ? continuous : integer)),
  };
}

/** Reports each better solution at once and the bound at most every PROGRESS_INTERVAL seconds. */
function progressCallbacks(highs: Highs, onProgress: (progress: SolveProgress) => void): HighsCallbackMap {
  let lastReport = Number.NEGATIVE_INFINITY;
  const report = (data: { running_time?: number; mip_primal_bound?: number; mip_dual_bound?: number }) => {
    const seconds = data.running_time ?? 0;
    lastReport = seconds;
    onProgress(progressOf(seconds, data.mip_primal_bound, data.mip_dual_bound));
  };
  const { mipImprovingSolution, mipInterrupt } = highs.constants.callbackType;
  return {
    [mipImprovingSolution]: (event) => {
      report(event.data);
      return undefined;
    },
    [mipInterrupt]: (event) => {
      if ((event.data.running_time ?? 0) - lastReport >= PROGRESS_INTERVAL) report(event.data);
      return undefined;
    },
  };
}

function progressOf(seconds: number, primal: number | undefined, dual: number | undefined): SolveProgress {
  // HiGHS reports ±infinity before it has an incumbent or a bound; leave those out.
  const objective = primal !== undefined && Number.isFinite(primal) ? primal : undefined;
  const bound = dual !== undefined && Number.isFinite(dual) ? dual : undefined;
  const progress: SolveProgress = { seconds };
  if (objective !== undefined) progress.objective = objective;
  if (bound !== undefined) progress.bound = bound;
  if (objective !== undefined && bound !== undefined) progress.gap = relativeGap(objective, bound);
  return progress;
}

function valuesOf(program: IntegerProgram, columns: Float64Array): Record<string, number> {
  const values: Record<string, number> = {};
  program.variables.forEach((variable, index) => {
    const primal = columns[index] ?? 0;
    values[variable.name] = variable.kind === 'continuous' ? primal : Math.round(primal);
  });
  return values;
}

function statusOf(highs: Highs, status: number): SolveStatus {
  const codes = highs.constants.modelStatus;
  if (status === codes.optimal || status === codes.empty) return 'optimal';
  if (status === codes.infeasible) return 'infeasible';
  if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return 'unbounded';
  const limits: number[] = [codes.timeLimit, codes.iterationLimit, codes.solutionLimit, codes.interrupted, codes.objectiveBound, codes.objectiveTarget];
  if (limits.includes(status)) return 'stopped';
  throw new Error(`HiGHS could not solve the program (model status ${status})`);
}
