/** Wording of the roster board, Simplified Chinese first; English must have every key. */
export const boardZh = {
  'board.title': '排班板',
} as const;

export const boardEn: Record<keyof typeof boardZh, string> = {
  'board.title': 'Roster board',
};
