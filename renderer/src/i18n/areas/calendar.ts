/** Wording of the calendar part of 请假考勤, Simplified Chinese first; English must have every key. */
export const calendarZh = {} as const;

export const calendarEn: Record<keyof typeof calendarZh, string> = {};
