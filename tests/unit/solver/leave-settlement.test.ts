import { describe, expect, it } from 'vitest';
import { annualLeaveExclusions, leaverUnusedDays, sickLeaveExclusionMonths, unusedLeavePayout } from '../../../solver/leave/annual-settlement.ts';

describe('a leaver’s annual leave (实施办法 art. 12) and its payout (art. 10)', () => {
  it('prorates by the days at the employer this year, less days taken, rounded down', () => {
    // Leaves 2026-08-31: 243 days of 2026. 243 / 365 × 10 = 6.657…; 2 taken → 4.657… → 4 days.
    expect(leaverUnusedDays({ fullEntitlement: 10, daysAtEmployerThisYear: 243, daysTaken: 2 })).toBe(4);
    // The whole year: 5 − 2 = 3 exactly (no binary dust down to 2).
    expect(leaverUnusedDays({ fullEntitlement: 5, daysAtEmployerThisYear: 365, daysTaken: 2 })).toBe(3);
    // Under one whole day is not owed: 36 / 365 × 5 = 0.49.
    expect(leaverUnusedDays({ fullEntitlement: 5, daysAtEmployerThisYear: 36, daysTaken: 0 })).toBe(0);
    // More taken than the prorated share: nothing owed, nothing clawed back.
    expect(leaverUnusedDays({ fullEntitlement: 5, daysAtEmployerThisYear: 100, daysTaken: 5 })).toBe(0);
    expect(() => leaverUnusedDays({ fullEntitlement: -1, daysAtEmployerThisYear: 100, daysTaken: 0 })).toThrow(RangeError);
  });

  it('pays 200% on top of the wage already paid: 4 days at 4,500 / 21.75 = 206.90 → 1,655.20', () => {
    // 4,500 / 21.75 = 206.896… → 206.90; × 4 days × 2 = 1,655.20 (300% in total with the day's pay).
    expect(unusedLeavePayout(4, 4500)).toBe(1655.2);
    expect(unusedLeavePayout(0, 4500)).toBe(0);
  });
});

describe('the art. 4 exclusions, warned with the days that trigger them', () => {
  it('warns at 20 days of 事假, not at 19', () => {
    expect(annualLeaveExclusions({ personalLeaveDays: 19, sickLeaveDays: 0, cumulativeYears: 5 })).toEqual([]);
    expect(annualLeaveExclusions({ personalLeaveDays: 20, sickLeaveDays: 0, cumulativeYears: 5 })).toEqual([{ rule: 'personal_leave', days: 20, thresholdDays: 20 }]);
  });

  it('warns at 2 / 3 / 4 months of sick leave by 累计工龄 1–10 / 10–20 / 20+ years', () => {
    expect([0, 1, 9, 10, 19, 20].map(sickLeaveExclusionMonths)).toEqual([null, 2, 2, 3, 3, 4]);
    expect(annualLeaveExclusions({ personalLeaveDays: 0, sickLeaveDays: 59, cumulativeYears: 9 })).toEqual([]);
    expect(annualLeaveExclusions({ personalLeaveDays: 0, sickLeaveDays: 60, cumulativeYears: 9 })).toEqual([{ rule: 'sick_leave', days: 60, thresholdDays: 60, cumulativeYears: 9 }]);
    // 60 days is not enough at 10 years (3 months = 90), 90 is.
    expect(annualLeaveExclusions({ personalLeaveDays: 0, sickLeaveDays: 60, cumulativeYears: 10 })).toEqual([]);
    expect(annualLeaveExclusions({ personalLeaveDays: 0, sickLeaveDays: 90, cumulativeYears: 10 })).toHaveLength(1);
    expect(annualLeaveExclusions({ personalLeaveDays: 0, sickLeaveDays: 119, cumulativeYears: 25 })).toEqual([]);
    expect(annualLeaveExclusions({ personalLeaveDays: 25, sickLeaveDays: 120, cumulativeYears: 25 })).toEqual([
      { rule: 'personal_leave', days: 25, thresholdDays: 20 },
      { rule: 'sick_leave', days: 120, thresholdDays: 120, cumulativeYears: 25 },
    ]);
  });
});
