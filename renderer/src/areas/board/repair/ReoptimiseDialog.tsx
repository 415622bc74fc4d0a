import type { BoardEditResult, RosterBoard } from '../../../../../electron/contract/areas/board.ts';

export interface ReoptimiseDialogProps {
  board: RosterBoard;
  onApplied: (result: BoardEditResult) => void;
  onClose: () => void;
}

/** Re-optimise the days from tomorrow, keeping pinned cells; shows the moves before applying them. */
export function ReoptimiseDialog(_props: ReoptimiseDialogProps) {
  return null;
}
