/**
 * Which punch overtime is paid. Overtime is work the employer arranges (工资支付暂行规定 art. 13):
 * minutes the punches show past the end of a duty, or on a day without duties, are paid only as far
 * as someone approved them — a request planned ahead and approved, or a decision on the punches
 * after the fact. What nobody has decided is listed for a decision, never paid or dropped silently.
 *
 * Duties of a published roster (a Saturday opening, a late service) are arranged by publishing:
 * they never come here, since they are the day's attended minutes, not its punch overtime.
 *
 * Per person and day: paid = the punch minutes up to everything approved (planned and punch
 * decisions together); rejected = what is left, up to the minutes rejected after the fact; the rest
 * waits for a decision. A rejected planned request approves nothing and rejects nothing: the punches
 * of its day still wait for their own decision. Pure: plain data in and out.
 */

/** Where punch overtime came from: past the end of the day's duties, or a day without any. */
export type PunchOvertimeSource = 'after_duty' | 'rest_day';

export interface PunchOvertime {
  staffId: number;
  date: string;
  /** Overtime minutes the punches show (whole half hours, as attendance counts them). */
  minutes: number;
  source: PunchOvertimeSource;
}

export interface OvertimeDecision {
  staffId: number;
  date: string;
  source: 'planned' | 'punch';
  minutes: number;
  status: 'pending' | 'approved' | 'rejected';
}

export interface OvertimeSettlement extends PunchOvertime {
  /** Paid: approved by a planned request or a decision on the punches. */
  approvedMinutes: number;
  rejectedMinutes: number;
  /** Waiting for a decision: not paid yet. */
  pendingMinutes: number;
}

export function overtimeKey(staffId: number, date: string): string {
  return `${staffId}|${date}`;
}

/** Each day's punch overtime split into approved, rejected and waiting minutes. */
export function settleOvertime(punches: readonly PunchOvertime[], decisions: readonly OvertimeDecision[]): OvertimeSettlement[] {
  const approved = new Map<string, number>();
  const rejected = new Map<string, number>();
  for (const decision of decisions) {
    const key = overtimeKey(decision.staffId, decision.date);
    if (decision.status === 'approved') approved.set(key, (approved.get(key) ?? 0) + decision.minutes);
    // Only a decision on the punches rejects them: a rejected plan says nothing of what was worked.
    if (decision.status === 'rejected' && decision.source === 'punch') rejected.set(key, (rejected.get(key) ?? 0) + decision.minutes);
  }
  return punches
    .filter((punch) => punch.minutes > 0)
    .map((punch) => {
      const key = overtimeKey(punch.staffId, punch.date);
      const approvedMinutes = Math.min(punch.minutes, approved.get(key) ?? 0);
      const rejectedMinutes = Math.min(punch.minutes - approvedMinutes, rejected.get(key) ?? 0);
      return { ...punch, approvedMinutes, rejectedMinutes, pendingMinutes: punch.minutes - approvedMinutes - rejectedMinutes };
    });
}

/** The approved minutes each person-day may be paid for (keyed by overtimeKey), whatever the punches show. */
export function approvedOvertime(decisions: readonly OvertimeDecision[]): Map<string, number> {
  const approved = new Map<string, number>();
  for (const decision of decisions) {
    if (decision.status !== 'approved') continue;
    const key = overtimeKey(decision.staffId, decision.date);
    approved.set(key, (approved.get(key) ?? 0) + decision.minutes);
  }
  return approved;
}
