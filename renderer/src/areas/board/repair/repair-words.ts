/**
 * A proposal's moves in plain words, as a lead reads them out in the hall:
 * "11月23日 上午 王五：休 → 税务收件（顶替 张三）", and where a seat is a window, by its code:
 * "11月23日 张三：A03 上午 → B05 上午". Pure, so the wording is unit-tested.
 */
import type { BoardMove, BoardShift } from '../../../../../electron/contract/areas/board.ts';

export interface MoveNames {
  /** "11月23日 周一". */
  day: (date: string) => string;
  shift: (code: string) => string;
  post: (postId: number) => string;
  /** "休". */
  off: string;
  /** "跟岗". */
  learner: string;
  /** "（顶替 {name}）". */
  cover: (name: string) => string;
  /** A window's code ("A03"): moves naming windows read by window. */
  window?: (windowId: number) => string;
}

/**
 * Who a move stands in for: someone leaving the same post on the same shift who is not going back to
 * it (by window, where the seat is one: the person who left that window). The absent person's own
 * duty is the usual one, but a chain (B covers A, C covers B's old seat) reads right too.
 */
export function coveredBy(move: BoardMove, moves: readonly BoardMove[]): BoardMove | null {
  if (move.toPostId === null || move.learner) return null;
  return (
    moves.find(
      (other) =>
        other.staffId !== move.staffId &&
        other.date === move.date &&
        other.shiftCode === move.shiftCode &&
        other.fromPostId === move.toPostId &&
        (move.toWindowId === null || other.fromWindowId === null || other.fromWindowId === move.toWindowId) &&
        (other.toPostId !== move.toPostId || (move.toWindowId !== null && other.toWindowId !== move.toWindowId)) &&
        // Two people trading windows swap seats; neither stands in for the other.
        !(move.toWindowId !== null && other.toPostId === move.fromPostId && other.toWindowId === move.fromWindowId),
    ) ?? null
  );
}

export function moveLine(move: BoardMove, moves: readonly BoardMove[], names: MoveNames): string {
  const learner = move.learner && move.toPostId !== null ? ` ${names.learner}` : '';
  const covered = coveredBy(move, moves);
  const cover = covered ? names.cover(covered.staffName) : '';
  const byWindow = names.window !== undefined && (move.fromWindowId !== null || move.toWindowId !== null);
  if (byWindow && names.window) {
    // "A03 上午": each seat with its shift, a seat without a window by its post, 休 alone.
    const windowName = names.window;
    const shift = names.shift(move.shiftCode);
    const seat = (postId: number | null, windowId: number | null) =>
      postId === null ? names.off : `${windowId !== null ? windowName(windowId) : names.post(postId)} ${shift}`;
    return `${names.day(move.date)} ${move.staffName}：${seat(move.fromPostId, move.fromWindowId)} → ${seat(move.toPostId, move.toWindowId)}${learner}${cover}`;
  }
  const side = (postId: number | null) => (postId === null ? names.off : names.post(postId));
  return `${names.day(move.date)} ${names.shift(move.shiftCode)} ${move.staffName}：${side(move.fromPostId)} → ${side(move.toPostId)}${learner}${cover}`;
}

/** The absent person's own duties first, then by day, shift (in the board's order) and name. */
export function orderedMoves(moves: readonly BoardMove[], shifts: readonly BoardShift[], absentStaffId: number | null): BoardMove[] {
  const shiftRank = new Map(shifts.map((shift, index) => [shift.code, index]));
  return [...moves].sort(
    (a, b) =>
      Number(b.staffId === absentStaffId) - Number(a.staffId === absentStaffId) ||
      a.date.localeCompare(b.date) ||
      (shiftRank.get(a.shiftCode) ?? 99) - (shiftRank.get(b.shiftCode) ?? 99) ||
      a.staffName.localeCompare(b.staffName, 'zh-CN'),
  );
}

/** Days a repair may be for: the hall's today and the roster's later days. */
export function repairDays(days: readonly { date: string }[], today: string): string[] {
  return days.map((day) => day.date).filter((date) => date >= today);
}

/** Whether a total got better, worse or stayed: the proposal's figures are coloured by it. */
export function trend(before: number, after: number): 'better' | 'worse' | 'same' {
  return after < before ? 'better' : after > before ? 'worse' : 'same';
}
