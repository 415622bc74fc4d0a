/** Wording of same-day repairs, re-optimising, printing and the workbook export; Chinese first. */
export const printZh = {
  'print.title': '打印排班表',
} as const;

export const printEn: Record<keyof typeof printZh, string> = {
  'print.title': 'Print the roster',
};
