import { call } from '../../api/client.ts';
import { downloadPayload } from '../../api/files.ts';

/**
 * Downloads the roster's week as an .xlsx workbook (a sheet by window, a sheet by person), in
 * either host: the file comes over the contract and is handed to the user as a download. A refusal
 * is thrown as the ApiError for the caller to word.
 */
export async function exportBoardXlsx(rosterId: number): Promise<string> {
  const payload = await call('board/exportXlsx', { rosterId });
  downloadPayload(payload);
  return payload.fileName;
}
