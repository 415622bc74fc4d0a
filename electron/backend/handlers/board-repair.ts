import type { BackendContext } from '../context.ts';
import type { RosterJobs } from '../roster/jobs.ts';
import { AppFailure } from '../../contract/errors.ts';

const notYet = async (): Promise<never> => {
  throw new AppFailure('internal', 'not built yet');
};

/** Same-day repairs and re-optimising: solves in the roster worker that end in a proposal to apply. */
export function boardRepairHandlers(_ctx: BackendContext, _jobs: RosterJobs) {
  return {
    'board/repairStart': notYet,
    'board/reoptimiseStart': notYet,
    'board/proposal': notYet,
    'board/applyProposal': notYet,
  };
}
