/**
 * Repair and re-optimise proposals (table roster_proposals, migration 008): what a finished board job
 * saves, read back for the lead to look at, and marked applied once accepted. A proposal is stale
 * once the roster has moved on since its solve started: applying it would undo someone's work.
 */
import type { BoardCoverageTotals, BoardMove, BoardProposal } from '../../contract/areas/board.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import { lastChangeIdOf } from '../../../data/repositories/board.ts';
import { getRoster } from '../../../data/repositories/roster.ts';

export type ProposalAbsence = NonNullable<BoardProposal['absence']>;

export interface ProposalStats {
  before: BoardCoverageTotals;
  after: BoardCoverageTotals;
  solveStatus: string;
  gap: number | null;
}

export interface NewProposal {
  rosterId: number;
  kind: BoardProposal['kind'];
  createdAt: string;
  basedOnChangeId: number;
  absence: ProposalAbsence | null;
  moves: BoardMove[];
  stats: ProposalStats;
}

export interface ProposalRecord extends NewProposal {
  id: number;
  appliedChangeId: number | null;
}

export async function insertProposal(db: Queryable, proposal: NewProposal): Promise<number> {
  const result = await db.run(
    `INSERT INTO roster_proposals (roster_id, kind, created_at, based_on_change_id, absence, moves, stats)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      proposal.rosterId,
      proposal.kind,
      proposal.createdAt,
      proposal.basedOnChangeId,
      proposal.absence === null ? null : JSON.stringify(proposal.absence),
      JSON.stringify(proposal.moves),
      JSON.stringify(proposal.stats),
    ],
  );
  return result.lastId;
}

interface ProposalRow {
  id: number;
  rosterId: number;
  kind: BoardProposal['kind'];
  createdAt: string;
  basedOnChangeId: number;
  absence: string | null;
  moves: string;
  stats: string;
  appliedChangeId: number | null;
}

export async function getProposal(db: Queryable, proposalId: number): Promise<ProposalRecord> {
  const row = await db.get<ProposalRow>(
    `SELECT id, roster_id AS rosterId, kind, created_at AS createdAt, based_on_change_id AS basedOnChangeId,
            absence, moves, stats, applied_change_id AS appliedChangeId
     FROM roster_proposals WHERE id = ?`,
    [proposalId],
  );
  if (!row) throw new AppFailure('not_found', `没有编号为 ${proposalId} 的调整方案。 / No proposal with id ${proposalId}.`, { proposalId: 'invalid_value' });
  return {
    ...row,
    absence: row.absence === null ? null : (JSON.parse(row.absence) as ProposalAbsence),
    moves: JSON.parse(row.moves) as BoardMove[],
    stats: JSON.parse(row.stats) as ProposalStats,
  };
}

export async function markProposalApplied(db: Queryable, proposalId: number, changeId: number): Promise<void> {
  await db.run('UPDATE roster_proposals SET applied_change_id = ? WHERE id = ?', [changeId, proposalId]);
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
