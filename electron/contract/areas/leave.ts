/**
 * The leave channels of the contract: argument schemas here, result types in LeaveResults.
 * Merged into the one channel map by ../channels.ts.
 */
import { z } from 'zod';
import { isoDate, month, recordId, version, year } from '../schema-parts.ts';

/** 年休假, 病假, 事假, 婚假, 产假, 调休/补休, 公假, 临时外出 (the codes of table leave_requests). */
export const LEAVE_TYPES = ['annual', 'sick', 'personal', 'marriage', 'maternity', 'compensatory', 'official', 'outing'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
export const LEAVE_PARTS = ['full', 'am', 'pm'] as const;
/** A whole day, or the morning or afternoon of a single day. */
export type LeavePart = (typeof LEAVE_PARTS)[number];
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

const leaveType = z.enum(LEAVE_TYPES);
const leavePart = z.enum(LEAVE_PARTS);
const leaveShape = { staffId: recordId, type: leaveType, from: isoDate, to: isoDate, part: leavePart };

export const leaveChannels = {
  'leave/list': z.strictObject({ from: isoDate, to: isoDate, status: z.enum(LEAVE_STATUSES).optional(), staffId: recordId.optional() }),
  'leave/check': z.strictObject(leaveShape),
  'leave/request': z.strictObject({
    ...leaveShape,
    reason: z.string().trim().min(1).max(200),
    acknowledgeConflicts: z.boolean(),
  }),
  'leave/decide': z.strictObject({
    id: recordId,
    version,
    decision: z.enum(['approved', 'rejected']),
    note: z.string().trim().max(200).default(''),
    /** Cover is checked again on approval: other leave may have been approved since the request. */
    acknowledgeConflicts: z.boolean().default(false),
  }),
  'leave/cancel': z.strictObject({ id: recordId, version }),
  'leave/balances': z.strictObject({ year }),
  /** One person's time account (调休余额) as it reaches the month: every entry, with the balance after it. */
  'leave/timeAccount': z.strictObject({ staffId: recordId, year, month }),
} satisfies Record<string, z.ZodType>;

export interface LeaveRequest {
  id: number;
  staffId: number;
  employeeNo: string;
  name: string;
  type: LeaveType;
  from: string;
  to: string;
  part: LeavePart;
  /** Working days (calendar days for 产假); 0.5 for a half day. */
  days: number;
  reason: string;
  status: LeaveStatus;
  conflictsAcknowledged: boolean;
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  version: number;
}

export interface LeaveSkillConflict {
  postId: number;
  /** Qualified people left on the worst day if the leave is granted. */
  qualifiedLeft: number;
  target: number;
  dates: string[];
}

export interface LeaveWindowConflict {
  windowId: number;
  /** The requester's seat at that window. */
  role: 'A' | 'B';
  otherStaffId: number | null;
  /** The other seat is on leave that day, or nobody (employed) holds it. */
  reason: 'other_away' | 'other_vacant';
  dates: string[];
}

export interface LeaveConflicts {
  skills: LeaveSkillConflict[];
  windows: LeaveWindowConflict[];
}

export interface LeaveBalance {
  staffId: number;
  year: number;
  /** Whole days of paid annual leave for the year. */
  entitlement: number;
  /** Approved annual leave in the year. */
  taken: number;
  /** Annual leave requested and not yet decided. */
  pending: number;
  /** entitlement − taken − pending. */
  remaining: number;
}

export interface LeaveCheck {
  days: number;
  conflicts: LeaveConflicts;
  /** For 年休假 only. */
  balance: LeaveBalance | null;
  /** Pending or approved requests of the same person that share a day with this one. */
  overlapping: LeaveRequest[];
}

/**
 * Where an entry of the time account comes from: rest-day work banked, 调休 leave spent, hours paid
 * out or forfeited at expiry, and the published roster's rest-day duty and the shift off it planned.
 */
export type TimeAccountEntrySource = 'rest_day_work' | 'compensatory_leave' | 'payout' | 'expiry' | 'roster_duty' | 'roster_lieu';

export interface TimeAccountEntry {
  date: string;
  source: TimeAccountEntrySource;
  /** Positive earns, negative spends. */
  minutes: number;
  /** The lot the entry belongs to: the day its hours were earned, and the last day they may be taken. */
  earnedOn: string;
  expiresOn: string;
  /** The account after this entry, in date order. */
  balanceMinutes: number;
}

export interface TimeAccountView {
  staffId: number;
  employeeNo: string;
  name: string;
  year: number;
  month: number;
  /** Comprehensive contracts average their hours instead: no account. */
  contract: 'standard' | 'comprehensive';
  policy: { expiry: 'quarter' | 'months'; months: number; onExpiry: 'payout' | 'forfeit' };
  /** In the account at the end of the month, the 调休 approved in it spent (as the hours report's balance). */
  balanceMinutes: number;
  entries: TimeAccountEntry[];
}

export interface LeaveResults {
  'leave/list': LeaveRequest[];
  'leave/check': LeaveCheck;
  'leave/request': LeaveRequest;
  'leave/decide': LeaveRequest;
  'leave/cancel': LeaveRequest;
  'leave/balances': LeaveBalance[];
  'leave/timeAccount': TimeAccountView;
}
