/**
 * Same-day repairs and re-optimising: solves in the roster worker that end in a proposal to apply
 * (electron/backend/board/repair.ts). Jobs are polled and cancelled through 'roster/solveProgress'
 * and 'roster/solveCancel'; a finished one carries `proposalId`.
 */
import type { ChannelArgs } from '../../contract/channels.ts';
import type { BoardResults } from '../../contract/areas/board.ts';
import type { BackendContext } from '../context.ts';
import type { RosterJobs } from '../roster/jobs.ts';
import { applyProposal, proposalOf, startReoptimise, startRepair } from '../board/repair.ts';

export function boardRepairHandlers(ctx: BackendContext, jobs: RosterJobs) {
  return {
    'board/repairStart': (arg: ChannelArgs<'board/repairStart'>): Promise<BoardResults['board/repairStart']> => startRepair(ctx, jobs, arg),

    'board/reoptimiseStart': (arg: ChannelArgs<'board/reoptimiseStart'>): Promise<BoardResults['board/reoptimiseStart']> => startReoptimise(ctx, jobs, arg),

    'board/proposal': ({ proposalId }: ChannelArgs<'board/proposal'>): Promise<BoardResults['board/proposal']> => ctx.session.use((db) => proposalOf(db, proposalId)),

    'board/applyProposal': ({ proposalId, reason }: ChannelArgs<'board/applyProposal'>): Promise<BoardResults['board/applyProposal']> => applyProposal(ctx, proposalId, reason),
  };
}
