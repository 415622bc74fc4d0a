import type { PlannerInput, PlannerResult } from './types.ts';

/** Placeholder until the planner lands; see solver/training/types.ts for the contract. */
export function planCrossTraining(input: PlannerInput): PlannerResult {
  void input;
  throw new Error('planCrossTraining is not implemented yet');
}
