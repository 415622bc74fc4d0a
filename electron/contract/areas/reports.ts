/**
 * The reports channels of the contract: the client's monthly report, hours and overtime, the cost
 * of the contract with its settings and budget, the staffing what-if, and the morning dashboard.
 * Argument schemas here, result types in ReportsResults; merged into the one map by ../channels.ts.
 */
import { z } from 'zod';
import type { FilePayload } from '../model.ts';
import type { DutyLine, DutyMonth, LeaveTypeCode } from './attendance.ts';
import { minuteOfDay, month, noArgument, year } from '../schema-parts.ts';

export const COST_CATEGORIES = ['manager', 'window', 'desk'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const HOURS_CYCLES = ['week', 'month', 'quarter', 'year'] as const;
export type HoursCycle = (typeof HOURS_CYCLES)[number];

const monthArgument = z.strictObject({ year, month });
/** 'general': VAT on the whole price; 'dispatchDifference': 差额, 5% on the price less wages and insurance (财税〔2016〕47号). */
export const VAT_MODES = ['general', 'dispatchDifference'] as const;
export type VatMode = (typeof VAT_MODES)[number];

const percent = z.number().min(0).max(100);
const yuan = z.number().min(0).max(1_000_000);
const city = z.string().trim().min(1).max(40);

export const socialInsuranceRuleSchema = z
  .strictObject({
    city,
    year,
    baseFloor: yuan,
    baseCap: yuan,
    pension: percent,
    medical: percent,
    unemployment: percent,
    injury: percent,
    maternity: percent,
    housingFund: percent,
    /** A base of its own (floor and cap both, or neither: the common base). */
    pensionBaseFloor: yuan.nullable().default(null),
    pensionBaseCap: yuan.nullable().default(null),
    medicalBaseFloor: yuan.nullable().default(null),
    medicalBaseCap: yuan.nullable().default(null),
    housingFundBaseFloor: yuan.nullable().default(null),
    housingFundBaseCap: yuan.nullable().default(null),
    employeePension: percent.default(0),
    employeeMedical: percent.default(0),
    employeeUnemployment: percent.default(0),
    employeeHousingFund: percent.default(0),
    minimumWage: yuan.nullable().default(null),
  })
  .refine((rule) => rule.baseCap >= rule.baseFloor, { message: 'out_of_range', path: ['baseCap'] })
  .refine((rule) => separateBaseIsWhole(rule.pensionBaseFloor, rule.pensionBaseCap), { message: 'out_of_range', path: ['pensionBaseCap'] })
  .refine((rule) => separateBaseIsWhole(rule.medicalBaseFloor, rule.medicalBaseCap), { message: 'out_of_range', path: ['medicalBaseCap'] })
  .refine((rule) => separateBaseIsWhole(rule.housingFundBaseFloor, rule.housingFundBaseCap), { message: 'out_of_range', path: ['housingFundBaseCap'] });

/** A separate base has both its floor and its cap, the cap not below the floor; or neither. */
function separateBaseIsWhole(floor: number | null, cap: number | null): boolean {
  if (floor === null || cap === null) return floor === cap;
  return cap >= floor;
}

export const reportsChannels = {
  'reports/client': monthArgument,
  'reports/exportClient': monthArgument,
  'reports/hours': monthArgument,
  'reports/exportHours': monthArgument,
  'cost/month': monthArgument,
  'cost/export': monthArgument,
  'cost/settings': z.strictObject({
    /** Left out: read the settings; given: change them (and get them back). */
    set: z
      .strictObject({
        city,
        managementFeePercent: percent,
        vatPercent: percent,
        surchargePercentOfVat: percent,
        /** Left out: the stored mode stays. */
        vatMode: z.enum(VAT_MODES).optional(),
        /** Left out: the stored reading stays. */
        lieuCountsTowardMonthlyCap: z.boolean().optional(),
        comprehensiveCycle: z.enum(HOURS_CYCLES),
        socialInsuranceStartMonth: z.number().int().min(1).max(12).optional(),
        payGrades: z.array(z.strictObject({ grade: z.number().int().min(1).max(12), monthlyWage: yuan })).max(12),
        /** Left out: the time account's setting stays as it is. */
        timeAccount: z
          .strictObject({ expiry: z.enum(['quarter', 'months']), months: z.number().int().min(1).max(12), onExpiry: z.enum(['payout', 'forfeit']) })
          .optional(),
        /** Left out: the stored break stays. Start = end is no break. */
        lunchBreak: z
          .strictObject({ startsAt: minuteOfDay, endsAt: minuteOfDay })
          .refine((window) => window.endsAt >= window.startsAt, { message: 'out_of_range', path: ['endsAt'] })
          .optional(),
      })
      .optional(),
  }),
  'cost/putRule': z.strictObject({ rule: socialInsuranceRuleSchema }),
  'cost/deleteRule': z.strictObject({ city, year }),
  'cost/budget': z.strictObject({
    year,
    set: z
      .strictObject({
        lines: z
          .array(z.strictObject({ category: z.enum(COST_CATEGORIES), headcount: z.number().int().min(0).max(10_000), monthlyWage: yuan }))
          .max(COST_CATEGORIES.length),
      })
      .optional(),
  }),
  'cost/whatIf': z.strictObject({ weeks: z.number().int().min(1).max(8).default(4) }),
  'dashboard/today': noArgument,
} satisfies Record<string, z.ZodType>;

// ── the client's monthly report ──────────────────────────────────────────────────────────────

/** A post-shift of a published roster that was short (gap) or had no one to step in (no_backup). */
export interface ClientIncident {
  date: string;
  shiftCode: string;
  zoneId: number | null;
  postId: number;
  /** The windows of the zone that take this post, for the client who thinks in windows. */
  windowCodes: string[];
  kind: 'gap' | 'no_backup';
  required: number;
  assigned: number;
  reasonZh: string;
  reasonEn: string;
}

/** Leave and absence of a zone's people in the month (zoneId null: the whole centre). */
export interface LeaveSummaryLine {
  zoneId: number | null;
  people: number;
  leaveDays: Record<LeaveTypeCode, number>;
  absentDays: number;
  lateCount: number;
  earlyCount: number;
  missingCount: number;
}

export interface AbGap {
  windowId: number;
  windowCode: string;
  zoneId: number;
  missing: 'A' | 'B' | 'AB';
}

/** A shift template's names, for words that carry only its code. */
export interface ShiftName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface ClientMonthReport {
  year: number;
  month: number;
  centreNameZh: string;
  centreNameEn: string;
  generatedAt: string;
  shifts: ShiftName[];
  duty: DutyMonth;
  /** Working days of the month, over so far, on which a zone had no published roster. */
  unrostered: { zoneId: number; days: string[] }[];
  incidents: ClientIncident[];
  /** Windows without an A or B person as the report is made: a standing single point of failure. */
  abGaps: AbGap[];
  leave: LeaveSummaryLine[];
}

// ── hours and overtime ───────────────────────────────────────────────────────────────────────

export type HoursBreach =
  | { rule: 'monthly_overtime_cap'; minutes: number; capMinutes: number }
  | { rule: 'daily_overtime_cap'; date: string; minutes: number; capMinutes: number }
  | { rule: 'cycle_overtime_cap'; from: string; to: string; minutes: number; capMinutes: number };

export interface HoursCycleView {
  from: string;
  to: string;
  workedMinutes: number;
  standardMinutes: number;
  excessMinutes: number;
  complete: boolean;
  settledInMonth: boolean;
}

export interface HoursRow {
  staffId: number;
  employeeNo: string;
  name: string;
  zoneId: number;
  contract: 'standard' | 'comprehensive';
  workedMinutes: number;
  regularMinutes: number;
  overtime150Minutes: number;
  overtime200Minutes: number;
  overtime300Minutes: number;
  overtimeMinutes: number;
  lieuMinutes: number;
  /** Rest-day minutes of the month held in the time account (调休余额), not paid this month. */
  bankedMinutes: number;
  /** Banked minutes of earlier months paid out at expiry this month (already in the tiers). */
  payoutMinutes: number;
  /** The time account's balance at the month's end. */
  balanceMinutes: number;
  /** Minutes of days not over yet, counted from the roster as planned. */
  plannedMinutes: number;
  /** Days the published roster decided (duties or rest); the others followed the default day. */
  rosteredDays: number;
  cycles: HoursCycleView[];
  breaches: HoursBreach[];
}

export interface HoursReport {
  year: number;
  month: number;
  comprehensiveCycle: HoursCycle;
  /** Days from this one on are not over yet (their hours are the roster's plan), or null. */
  pendingFrom: string | null;
  /** The punches on file, so a month without them reads as what it is. */
  punches: { first: string | null; last: string | null };
  rows: HoursRow[];
}

// ── cost ─────────────────────────────────────────────────────────────────────────────────────

export interface SocialInsuranceRule {
  city: string;
  year: number;
  baseFloor: number;
  baseCap: number;
  pension: number;
  medical: number;
  unemployment: number;
  injury: number;
  maternity: number;
  housingFund: number;
  pensionBaseFloor: number | null;
  pensionBaseCap: number | null;
  medicalBaseFloor: number | null;
  medicalBaseCap: number | null;
  housingFundBaseFloor: number | null;
  housingFundBaseCap: number | null;
  employeePension: number;
  employeeMedical: number;
  employeeUnemployment: number;
  employeeHousingFund: number;
  minimumWage: number | null;
  updatedAt: string;
}

export interface CostSettings {
  city: string;
  /**
   * The month the city's contribution year (社保年度) starts in: the rule named year Y is in force
   * from this month of Y until it comes round in Y + 1. 7 in most cities; 1 is the calendar year.
   */
  socialInsuranceStartMonth: number;
  managementFeePercent: number;
  vatPercent: number;
  surchargePercentOfVat: number;
  /** VAT plus its surcharges: 6% + 12% of 6% = 6.72% by default. */
  taxPercent: number;
  /** 城建税 7 / 5 / 1 that the surcharge holds (surcharge − 3% − 2%); null for a custom surcharge. */
  cityConstructionTaxPercent: number | null;
  vatMode: VatMode;
  /** Under 差额: the tax in percent of the management fee, 5 × (1 + surcharge). */
  dispatchDifferenceTaxPercent: number;
  /** The 36 h reading: rest-day work given back as lieu counts toward the monthly cap (the conservative default). */
  lieuCountsTowardMonthlyCap: boolean;
  comprehensiveCycle: HoursCycle;
  payGrades: { grade: number; monthlyWage: number }[];
  rules: SocialInsuranceRule[];
  /** How long banked rest-day hours (调休余额) keep, and what happens to them after (solver/pay/time-account.ts). */
  timeAccount: { expiry: 'quarter' | 'months'; months: number; onExpiry: 'payout' | 'forfeit' };
  /**
   * The centre's lunch break, minutes from midnight (12:00–13:30 by default): taken out of the
   * first-to-last punch span of a day without duties. Start = end is no break.
   */
  lunchBreak: { startsAt: number; endsAt: number };
}

/** One row of the bid's table (seed 001): per person per month, head count, month and year. */
export interface CostTableRow {
  category: CostCategory | 'total';
  headcount: number;
  wagePerPerson: number;
  overtimePerPerson: number;
  socialInsurancePerPerson: number;
  managementFeePerPerson: number;
  taxPerPerson: number;
  perPersonMonthly: number;
  monthlyTotal: number;
  yearlyTotal: number;
}

export interface PersonCostRow {
  staffId: number;
  employeeNo: string;
  name: string;
  zoneId: number;
  category: CostCategory;
  grade: number;
  monthlyWage: number;
  employedShare: number;
  wage: number;
  overtimePay: number;
  socialInsuranceBase: number;
  /** Each base (the common one where the city has no separate base). */
  bases: { pension: number; medical: number; housingFund: number };
  socialInsurance: number;
  /** Withheld from the person's wage; not in the client's cost. */
  employeeShare: number;
  /** The normal-hours wage below the city's minimum for the part of the month employed, by this much; 0 when not. */
  minimumWageShortfall: number;
  managementFee: number;
  tax: number;
  total: number;
}

export interface BudgetComparison {
  category: CostCategory | 'total';
  budgetHeadcount: number;
  actualHeadcount: number;
  budgetMonthly: number;
  actualMonthly: number;
  difference: number;
  differencePercent: number | null;
  budgetYearly: number;
  budgetYearToDate: number;
  actualYearToDate: number;
}

export interface CostMonth {
  year: number;
  month: number;
  centreNameZh: string;
  centreNameEn: string;
  city: string;
  /** The rule in force in this month (for a July city, January's is the rule of the July before). */
  rule: SocialInsuranceRule;
  /** Its first month: `rule.year`-`ruleFromMonth`. */
  ruleFromMonth: number;
  rates: { managementFeePercent: number; vatPercent: number; surchargePercentOfVat: number; taxPercent: number; vatMode: VatMode };
  table: CostTableRow[];
  /** The year so far, month by month, per category. */
  months: { month: number; totals: Record<CostCategory | 'total', number> }[];
  people: PersonCostRow[];
  budget: BudgetComparison[] | null;
}

export interface CostBudget {
  year: number;
  lines: { category: CostCategory; headcount: number; monthlyWage: number }[];
  /** The bid's table for these lines at the year's rules; null while the year has no rule. */
  table: CostTableRow[] | null;
  /** The fee and tax the table was priced at. */
  rates: { managementFeePercent: number; taxPercent: number } | null;
  /** Why the table is missing, when it is. */
  problem: string | null;
}

export interface WhatIfOption {
  /** People more (+1) or fewer (−1) than the plan. */
  delta: number;
  /** Mean wait over the half-hours the windows can serve. */
  averageWaitSeconds: number;
  /** Share of visitors in half-hours the staff cannot keep up with (windows would allow it). */
  unstableShare: number;
  monthlyCostChange: number;
}

export interface WhatIfZone {
  zoneId: number;
  /** On the books. */
  people: number;
  /** People the planned window staffing takes, in full-time equivalents. */
  peopleAtWindows: number;
  windows: number;
  weeklyHours: number;
  /** The share of contracted time people were at work last month (leave and absence taken off). */
  availability: number;
  /** 'assumed' when last month had no punches to measure from. */
  availabilitySource: 'measured' | 'assumed';
  costPerPersonMonthly: number;
  /** Visitors in half-hours that need more windows than the zone has: no head count helps them. */
  beyondWindowsShare: number;
  current: WhatIfOption;
  fewer: WhatIfOption;
  more: WhatIfOption;
}

export interface WhatIf {
  from: string;
  to: string;
  weeks: number;
  zones: WhatIfZone[];
  /** Years of the range planned on their provisional calendar (no notice confirmed yet): shown
   *  as 「节假日安排待国务院通知确认」 wherever this is. Empty when every year is confirmed. */
  provisionalYears: number[];
}

// ── the morning dashboard ────────────────────────────────────────────────────────────────────

export interface DashboardSlot {
  date: string;
  shiftCode: string;
  zoneId: number | null;
  postId: number;
  required: number;
  assigned: number;
  reasonZh: string;
  reasonEn: string;
}

export interface Dashboard {
  today: string;
  shifts: ShiftName[];
  week: { from: string; to: string };
  /** Today is a working day (or a make-up day) on the confirmed calendar; null while today's year is unconfirmed. */
  todayWorking: boolean | null;
  /** Zones with no published roster today (a working day). */
  unrosteredToday: number[];
  gapsToday: DashboardSlot[];
  noBackupThisWeek: DashboardSlot[];
  /** Skills some window needs that fewer than two employed people are qualified for. */
  thinSkills: { postId: number; qualified: number }[];
  windowsWithoutAb: number;
  pendingLeave: { count: number; oldest: { id: number; staffId: number; name: string; type: LeaveTypeCode; from: string; to: string; requestedAt: string }[] };
  /** The month to yesterday; null with the reason when the month's calendar is not confirmed. */
  duty: { year: number; month: number; targetPercent: number; centre: DutyLine; zones: (DutyLine & { zoneId: number })[] } | null;
  dutyProblem: string | null;
  /** This week's published duties against demand, per day. */
  weekCoverage: { date: string; required: number; assigned: number; short: number }[];
}

export interface ReportsResults {
  'reports/client': ClientMonthReport;
  'reports/exportClient': FilePayload;
  'reports/hours': HoursReport;
  'reports/exportHours': FilePayload;
  'cost/month': CostMonth;
  'cost/export': FilePayload;
  'cost/settings': CostSettings;
  'cost/putRule': CostSettings;
  'cost/deleteRule': CostSettings;
  'cost/budget': CostBudget;
  'cost/whatIf': WhatIf;
  'dashboard/today': Dashboard;
}
