/**
 * The board's undo and redo: a pure stack of applied edits. Each entry keeps, per cell, the duty
 * before and after, so undo sends the inverse ops (expecting what the edit left) and redo the
 * original ops again (expecting what undo restored). A new edit clears what could be redone.
 */
import type { BoardOp } from '../../../../electron/contract/areas/board.ts';

/**
 * One person's duty on one shift: the post, the window (seat) and whether as a learner; null = off.
 * `windowGuessed`: the board showed the window as a guess (a roster made before seats were kept), so
 * an op expecting this duty expects no stored window.
 */
export interface CellDuty {
  postId: number;
  windowId: number | null;
  learner: boolean;
  windowGuessed?: boolean;
}

/** The window an op expects of a cell: the stored one, none for a guessed seat or an empty cell. */
export function expectedWindowOf(duty: CellDuty | null): number | null {
  return duty && !duty.windowGuessed ? duty.windowId : null;
}

export interface CellChange {
  staffId: number;
  date: string;
  shiftCode: string;
  before: CellDuty | null;
  after: CellDuty | null;
}

export interface HistoryEntry {
  changes: CellChange[];
  /** Kept so that redoing an edit the lead accepted with a breach does not ask again. */
  overrideReason?: string;
}

export interface BoardHistory {
  done: HistoryEntry[];
  undone: HistoryEntry[];
}

export const emptyHistory: BoardHistory = { done: [], undone: [] };

/** How many edits the board remembers: enough for a shift, small enough to stay cheap. */
const LIMIT = 100;

export function recordEdit(history: BoardHistory, entry: HistoryEntry): BoardHistory {
  return { done: [...history.done, entry].slice(-LIMIT), undone: [] };
}

export function canUndo(history: BoardHistory): boolean {
  return history.done.length > 0;
}

export function canRedo(history: BoardHistory): boolean {
  return history.undone.length > 0;
}

function op(change: CellChange, to: CellDuty | null, expected: CellDuty | null): BoardOp {
  return {
    staffId: change.staffId,
    date: change.date,
    shiftCode: change.shiftCode,
    postId: to?.postId ?? null,
    windowId: to?.windowId ?? null,
    learner: to?.learner ?? false,
    expectedPostId: expected?.postId ?? null,
    expectedWindowId: expectedWindowOf(expected),
  };
}

/** The ops that put every cell of the entry back as it was, newest change first. */
export function undoOps(entry: HistoryEntry): BoardOp[] {
  return [...entry.changes].reverse().map((change) => op(change, change.before, change.after));
}

export function redoOps(entry: HistoryEntry): BoardOp[] {
  return entry.changes.map((change) => op(change, change.after, change.before));
}

/** The history once the newest edit has been undone on the backend. */
export function afterUndo(history: BoardHistory): BoardHistory {
  const entry = history.done.at(-1);
  return entry ? { done: history.done.slice(0, -1), undone: [...history.undone, entry] } : history;
}

export function afterRedo(history: BoardHistory): BoardHistory {
  const entry = history.undone.at(-1);
  return entry ? { done: [...history.done, entry], undone: history.undone.slice(0, -1) } : history;
}

/** The changes an edit's ops make, given what each cell held before it (as the board showed it). */
export function changesOf(ops: readonly BoardOp[], dutyBefore: (staffId: number, date: string, shiftCode: string) => CellDuty | null): CellChange[] {
  return ops.map((o) => ({
    staffId: o.staffId,
    date: o.date,
    shiftCode: o.shiftCode,
    before: dutyBefore(o.staffId, o.date, o.shiftCode),
    after: o.postId === null ? null : { postId: o.postId, windowId: o.windowId ?? null, learner: o.learner ?? false },
  }));
}
