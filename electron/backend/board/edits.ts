/**
 * Every change to a roster from the board goes through `applyBoardOps`: a lead's edit, undo and
 * redo from the board's history, an accepted repair or re-optimisation. It refuses what the hall
 * must not see (history rewritten, a cell changed under the lead's eyes, a new hard-rule breach
 * nobody accepted in writing) and otherwise writes the cells, the change row, the accepted
 * breaches, the absence and an audit row, and keeps the roster's summary figures true.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { AbsenceKind } from '../../contract/areas/board.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import {
  insertAbsence,
  insertChange,
  insertOverrides,
  newestChangeOfCell,
  updateRosterFigures,
  writeCell,
  type BoardMoveRecord,
} from '../../../data/repositories/board.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { explainGaps } from '../../../solver/roster/reasons.ts';
import type { Breach } from '../../../solver/roster/types.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { gapRecordsOf } from '../roster/service.ts';
import { breachKey, loadBoardState, withAbsences, type BoardState } from './board-state.ts';
import { refuseReplacedCells } from './replaced.ts';
import { breachText, namesOf } from './breach-text.ts';
import { applyOps, isStale, newBreaches, windowIdOf, type AppliedOps, type ParsedBoardOp, type StaleCell } from './live-check.ts';

export type { ParsedBoardOp } from './live-check.ts';
export { boardView } from './board-view.ts';

export interface ApplyOpsRequest {
  rosterId: number;
  ops: ParsedBoardOp[];
  kind: 'edit' | 'undo' | 'redo' | 'repair' | 'reoptimise';
  reason?: string;
  overrideReason?: string;
  /** Recorded (as unavailability) BEFORE the ops are checked: a repair's absence. */
  absence?: { staffId: number; date: string; shiftCode: string | null; kind: AbsenceKind; note: string };
}

/**
 * Run inside a transaction. Refuses (AppFailure) stale expectedPostId/expectedWindowId ('conflict', naming who
 * changed the cell and when), history/superseded/unknown cells ('invalid_argument'), and new
 * hard-rule breaches without overrideReason ('conflict', breaches listed). Writes the
 * assignments, the overrides, the absence, the change row (after_publication when published),
 * an audit row, and refreshes the roster's stored unmet/resilience figures. Returns the change id.
 */
export async function applyBoardOps(tx: Queryable, ctx: BackendContext, request: ApplyOpsRequest): Promise<number> {
  const loaded = await loadBoardState(tx, request.rosterId);
  const today = todayOf(ctx.clock);
  refuseUneditable(loaded, request, today);
  await refuseReplacedCells(tx, loaded, request.ops);
  const state: BoardState = request.absence ? { ...loaded, scenario: withAbsences(loaded.scenario, [request.absence]) } : loaded;
  const applied = await appliedOrStaleNamed(tx, state, request.ops);
  const breaches = newBreaches(state, applied);
  if (breaches.length > 0 && request.overrideReason === undefined) throw breachFailure(state, breaches);
  if (applied.changes.length === 0 && !request.absence) return state.lastChangeId;

  const at = ctx.clock.now().toISOString();
  const moves = movesOf(state, applied);
  for (const change of applied.changes) {
    await writeCell(tx, request.rosterId, { staffId: Number(change.staff), date: change.date, shiftCode: change.shift }, change.to ? Number(change.to.post) : null, change.to?.learner === true, windowIdOf(change.to));
  }
  const changeId = await insertChange(tx, {
    rosterId: request.rosterId,
    at,
    actor: ctx.actor,
    kind: request.kind,
    reason: request.reason ?? null,
    overrideReason: breaches.length > 0 ? (request.overrideReason ?? null) : null,
    afterPublication: state.record.status === 'published',
    moves,
  });
  if (breaches.length > 0 && request.overrideReason !== undefined) {
    const names = namesOf(state.scenario);
    await insertOverrides(
      tx,
      request.rosterId,
      changeId,
      { reason: request.overrideReason, at, actor: ctx.actor },
      breaches.map((breach) => {
        const text = breachText(breach, names);
        return { breachKey: breachKey(breach), rule: breach.rule, message: `${text.zh} / ${text.en}` };
      }),
    );
  }
  if (request.absence) await insertAbsence(tx, request.rosterId, request.absence, { changeId, at, actor: ctx.actor });
  await appendAudit(tx, {
    at,
    actor: ctx.actor,
    entity: 'roster',
    entityId: request.rosterId,
    action: 'change',
    detail: { changeId, kind: request.kind, reason: request.reason ?? null, overrideReason: request.overrideReason ?? null, moves, absence: request.absence ?? null, overridden: breaches.map(breachKey) },
  });
  await refreshSummary(tx, state, applied);
  return changeId;
}

function invalid(zh: string, en: string, field: string): AppFailure {
  return new AppFailure('invalid_argument', `${zh} / ${en}`, { [field]: 'out_of_range' });
}

/** Superseded rosters are history; days before today happened; every cell must name what the roster knows. */
export function refuseUneditable(state: BoardState, request: Pick<ApplyOpsRequest, 'ops' | 'absence'>, today: string): void {
  const { record, scenario } = state;
  if (record.status === 'superseded') {
    throw new AppFailure('invalid_argument', `排班 #${record.id} 已被替换，只能查看。 / Roster #${record.id} has been superseded: it is history and read only.`, { rosterId: 'invalid_value' });
  }
  const shifts = new Set(scenario.shifts.map((s) => s.id));
  const posts = new Set(scenario.posts.map((p) => p.id));
  const people = new Set(scenario.staff.map((p) => p.id));
  const cells = [...request.ops.map((op, index) => ({ ...op, path: `ops.${index}` })), ...(request.absence ? [{ ...request.absence, postId: null, path: 'absence' }] : [])];
  for (const cell of cells) {
    if (cell.date < record.from || cell.date > record.to) {
      throw invalid(`${cell.date} 不在排班 ${record.from}–${record.to} 之内。`, `${cell.date} is outside the roster's ${record.from}–${record.to}.`, `${cell.path}.date`);
    }
    if (cell.date < today) throw invalid(`${cell.date} 已经过去，不能修改。`, `${cell.date} is in the past: history cannot be changed.`, `${cell.path}.date`);
    if (cell.shiftCode !== null && !shifts.has(cell.shiftCode)) {
      throw invalid(`班次 ${cell.shiftCode} 不在该排班中。`, `Shift ${cell.shiftCode} is not part of this roster.`, `${cell.path}.shiftCode`);
    }
    if (cell.postId !== null && !posts.has(String(cell.postId))) {
      throw invalid(`岗位 #${cell.postId} 不在该排班的区域中。`, `Post #${cell.postId} is not rostered here.`, `${cell.path}.postId`);
    }
    if (!people.has(String(cell.staffId))) {
      throw invalid(`人员 #${cell.staffId} 不在该排班的人员中。`, `Staff #${cell.staffId} is not among this roster's people.`, `${cell.path}.staffId`);
    }
  }
}

export async function appliedOrStaleNamed(tx: Queryable, state: BoardState, ops: readonly ParsedBoardOp[]): Promise<AppliedOps> {
  const result = applyOps(state.assignments, ops);
  if (isStale(result)) throw await staleFailure(tx, state, result);
  return result;
}

async function staleFailure(tx: Queryable, state: BoardState, { op }: StaleCell): Promise<AppFailure> {
  const cell = { staffId: op.staffId, date: op.date, shiftCode: op.shiftCode };
  const newest = await newestChangeOfCell(tx, state.record.id, cell);
  const names = namesOf(state.scenario);
  const what = `${names.person(String(op.staffId))} ${op.date} ${names.shift(op.shiftCode)}`;
  const by = newest ? { zh: `已被 ${newest.actor} 于 ${newest.at} 修改`, en: `was changed by ${newest.actor} at ${newest.at}` } : { zh: '已被修改', en: 'has changed' };
  return new AppFailure('conflict', `该格（${what}）${by.zh}，请刷新后再改。 / This cell (${what}) ${by.en}; reload and try again.`, {
    expectedPostId: 'invalid_value',
    ...(op.expectedWindowId === undefined ? {} : { expectedWindowId: 'invalid_value' }),
  });
}

/** Every new breach in both languages, so the lead sees what an override would accept. */
export function breachFailure(state: BoardState, breaches: readonly Breach[]): AppFailure {
  const names = namesOf(state.scenario);
  const texts = breaches.map((breach) => breachText(breach, names));
  return new AppFailure(
    'conflict',
    `此修改违反 ${breaches.length} 条硬性规则：${texts.map((t) => t.zh).join('；')}。需填写理由才能保存。 / This edit breaks ${breaches.length} hard rule(s): ${texts.map((t) => t.en).join('; ')}. Give a reason to save it anyway.`,
    { overrideReason: 'required' },
  );
}

function movesOf(state: BoardState, applied: AppliedOps): BoardMoveRecord[] {
  const names = namesOf(state.scenario);
  return applied.changes.map((change) => ({
    staffId: Number(change.staff),
    staffName: names.person(change.staff),
    date: change.date,
    shiftCode: change.shift,
    fromPostId: change.from ? Number(change.from.post) : null,
    toPostId: change.to ? Number(change.to.post) : null,
    fromWindowId: windowIdOf(change.from),
    toWindowId: windowIdOf(change.to),
    learner: (change.to ?? change.from)?.learner === true,
  }));
}

/** The roster list and the draft view read these: unmet staff-shifts, the N-1 share and the gaps. */
async function refreshSummary(tx: Queryable, state: BoardState, applied: AppliedOps): Promise<void> {
  const report = checkRoster(state.scenario, applied.assignments);
  const gaps = gapRecordsOf(explainGaps(state.scenario, applied.assignments));
  await updateRosterFigures(tx, state.record.id, { unmet: report.soft.unmetStaffShifts, resilience: report.soft.resilienceShare, gaps });
}
