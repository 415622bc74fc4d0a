import type { BackendContext } from '../context.ts';
import { AppFailure } from '../../contract/errors.ts';

const notYet = async (): Promise<never> => {
  throw new AppFailure('internal', 'not built yet');
};

/** The board channels (electron/contract/areas/board.ts): view, live checks, edits, pins, change log, workbook. */
export function boardHandlers(_ctx: BackendContext) {
  return {
    'board/get': notYet,
    'board/check': notYet,
    'board/edit': notYet,
    'board/candidates': notYet,
    'board/setPinned': notYet,
    'board/changes': notYet,
    'board/exportXlsx': notYet,
  };
}
