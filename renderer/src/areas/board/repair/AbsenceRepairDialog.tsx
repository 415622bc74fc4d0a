import type { BoardEditResult, RosterBoard } from '../../../../../electron/contract/areas/board.ts';

export interface AbsenceRepairDialogProps {
  board: RosterBoard;
  /** Prefilled from the cell the lead was on. */
  initial?: { staffId?: number; date?: string; shiftCode?: string | null };
  onApplied: (result: BoardEditResult) => void;
  onClose: () => void;
}

/** Mark someone absent, see the repair that changes the fewest other duties, apply it in one step. */
export function AbsenceRepairDialog(_props: AbsenceRepairDialogProps) {
  return null;
}
