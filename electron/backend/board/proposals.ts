/**
 * Repair and re-optimise proposals as the board shows them (stored by data/repositories/proposals.ts).
 * A proposal is stale once the roster has moved on since its solve started: applying it would undo
 * someone's work.
 */
import type { BoardProposal } from '../../contract/areas/board.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { lastChangeIdOf } from '../../../data/repositories/board.ts';
import { findProposal, type ProposalRecord } from '../../../data/repositories/proposals.ts';
import { getRoster } from '../../../data/repositories/roster.ts';

export { insertProposal, markProposalApplied, type NewProposalRecord as NewProposal, type ProposalRecord } from '../../../data/repositories/proposals.ts';

export type ProposalAbsence = NonNullable<BoardProposal['absence']>;

export async function getProposal(db: Queryable, proposalId: number): Promise<ProposalRecord> {
  const proposal = await findProposal(db, proposalId);
  if (!proposal) throw new AppFailure('not_found', `没有编号为 ${proposalId} 的调整方案。 / No proposal with id ${proposalId}.`, { proposalId: 'invalid_value' });
  return proposal;
}

/** Why a proposal can no longer be applied, in both languages; null while it still can. */
export async function staleReason(db: Queryable, proposal: ProposalRecord): Promise<string | null> {
  if (proposal.appliedChangeId !== null) return '该方案已经应用过。 / This proposal has already been applied.';
  const roster = await getRoster(db, proposal.rosterId);
  if (!roster || roster.status === 'superseded') return '该排班已被替换，只能查看。 / The roster has been superseded: it is history and read only.';
  if ((await lastChangeIdOf(db, proposal.rosterId)) !== proposal.basedOnChangeId) {
    return '方案生成后排班又有改动，请重新生成。 / The roster has changed since this proposal was made: make a new one.';
  }
  return null;
}

export function proposalView(proposal: ProposalRecord, stale: boolean): BoardProposal {
  return {
    id: proposal.id,
    rosterId: proposal.rosterId,
    kind: proposal.kind,
    createdAt: proposal.createdAt,
    absence: proposal.absence,
    moves: proposal.moves,
    before: proposal.stats.before,
    after: proposal.stats.after,
    solveStatus: proposal.stats.solveStatus,
    gap: proposal.stats.gap,
    stale,
  };
}
