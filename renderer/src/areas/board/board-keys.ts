/**
 * The board's keys, as a lead uses them in the hall: Enter or F2 opens the cell's editor,
 * Delete/Backspace takes the duty off, P pins, Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo.
 * Arrows stay ag-grid's own.
 */
export type GridKey = 'edit' | 'clear' | 'pin' | 'undo' | 'redo';

/** Where a grid should put its focus next (after an editor closes, or the view switches). */
export interface FocusRequest {
  rowIndex: number;
  colId: string;
  /** A new request for the same cell still moves focus back there. */
  seq: number;
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function boardKeyOf(event: KeyLike | null | undefined): GridKey | null {
  if (!event || event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (command) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    return null;
  }
  if (key === 'Enter' || key === 'F2') return 'edit';
  if (key === 'Delete' || key === 'Backspace') return 'clear';
  if (key === 'p' && !event.shiftKey) return 'pin';
  return null;
}

/** Keeps ag-grid from acting on the board's own keys (Enter would otherwise move down a row). */
export function suppressBoardKeys(params: { event: KeyLike }): boolean {
  return boardKeyOf(params.event) !== null;
}
