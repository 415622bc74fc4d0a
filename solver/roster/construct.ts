/**
 * A first roster without the LP relaxation: the roster model's people one at a time (block-greedy.ts),
 * each person's own hard rules solved exactly in a small program with the people already placed as
 * constants, then every integer fixed and the rest of the program solved once. Each step is a
 * program of one person's duties, so the time grows with the staff, not with the whole model, and
 * every hard rule holds (a person's rules inside their program, the rules between people — cover,
 * mentors, seats — in the rows each step carries). It is the start of the neighbourhood search
 * where the relaxation-first search ran out of time before it had any solution.
 */
import { solveBlockByBlock } from '../lp/block-greedy.ts';
import type { Engine, IntegerProgram, IntegerSolution } from '../lp/types.ts';

/** One greedy pass (no improving passes): the neighbourhood search improves faster than redoing blocks. */
export function constructFirstSolution(engine: Engine, program: IntegerProgram, timeLimitSeconds: number | undefined, now: () => number = Date.now): IntegerSolution | null {
  return solveBlockByBlock(engine, program, timeLimitSeconds === undefined ? {} : { timeLimitSeconds }, now, 0);
}
