/** Wording of the leave part of 请假考勤, Simplified Chinese first; English must have every key. */
export const leaveZh = {} as const;

export const leaveEn: Record<keyof typeof leaveZh, string> = {};
