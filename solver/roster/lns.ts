/**
 * Large-neighbourhood search around an incumbent roster: free a neighbourhood of duty decisions
 * (some people over a window of days, a window of days for everyone, one shift type over a window),
 * keep every other decision at the incumbent, re-solve what is free exactly with the engine under a
 * node limit, and keep the result only when it is better. Neighbourhood sizes adapt: a sub-problem
 * proven optimal grows the next one, one stopped by its limit shrinks it.
 *
 * Why: past hall-sized weeks HiGHS's full search on the whole model stalls far from the optimum
 * (Curtois & Qu Instance 8: +181% after 60 s), while a sub-problem of a few hundred free duties is
 * solved to optimality in a fraction of a second, and the incumbent is feasible for every
 * sub-problem (it is its start), so no step can make the roster worse.
 *
 * Determinism: the neighbourhoods come from mulberry32(seed), the size adapts on the sub-problems'
 * status (never on time), and each sub-problem is bounded by a node limit. Wall time only enters as
 * the overall limit and a safety cap per sub-problem; with a step budget (`steps`) well inside the
 * time limit the same scenario and seed give the same roster.
 */
import { mulberry32 } from '../demand/random.ts';
import { isSolveStopped, relativeGap, type Engine, type IntegerProgram, type IntegerSolution, type ProgramConstraint, type ProgramVariable } from '../lp/types.ts';

/** Where a duty decision sits: its person (block), day and shift. */
export interface DecisionCell {
  person: number;
  day: number;
  shift: number;
}

export interface NeighbourhoodOptions {
  /** Stop after this many seconds (checked between steps; each step is capped to what is left). */
  timeLimitSeconds?: number;
  /** Stop after this many neighbourhoods (for a deterministic run). */
  steps?: number;
  seed?: number;
  /** Branch-and-bound nodes per sub-problem (default 400). */
  nodeLimit?: number;
  /** A proven bound on the whole optimum (the relaxation's), to stop once the incumbent meets it. */
  bound?: number;
  /** Stop once within this relative gap of `bound`. */
  relativeGap?: number;
  onImprove?: (objective: number) => void;
  now?: () => number;
}

export interface NeighbourhoodResult {
  solution: IntegerSolution;
  steps: number;
  improvements: number;
}

/** Free decisions the first neighbourhood aims at; then adapted between these limits. */
const FIRST_SIZE = 300;
const MIN_SIZE = 40;
const MAX_SIZE = 4000;
const GROW = 1.2;
const SHRINK = 0.8;
/** A sub-problem never gets more than this share of the time that is left, nor more than the cap. */
const STEP_TIME_SHARE = 0.25;
const STEP_TIME_CAP = 10;

/**
 * The cells of the roster model's duty decisions, read from their names (model.ts createDuties:
 * `x|person|day|shift|post` for the qualified, `l|…` for learners).
 */
export function decisionCells(decisions: string[]): DecisionCell[] {
  return decisions.map((name) => {
    const [, person, day, shift] = name.split('|');
    const cell = { person: Number(person), day: Number(day), shift: Number(shift) };
    if (!Number.isInteger(cell.person) || !Number.isInteger(cell.day) || !Number.isInteger(cell.shift)) throw new Error(`decision ${name} does not name its person, day and shift`);
    return cell;
  });
}

/** The program's structure, indexed once for every step. */
class Index {
  readonly position = new Map<string, number>();
  readonly rowsOf: number[][];
  readonly isDecision: boolean[];
  readonly days: number;
  readonly people: number;
  readonly shifts: number;

  constructor(
    readonly program: IntegerProgram,
    readonly decisions: string[],
    readonly cells: DecisionCell[],
  ) {
    program.variables.forEach((variable, index) => this.position.set(variable.name, index));
    this.rowsOf = program.variables.map(() => []);
    program.constraints.forEach((row, rowIndex) => {
      for (const term of row.terms) this.rowsOf[this.position.get(term.variable) ?? -1]?.push(rowIndex);
    });
    this.isDecision = program.variables.map(() => false);
    for (const name of decisions) this.isDecision[this.position.get(name) ?? -1] = true;
    this.days = 1 + Math.max(0, ...cells.map((cell) => cell.day));
    this.people = 1 + Math.max(0, ...cells.map((cell) => cell.person));
    this.shifts = 1 + Math.max(0, ...cells.map((cell) => cell.shift));
  }
}

export function improveByNeighbourhoods(engine: Engine, program: IntegerProgram, decisions: string[], incumbent: IntegerSolution, options: NeighbourhoodOptions = {}): NeighbourhoodResult {
  const now = options.now ?? Date.now;
  const started = now();
  const left = () => (options.timeLimitSeconds === undefined ? Number.POSITIVE_INFINITY : options.timeLimitSeconds - (now() - started) / 1000);
  const index = new Index(program, decisions, decisionCells(decisions));
  const random = mulberry32(options.seed ?? 1);
  let best = incumbent;
  let size = Math.min(FIRST_SIZE, decisions.length);
  let steps = 0;
  let improvements = 0;
  const done = () => {
    if (options.steps !== undefined && steps >= options.steps) return true;
    if (left() <= 0.05) return true;
    return options.bound !== undefined && relativeGap(best.objective, options.bound) <= (options.relativeGap ?? 0);
  };
  while (!done()) {
    const free = pickNeighbourhood(index, random, size, steps);
    steps += 1;
    const step = solveNeighbourhood(engine, index, best, free, { nodeLimit: options.nodeLimit ?? 400, timeLimitSeconds: Math.max(0.05, Math.min(STEP_TIME_CAP, left() * STEP_TIME_SHARE, left())) });
    if (step.solution && step.solution.objective < best.objective - 1e-6) {
      best = step.solution;
      improvements += 1;
      options.onImprove?.(best.objective);
    }
    // A sub-problem proven optimal had room to spare: the next one may be larger.
    size = step.proven ? Math.min(MAX_SIZE, decisions.length, Math.ceil(size * GROW)) : Math.max(MIN_SIZE, Math.floor(size * SHRINK));
  }
  return { solution: best, steps, improvements };
}

// ---------------------------------------------------------------------------------------------
// Neighbourhoods

type Kind = 'people-days' | 'days' | 'shift';
const KINDS: Kind[] = ['people-days', 'people-days', 'days', 'shift'];

/** Decision positions freed: about `size` of them, of the kind this step's turn gives. */
export function pickNeighbourhood(index: Index, random: () => number, size: number, step: number): Set<number> {
  const kind = KINDS[step % KINDS.length] as Kind;
  const pick = (count: number) => Math.floor(random() * count);
  const perDay = Math.max(1, index.cells.length / index.days);
  const freeWhere = (inside: (cell: DecisionCell) => boolean) => {
    const free = new Set<number>();
    index.cells.forEach((cell, at) => {
      if (inside(cell)) free.add(index.position.get(index.decisions[at] as string) as number);
    });
    return free;
  };
  if (kind === 'days') {
    const length = Math.max(1, Math.min(index.days, Math.round(size / perDay)));
    const first = pick(index.days - length + 1);
    return freeWhere((cell) => cell.day >= first && cell.day < first + length);
  }
  if (kind === 'shift') {
    const shift = pick(index.shifts);
    const length = Math.max(1, Math.min(index.days, Math.round((size * index.shifts) / perDay)));
    const first = pick(index.days - length + 1);
    return freeWhere((cell) => cell.shift === shift && cell.day >= first && cell.day < first + length);
  }
  // Some people over a window of a week or more, people added until the size is reached.
  const length = Math.min(index.days, 7 + pick(Math.max(1, index.days - 6)));
  const first = pick(index.days - length + 1);
  const perPerson = Math.max(1, (perDay / index.people) * length);
  const wanted = Math.max(2, Math.min(index.people, Math.round(size / perPerson)));
  const people = new Set<number>();
  while (people.size < wanted) people.add(pick(index.people));
  return freeWhere((cell) => people.has(cell.person) && cell.day >= first && cell.day < first + length);
}

// ---------------------------------------------------------------------------------------------
// One step

interface Step {
  solution: IntegerSolution | null;
  /** The sub-problem was solved to optimality (not stopped by its node or time limit). */
  proven: boolean;
}

/**
 * The program with every variable outside the neighbourhood at its incumbent value, solved from the
 * incumbent. Besides the freed decisions, every variable that follows from decisions (runs, cover,
 * overtime, fairness) and shares a row with a freed one is freed too, transitively through such
 * variables, so that what follows can follow; everything else is a constant moved into the bounds.
 */
export function solveNeighbourhood(engine: Engine, index: Index, incumbent: IntegerSolution, freeDecisions: Set<number>, limits: { nodeLimit: number; timeLimitSeconds: number }): Step {
  const { program } = index;
  const free = new Set(freeDecisions);
  const queue = [...freeDecisions];
  const rows = new Set<number>();
  while (queue.length > 0) {
    const at = queue.pop() as number;
    for (const rowIndex of index.rowsOf[at] ?? []) {
      if (rows.has(rowIndex)) continue;
      rows.add(rowIndex);
      for (const term of (program.constraints[rowIndex] as ProgramConstraint).terms) {
        const other = index.position.get(term.variable) as number;
        if (free.has(other) || index.isDecision[other]) continue;
        free.add(other);
        queue.push(other);
      }
    }
  }
  const value = (name: string) => incumbent.values[name] ?? 0;
  let offset = program.offset ?? 0;
  program.variables.forEach((variable, at) => {
    if (!free.has(at)) offset += variable.cost * value(variable.name);
  });
  const variables: ProgramVariable[] = [...free].sort((a, b) => a - b).map((at) => program.variables[at] as ProgramVariable);
  const constraints: ProgramConstraint[] = [...rows].sort((a, b) => a - b).map((rowIndex) => {
    const row = program.constraints[rowIndex] as ProgramConstraint;
    let constant = 0;
    const terms = row.terms.filter((term) => {
      if (free.has(index.position.get(term.variable) as number)) return true;
      constant += term.coefficient * value(term.variable);
      return false;
    });
    return { name: row.name, terms, ...(row.min === undefined ? {} : { min: row.min - constant }), ...(row.max === undefined ? {} : { max: row.max - constant }) };
  });
  const start: Record<string, number> = {};
  for (const variable of variables) start[variable.name] = value(variable.name);
  const sub: IntegerProgram = { sense: 'min', variables, constraints, offset };
  try {
    const solved = engine.solve(sub, { start, nodeLimit: limits.nodeLimit, timeLimitSeconds: limits.timeLimitSeconds });
    if (solved.status !== 'optimal' && solved.status !== 'stopped') return { solution: null, proven: false };
    const values = { ...incumbent.values, ...solved.values };
    return { solution: { ...incumbent, status: 'stopped', objective: solved.objective, values }, proven: solved.status === 'optimal' };
  } catch (error) {
    if (isSolveStopped(error)) return { solution: null, proven: false };
    throw error;
  }
}

export type { Index as NeighbourhoodIndex };
export function indexProgram(program: IntegerProgram, decisions: string[]): Index {
  return new Index(program, decisions, decisionCells(decisions));
}
