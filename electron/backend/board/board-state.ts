/**
 * A roster as the board works on it: the stored scenario with the absences marked in the hall folded
 * in as unavailability (so the checker sees them like leave), the assignments as they stand, pins,
 * accepted breaches and the newest change. Edits, checks, repairs and the board view all start here.
 *
 * Parsing a week's scenario of 300 people and preparing it for the checker costs more than the live
 * check itself, so a `BoardStateCache` keeps the parsed state per roster until its newest change or
 * its absences move on.
 */
import { createHash } from 'node:crypto';
import { AppFailure } from '../../contract/errors.ts';
import type { Queryable } from '../../../data/connection.ts';
import {
  lastChangeIdOf,
  listAbsences,
  listAssignments,
  listOverrides,
  listPinnedCells,
  type AbsenceKindRecord,
  type AbsenceRecord,
  type AssignmentRecord,
} from '../../../data/repositories/board.ts';
import { getRoster, getRosterScenario, type RosterRecord } from '../../../data/repositories/roster.ts';
import { prepareScenario, type PreparedScenario } from '../../../solver/roster/prepare.ts';
import type { Assignment, Breach, Scenario } from '../../../solver/roster/types.ts';

export interface BoardState {
  record: RosterRecord;
  /** The stored scenario plus the absences marked on the board, as unavailability. */
  scenario: Scenario;
  /** Solver form (string ids): the roster as it stands. */
  assignments: Assignment[];
  /** cellKey(staff, date, shift) of pinned cells. */
  pinned: Set<string>;
  /** Breach keys accepted by a lead with a written reason. */
  overrides: Map<string, { reason: string; at: string; actor: string }>;
  /** 0 when none. */
  lastChangeId: number;
}

export function cellKey(staff: string, date: string, shift: string): string {
  return `${staff}|${date}|${shift}`;
}

/** rule|staff|date|shift|post: the same breach keeps its key while it lasts, so its override stays. */
export function breachKey(breach: Breach): string {
  return [breach.rule, breach.staff ?? '', breach.date ?? '', breach.shift ?? '', breach.post ?? ''].join('|');
}

export const ABSENCE_LABELS: Readonly<Record<AbsenceKindRecord, { zh: string; en: string }>> = {
  sick: { zh: '病假', en: 'Sick' },
  personal: { zh: '事假', en: 'Personal leave' },
  other: { zh: '其他', en: 'Other' },
};

/** The parsed, slow-to-make part of a state, valid while `signature` matches the database. */
interface CachedState {
  signature: string;
  record: RosterRecord;
  scenario: Scenario;
  assignments: Assignment[];
}

/** Parsed rosters kept between calls of one backend; bounded so a long session cannot grow it forever. */
export class BoardStateCache {
  private readonly entries = new Map<number, CachedState>();
  constructor(private readonly capacity = 8) {}

  get(rosterId: number, signature: string): CachedState | undefined {
    const entry = this.entries.get(rosterId);
    return entry?.signature === signature ? entry : undefined;
  }

  put(rosterId: number, entry: CachedState): void {
    this.entries.delete(rosterId);
    this.entries.set(rosterId, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
  }
}

const preparedScenarios = new WeakMap<Scenario, PreparedScenario>();

/** The checker's resolved view of a state's scenario, made once per scenario object. */
export function preparedOf(scenario: Scenario): PreparedScenario {
  let prepared = preparedScenarios.get(scenario);
  if (!prepared) {
    prepared = prepareScenario(scenario);
    preparedScenarios.set(scenario, prepared);
  }
  return prepared;
}

export async function loadBoardState(db: Queryable, rosterId: number, cache?: BoardStateCache): Promise<BoardState> {
  const record = await getRoster(db, rosterId);
  if (!record) throw new AppFailure('not_found', `没有编号为 ${rosterId} 的排班。 / No roster with id ${rosterId}.`, { rosterId: 'invalid_value' });
  const lastChangeId = await lastChangeIdOf(db, rosterId);
  const absences = await listAbsences(db, rosterId);
  // The creation time and a digest of the cells guard against an id reused (a discarded draft, a
  // restored file) and against writes that bypassed the change log. The digest is over the ordered
  // duties, so two people swapping posts changes it (a sum of per-column terms would not).
  const duties = await listAssignments(db, rosterId);
  const signature = `${record.createdAt}|${record.status}|${lastChangeId}|${duties.length}|${dutiesDigest(duties)}|${absences.map((a) => a.id).join(',')}`;
  let parsed = cache?.get(rosterId, signature);
  if (!parsed) {
    // Written by this backend from a validated scenario, never by a user: read back as it was saved.
    const stored = (await getRosterScenario(db, rosterId)) as Scenario;
    parsed = { signature, record, scenario: withAbsences(stored, absences), assignments: duties.map(toAssignment) };
    cache?.put(rosterId, parsed);
  }
  const pinned = new Set((await listPinnedCells(db, rosterId)).map((cell) => cellKey(String(cell.staffId), cell.date, cell.shiftCode)));
  const overrides = new Map((await listOverrides(db, rosterId)).map((o) => [o.breachKey, { reason: o.reason, at: o.at, actor: o.actor }]));
  // Assignments are copied: callers apply ops to their state, and the cached one must stay as stored.
  return { record, scenario: parsed.scenario, assignments: parsed.assignments.slice(), pinned, overrides, lastChangeId };
}

function toAssignment(row: AssignmentRecord): Assignment {
  return { staff: String(row.staffId), date: row.date, shift: row.shiftCode, post: String(row.postId), learner: row.learner, ...(row.windowId === null ? {} : { window: String(row.windowId) }) };
}

/** SHA-1 over the ordered duties: cheap (a week of 2,300 duties hashes in well under a millisecond). */
export function dutiesDigest(duties: readonly (Omit<AssignmentRecord, 'windowId'> & { windowId?: number | null })[]): string {
  const hash = createHash('sha1');
  for (const duty of duties) hash.update(`${duty.staffId}|${duty.date}|${duty.shiftCode}|${duty.postId}|${duty.learner ? 1 : 0}|${duty.windowId ?? ''}\n`);
  return hash.digest('base64');
}

/** Absences marked in the hall become the person's unavailability, worded like leave in gap reasons. */
export function withAbsences(scenario: Scenario, absences: readonly Pick<AbsenceRecord, 'staffId' | 'date' | 'shiftCode' | 'kind'>[]): Scenario {
  if (absences.length === 0) return scenario;
  const byStaff = new Map<string, typeof absences>();
  for (const absence of absences) byStaff.set(String(absence.staffId), [...(byStaff.get(String(absence.staffId)) ?? []), absence]);
  return {
    ...scenario,
    staff: scenario.staff.map((person) => {
      const marked = byStaff.get(person.id);
      if (!marked) return person;
      const added = marked.map((a) => ({ date: a.date, ...(a.shiftCode === null ? {} : { shift: a.shiftCode }), reason: ABSENCE_LABELS[a.kind].zh }));
      return { ...person, unavailable: [...(person.unavailable ?? []), ...added] };
    }),
  };
}
