import type { RosterBoard } from '../../../../electron/contract/areas/board.ts';

export interface PrintPreviewProps {
  board: RosterBoard;
  onClose: () => void;
}

/** The weekly schedule as printed (by window, or per person), with print and save-as-PDF. */
export function PrintPreview(_props: PrintPreviewProps) {
  return null;
}
