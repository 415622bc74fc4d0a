/** Wording of the attendance part of 请假考勤, Simplified Chinese first; English must have every key. */
export const attendanceZh = {} as const;

export const attendanceEn: Record<keyof typeof attendanceZh, string> = {};
