/**
 * Repair and re-optimise proposals (table roster_proposals, migration 008): what a finished board job
 * saves, read back for the lead to look at, and marked applied once accepted. The moves, the absence
 * and the figures are kept as JSON written by the backend, and read back as they were written.
 */
import type { Queryable } from '../connection.ts';
import { movesFromJson, type AbsenceKindRecord, type BoardMoveRecord } from './board.ts';

export type ProposalKindRecord = 'repair' | 'reoptimise';

export interface ProposalAbsenceRecord {
  staffId: number;
  staffName: string;
  date: string;
  shiftCode: string | null;
  kind: AbsenceKindRecord;
  note: string;
}

export interface ProposalStatsRecord {
  before: { unmet: number; withoutBackup: number };
  after: { unmet: number; withoutBackup: number };
  solveStatus: string;
  gap: number | null;
}

export interface NewProposalRecord {
  rosterId: number;
  kind: ProposalKindRecord;
  createdAt: string;
  basedOnChangeId: number;
  absence: ProposalAbsenceRecord | null;
  moves: BoardMoveRecord[];
  stats: ProposalStatsRecord;
}

export interface ProposalRecord extends NewProposalRecord {
  id: number;
  appliedChangeId: number | null;
}

export async function insertProposal(db: Queryable, proposal: NewProposalRecord): Promise<number> {
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
  kind: ProposalKindRecord;
  createdAt: string;
  basedOnChangeId: number;
  absence: string | null;
  moves: string;
  stats: string;
  appliedChangeId: number | null;
}

export async function findProposal(db: Queryable, proposalId: number): Promise<ProposalRecord | undefined> {
  const row = await db.get<ProposalRow>(
    `SELECT id, roster_id AS rosterId, kind, created_at AS createdAt, based_on_change_id AS basedOnChangeId,
            absence, moves, stats, applied_change_id AS appliedChangeId
     FROM roster_proposals WHERE id = ?`,
    [proposalId],
  );
  if (!row) return undefined;
  return {
    ...row,
    absence: row.absence === null ? null : (JSON.parse(row.absence) as ProposalAbsenceRecord),
    moves: movesFromJson(row.moves),
    stats: JSON.parse(row.stats) as ProposalStatsRecord,
  };
}

export async function markProposalApplied(db: Queryable, proposalId: number, changeId: number): Promise<void> {
  await db.run('UPDATE roster_proposals SET applied_change_id = ? WHERE id = ?', [changeId, proposalId]);
}
