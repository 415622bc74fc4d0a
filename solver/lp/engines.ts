/**
 * Which engine solves a program. javascript-lp-solver stays where its size fits (it answered in
 * 0.15 s at ~900 binaries but never returned at ~1,700 in the measurement, and its timeout
 * is not a hard limit); anything larger goes to HiGHS.
 */
import { solveIntegerProgram } from './js-lp-solver.ts';
import type { Engine, IntegerProgram } from './types.ts';

/** Integer variables up to which javascript-lp-solver is trusted to answer promptly. */
export const SMALL_PROGRAM_INTEGERS = 800;

export const jsLpSolverEngine: Engine = {
  name: 'javascript-lp-solver',
  solve: (program) => solveIntegerProgram(program),
};

export function integerCount(program: IntegerProgram): number {
  return program.variables.filter((variable) => variable.kind !== 'continuous').length;
}

/**
 * The engine for a program; HiGHS must have been loaded by the caller (it is WebAssembly). A model
 * family whose programs are harder per variable than a covering program passes a smaller limit.
 */
export function chooseEngine(program: IntegerProgram, highs: Engine | null, smallIntegers = SMALL_PROGRAM_INTEGERS): Engine {
  const integers = integerCount(program);
  if (integers <= smallIntegers) return jsLpSolverEngine;
  if (!highs) throw new Error(`a program of ${integers} integer variables needs HiGHS: load it with loadHighsEngine() first`);
  return highs;
}
