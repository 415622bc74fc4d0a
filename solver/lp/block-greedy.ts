/**
 * A first solution for a program made of independent blocks (IntegerProgram.blocks: a roster's
 * people) joined by linking rows (cover, backup, mentors), one block at a time: each block solves
 * its own rows and the linking rows it touches, with the blocks already decided as constants and
 * the ones still to come as zero. A greedy — the first blocks take the best of what is needed, the
 * later ones fill what is left, and then each block is redone with all the others decided, a pass
 * or two while time allows — but each step is a small program, and the result keeps every rule
 * that lives inside a block whenever each block can keep them alone. Where rounding the relaxation
 * finds nothing (tight runs, totals and weekends), this still gives the full search a start and a
 * time limit something to return.
 */
import { isSolveStopped, type Engine, type IntegerProgram, type IntegerSolution, type ProgramConstraint, type ProgramVariable, type SolveOptions } from './types.ts';

export function solveBlockByBlock(engine: Engine, program: IntegerProgram, options: SolveOptions, now: () => number, improvingPasses = IMPROVING_PASSES): IntegerSolution | null {
  const blocks = program.blocks ?? [];
  if (blocks.length === 0) return null;
  const started = now();
  const left = () => (options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - (now() - started) / 1000) });
  const blockOf = new Map<string, number>();
  blocks.forEach((names, index) => names.forEach((name) => blockOf.set(name, index)));
  const touching = rowsTouchingEachBlock(program.constraints, blockOf, blocks.length);
  const byName = new Map(program.variables.map((variable) => [variable.name, variable]));
  const outOfTime = () => options.timeLimitSeconds !== undefined && (now() - started) / 1000 > options.timeLimitSeconds;
  const decided: Record<string, number> = {};
  // The greedy pass, then passes that redo each block with all the others decided, while time allows.
  for (let pass = 0; pass <= improvingPasses; pass += 1) {
    for (const [index, names] of blocks.entries()) {
      if (outOfTime()) return pass === 0 ? null : tryToSolve(engine, fixIntegers(program, blockOf, decided), left());
      const solution = tryToSolve(engine, blockStep(byName, names, touching[index] ?? [], blockOf, decided, index), left());
      if (!solution) return null;
      for (const name of names) decided[name] = solution.values[name] ?? 0;
    }
  }
  return tryToSolve(engine, fixIntegers(program, blockOf, decided), left());
}

/** Passes after the greedy one; each redoes every block given all the others. */
const IMPROVING_PASSES = 2;

/** Per block, the rows with any of its variables: its own and the linking rows it takes part in. */
function rowsTouchingEachBlock(constraints: ProgramConstraint[], blockOf: Map<string, number>, count: number): ProgramConstraint[][] {
  const rows: ProgramConstraint[][] = Array.from({ length: count }, () => []);
  for (const row of constraints) {
    const touched = new Set<number>();
    for (const term of row.terms) {
      const block = blockOf.get(term.variable);
      if (block !== undefined) touched.add(block);
    }
    for (const block of touched) rows[block]?.push(row);
  }
  return rows;
}

/**
 * One block's program: its variables, the linking variables of its rows, and those rows with every
 * other block's variables moved to the bounds as constants (decided values, or 0 for blocks to come).
 */
function blockStep(
  byName: Map<string, ProgramVariable>,
  names: string[],
  rows: ProgramConstraint[],
  blockOf: Map<string, number>,
  decided: Record<string, number>,
  index: number,
): IntegerProgram {
  const included = new Set(names);
  const constraints: ProgramConstraint[] = rows.map((row) => {
    let constant = 0;
    const terms = row.terms.filter((term) => {
      const block = blockOf.get(term.variable);
      if (block === undefined || block === index) {
        included.add(term.variable);
        return true;
      }
      constant += term.coefficient * (decided[term.variable] ?? 0);
      return false;
    });
    return { name: row.name, terms, ...(row.min === undefined ? {} : { min: row.min - constant }), ...(row.max === undefined ? {} : { max: row.max - constant }) };
  });
  const variables = [...included].map((name) => {
    const variable = byName.get(name);
    if (!variable) throw new Error(`block ${index} names an unknown variable ${name}`);
    return variable;
  });
  return { sense: 'min', variables, constraints };
}

function fixIntegers(program: IntegerProgram, blockOf: Map<string, number>, values: Record<string, number>): IntegerProgram {
  return {
    ...program,
    variables: program.variables.map((variable) => {
      if (variable.kind === 'continuous' || !blockOf.has(variable.name)) return variable;
      const value = Math.round(values[variable.name] ?? 0);
      return { ...variable, lower: value, upper: value };
    }),
  };
}

function tryToSolve(engine: Engine, program: IntegerProgram, options: SolveOptions): IntegerSolution | null {
  try {
    const solution = engine.solve(program, options);
    return solution.status === 'optimal' || solution.status === 'stopped' ? solution : null;
  } catch (error) {
    // Out of time on this block: the caller gives up building block by block. A bug is not that.
    if (isSolveStopped(error)) return null;
    throw error;
  }
}
