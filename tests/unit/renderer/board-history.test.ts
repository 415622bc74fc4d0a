import { describe, expect, it } from 'vitest';
import {
  afterRedo,
  afterUndo,
  canRedo,
  canUndo,
  changesOf,
  emptyHistory,
  recordEdit,
  redoOps,
  undoOps,
  type HistoryEntry,
} from '../../../renderer/src/areas/board/history.ts';

const MONDAY = '2026-11-23';
// 张三 (7) moves from window 30 of post 3 to window 50 of post 5 on Monday morning; 李四 (8) goes on
// duty at post 3 as a learner (no window of their own).
const entry: HistoryEntry = {
  changes: [
    { staffId: 7, date: MONDAY, shiftCode: 'AM', before: { postId: 3, windowId: 30, learner: false }, after: { postId: 5, windowId: 50, learner: false } },
    { staffId: 8, date: MONDAY, shiftCode: 'AM', before: null, after: { postId: 3, windowId: null, learner: true } },
  ],
};

describe('board history', () => {
  it('undo sends the inverse ops, newest first, each expecting what the edit left', () => {
    expect(undoOps(entry)).toEqual([
      { staffId: 8, date: MONDAY, shiftCode: 'AM', postId: null, windowId: null, learner: false, expectedPostId: 3, expectedWindowId: null },
      { staffId: 7, date: MONDAY, shiftCode: 'AM', postId: 3, windowId: 30, learner: false, expectedPostId: 5, expectedWindowId: 50 },
    ]);
  });

  it('redo sends the original ops again, each expecting what undo restored', () => {
    expect(redoOps(entry)).toEqual([
      { staffId: 7, date: MONDAY, shiftCode: 'AM', postId: 5, windowId: 50, learner: false, expectedPostId: 3, expectedWindowId: 30 },
      { staffId: 8, date: MONDAY, shiftCode: 'AM', postId: 3, windowId: null, learner: true, expectedPostId: null, expectedWindowId: null },
    ]);
  });

  it('a window the board only guessed (a roster from before seats) is expected as none, and undo seats the person there', () => {
    const guessed: HistoryEntry = { changes: [{ staffId: 7, date: MONDAY, shiftCode: 'AM', before: { postId: 3, windowId: 30, learner: false, windowGuessed: true }, after: { postId: 3, windowId: 31, learner: false } }] };
    expect(redoOps(guessed)).toEqual([{ staffId: 7, date: MONDAY, shiftCode: 'AM', postId: 3, windowId: 31, learner: false, expectedPostId: 3, expectedWindowId: null }]);
    expect(undoOps(guessed)).toEqual([{ staffId: 7, date: MONDAY, shiftCode: 'AM', postId: 3, windowId: 30, learner: false, expectedPostId: 3, expectedWindowId: 31 }]);
  });

  it('moves an edit from done to undone and back', () => {
    const edited = recordEdit(emptyHistory, entry);
    expect(canUndo(edited)).toBe(true);
    expect(canRedo(edited)).toBe(false);
    const undone = afterUndo(edited);
    expect(undone).toEqual({ done: [], undone: [entry] });
    expect(canRedo(undone)).toBe(true);
    expect(afterRedo(undone)).toEqual({ done: [entry], undone: [] });
  });

  it('a new edit clears what could be redone', () => {
    const undone = afterUndo(recordEdit(emptyHistory, entry));
    const other: HistoryEntry = { changes: [{ staffId: 9, date: MONDAY, shiftCode: 'PM', before: null, after: { postId: 2, windowId: 20, learner: false } }] };
    expect(recordEdit(undone, other)).toEqual({ done: [other], undone: [] });
  });

  it('undo and redo with nothing to move leave the history as it is', () => {
    expect(afterUndo(emptyHistory)).toBe(emptyHistory);
    expect(afterRedo(emptyHistory)).toBe(emptyHistory);
  });

  it('keeps the last hundred edits', () => {
    let history = emptyHistory;
    for (let n = 0; n < 120; n += 1) history = recordEdit(history, { changes: [{ staffId: n, date: MONDAY, shiftCode: 'AM', before: null, after: null }] });
    expect(history.done).toHaveLength(100);
    expect(history.done[0]?.changes[0]?.staffId).toBe(20);
  });

  it('reads each cell’s duty before the edit from the board, learner flag and window included', () => {
    const before = (staffId: number) => (staffId === 7 ? { postId: 3, windowId: null, learner: true } : null);
    expect(changesOf([{ staffId: 7, date: MONDAY, shiftCode: 'AM', postId: null, expectedPostId: 3 }, { staffId: 8, date: MONDAY, shiftCode: 'AM', postId: 4, windowId: 40, expectedPostId: null }], before)).toEqual([
      { staffId: 7, date: MONDAY, shiftCode: 'AM', before: { postId: 3, windowId: null, learner: true }, after: null },
      { staffId: 8, date: MONDAY, shiftCode: 'AM', before: null, after: { postId: 4, windowId: 40, learner: false } },
    ]);
  });
});
