import { describe, expect, it } from 'vitest';
import { buildYear, datesBetween, isWeekend, isWorkingKind, type DayKind } from '../../../solver/calendar/china-calendar.ts';
import { NOTICE_2026 } from '../../../solver/calendar/notices.ts';
import { DEFAULT_HOURS_RULES, personHours, type WorkDayInput } from '../../../solver/pay/hours.ts';
import { balanceAt, balanceOn, DEFAULT_TIME_ACCOUNT_POLICY, expiryOf, monthTimeAccount, personTimeAccount, timeAccount, type TimeAccountPolicy } from '../../../solver/pay/time-account.ts';

/*
 * Hand-worked on the 2026 calendar: the person works 8 h every working day of March–June and
 * nothing else, except Saturday 7 March, worked 8 h (480 min, no day off that week or month).
 */
const KINDS = new Map(buildYear(NOTICE_2026).map((day) => [day.date, day.kind]));
const kindOf = (date: string): DayKind => KINDS.get(date) ?? (isWeekend(date) ? 'weekend' : 'workday');
const MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06'];

function daysOf(changes: Record<string, Partial<WorkDayInput>> = {}): WorkDayInput[] {
  return datesBetween('2026-02-23', '2026-07-05').map((date) => {
    const kind = kindOf(date);
    return { date, kind, employed: true, workedMinutes: isWorkingKind(kind) ? 480 : 0, compensatoryLeave: 0, otherLeave: 0, absent: 0, ...changes[date] };
  });
}

const SATURDAY = { '2026-03-07': { workedMinutes: 480 } };
const APRIL_LIEU = { '2026-04-15': { workedMinutes: 0, compensatoryLeave: 1 } };
const QUARTER_ON: TimeAccountPolicy = { expiry: 'months', months: 4, onExpiry: 'payout' };

function monthOf(days: WorkDayInput[], month: string, policy: TimeAccountPolicy, asOf: string) {
  const account = personTimeAccount({ staffId: 1, months: MONTHS, days }, DEFAULT_HOURS_RULES, policy, asOf);
  return personHours({ staffId: 1, contract: 'standard', month, days, timeAccount: monthTimeAccount(account, month, policy) }, DEFAULT_HOURS_RULES);
}

describe('the time account (调休余额)', () => {
  it('pays a Saturday worked in March and taken as 调休 in April at 100%, and spends the balance', () => {
    const days = daysOf({ ...SATURDAY, ...APRIL_LIEU });
    const account = personTimeAccount({ staffId: 1, months: MONTHS, days }, DEFAULT_HOURS_RULES, QUARTER_ON, '2026-04-30');
    expect(account.entries).toEqual([
      { date: '2026-03-07', source: 'rest_day_work', minutes: 480, earnedOn: '2026-03-07', tier: 2 },
      { date: '2026-04-15', source: 'compensatory_leave', minutes: -480, earnedOn: '2026-03-07', tier: 2 },
    ]);
    expect(account.balanceMinutes).toBe(0);
    const march = monthOf(days, '2026-03', QUARTER_ON, '2026-04-30');
    expect(march.days.find((day) => day.date === '2026-03-07')).toMatchObject({ lieu: 480, overtime200: 0, banked: 0 });
    expect(march.overtime200Minutes).toBe(0);
    // April pays its 调休 day as the day off it is: nothing extra.
    expect(monthOf(days, '2026-04', QUARTER_ON, '2026-04-30').overtimeMinutes).toBe(0);
  });

  it('holds a Saturday not yet taken in the account, unpaid, until it is taken or expires', () => {
    const days = daysOf(SATURDAY);
    const march = monthOf(days, '2026-03', QUARTER_ON, '2026-04-10');
    expect(march.days.find((day) => day.date === '2026-03-07')).toMatchObject({ lieu: 0, overtime200: 0, banked: 480 });
    expect(march.bankedMinutes).toBe(480);
    expect(personTimeAccount({ staffId: 1, months: MONTHS, days }, DEFAULT_HOURS_RULES, QUARTER_ON, '2026-04-10').balanceMinutes).toBe(480);
  });

  it('pays hours left at expiry at the tier they were earned, in the month they expire', () => {
    // Earned 7 March, four months: the last day to take it is 30 June; on 1 July it is paid out.
    expect(expiryOf('2026-03-07', QUARTER_ON)).toBe('2026-06-30');
    const days = daysOf(SATURDAY);
    const june = monthOf(days, '2026-06', QUARTER_ON, '2026-07-01');
    expect(june).toMatchObject({ overtime200Minutes: 480, payoutMinutes: 480, overtimeMinutes: 480 });
    // Paid once: March still pays nothing for it.
    expect(monthOf(days, '2026-03', QUARTER_ON, '2026-07-01')).toMatchObject({ overtime200Minutes: 0, bankedMinutes: 480 });
    const account = personTimeAccount({ staffId: 1, months: MONTHS, days }, DEFAULT_HOURS_RULES, QUARTER_ON, '2026-07-01');
    expect(account.entries.at(-1)).toEqual({ date: '2026-06-30', source: 'payout', minutes: -480, earnedOn: '2026-03-07', tier: 2 });
  });

  it('forfeits hours left at expiry where the contract says so', () => {
    const forfeit: TimeAccountPolicy = { ...QUARTER_ON, onExpiry: 'forfeit' };
    const days = daysOf(SATURDAY);
    expect(monthOf(days, '2026-06', forfeit, '2026-07-01')).toMatchObject({ overtime200Minutes: 0, payoutMinutes: 0 });
    expect(monthOf(days, '2026-03', forfeit, '2026-07-01')).toMatchObject({ overtime200Minutes: 0, bankedMinutes: 480 });
    expect(personTimeAccount({ staffId: 1, months: MONTHS, days }, DEFAULT_HOURS_RULES, forfeit, '2026-07-01').entries.at(-1)).toMatchObject({ source: 'expiry', minutes: -480 });
  });

  it('expires at the end of the quarter under the quarter setting', () => {
    const quarter: TimeAccountPolicy = { expiry: 'quarter', months: 1, onExpiry: 'payout' };
    expect(expiryOf('2026-03-07', quarter)).toBe('2026-03-31');
    expect(expiryOf('2026-04-01', quarter)).toBe('2026-06-30');
    expect(expiryOf('2026-12-31', quarter)).toBe('2026-12-31');
    // Expired 31 March: the April 调休 finds nothing to spend.
    const account = personTimeAccount({ staffId: 1, months: MONTHS, days: daysOf({ ...SATURDAY, ...APRIL_LIEU }) }, DEFAULT_HOURS_RULES, quarter, '2026-04-30');
    expect(account.unfunded).toEqual([{ date: '2026-04-15', minutes: 480, source: 'compensatory_leave' }]);
  });

  it('changes nothing under the default setting: a rest day not given back in its month is 200% in it', () => {
    const days = daysOf(SATURDAY);
    const plain = personHours({ staffId: 1, contract: 'standard', month: '2026-03', days }, DEFAULT_HOURS_RULES);
    expect(plain.overtime200Minutes).toBe(480);
    expect(monthOf(days, '2026-03', DEFAULT_TIME_ACCOUNT_POLICY, '2026-04-10')).toEqual(plain);
  });

  it('spends the oldest lot first and never a lot earned after the 调休', () => {
    const account = timeAccount(
      [{ date: '2026-03-14', minutes: 240, tier: 2 }, { date: '2026-03-07', minutes: 480, tier: 2 }, { date: '2026-04-18', minutes: 480, tier: 2 }],
      [{ date: '2026-04-15', minutes: 600, source: 'compensatory_leave' }],
      QUARTER_ON,
      '2026-04-30',
    );
    expect(account.lots.map((lot) => [lot.date, lot.remainingMinutes])).toEqual([['2026-03-07', 0], ['2026-03-14', 120], ['2026-04-18', 480]]);
    expect(account.unfunded).toEqual([]);
    expect(account.balanceMinutes).toBe(600);
  });

  it('gives the balance a new 调休 may spend, after every 调休 already booked', () => {
    const earnings = [{ date: '2026-03-07', minutes: 480, tier: 2 }];
    expect(balanceOn(earnings, [], QUARTER_ON, '2026-04-20')).toBe(480);
    expect(balanceOn(earnings, [{ date: '2026-05-06', minutes: 240, source: 'compensatory_leave' }], QUARTER_ON, '2026-04-20')).toBe(240);
    expect(balanceOn(earnings, [], QUARTER_ON, '2026-03-06')).toBe(0);
    expect(balanceOn(earnings, [], QUARTER_ON, '2026-07-01')).toBe(0);
  });
});

describe('the balance at the end of a day', () => {
  it('counts lots alive the next day, less what was spent by then', () => {
    const account = timeAccount([{ date: '2026-03-07', minutes: 480, tier: 2 }], [{ date: '2026-04-15', minutes: 240, source: 'compensatory_leave' }], QUARTER_ON, '2026-07-01');
    expect(balanceAt(account, '2026-03-06')).toBe(0);
    expect(balanceAt(account, '2026-03-31')).toBe(480);
    expect(balanceAt(account, '2026-04-30')).toBe(240);
    // 30 June is its last day: nothing is carried past it.
    expect(balanceAt(account, '2026-06-30')).toBe(0);
  });
});

describe('the roster\'s planned time off in lieu (rule 14) in the pay and the account', () => {
  // Saturday 7 March worked 8 h; the roster gives back the morning (210) of Tuesday 10 March, the next week.
  const days = daysOf({ ...SATURDAY, '2026-03-10': { workedMinutes: 240 } });
  const pair = { earnedOn: '2026-03-07', spentOn: '2026-03-10', minutes: 210 };

  it('pays the minutes the roster gave back at 100% and the rest at 200%, under the default', () => {
    const march = personHours({ staffId: 1, contract: 'standard', month: '2026-03', days, rosterLieu: [pair] }, DEFAULT_HOURS_RULES);
    expect(march.days.find((day) => day.date === '2026-03-07')).toMatchObject({ lieu: 210, overtime200: 270, regular: 210 });
    // Without the pair the whole Saturday is 200%: the half day off reads as a worked day.
    expect(personHours({ staffId: 1, contract: 'standard', month: '2026-03', days }, DEFAULT_HOURS_RULES).overtime200Minutes).toBe(480);
  });

  it('never credits more than was worked, and the day of the shift off is no further day given off', () => {
    // A whole day off in lieu for a Saturday of 4 h: the day off is the roster's, not 8 h of lieu for another rest day.
    const short = daysOf({ '2026-03-07': { workedMinutes: 240 }, '2026-03-14': { workedMinutes: 480 }, '2026-03-10': { workedMinutes: 0 } });
    const hours = personHours({ staffId: 1, contract: 'standard', month: '2026-03', days: short, rosterLieu: [{ earnedOn: '2026-03-07', spentOn: '2026-03-10', minutes: 450 }] }, DEFAULT_HOURS_RULES);
    expect(hours.days.find((day) => day.date === '2026-03-07')).toMatchObject({ lieu: 240, overtime200: 0 });
    expect(hours.days.find((day) => day.date === '2026-03-14')).toMatchObject({ lieu: 0, overtime200: 480 });
  });

  it('puts the pair in the ledger, earned and spent, held between the two days, and banks only the rest', () => {
    const account = personTimeAccount({ staffId: 1, months: MONTHS, days, rosterLieu: [pair] }, DEFAULT_HOURS_RULES, QUARTER_ON, '2026-04-30');
    expect(account.entries).toEqual([
      { date: '2026-03-07', source: 'rest_day_work', minutes: 270, earnedOn: '2026-03-07', tier: 2 },
      { date: '2026-03-07', source: 'roster_duty', minutes: 210, earnedOn: '2026-03-07', tier: 2 },
      { date: '2026-03-10', source: 'roster_lieu', minutes: -210, earnedOn: '2026-03-07', tier: 2 },
    ]);
    expect(balanceAt(account, '2026-03-08')).toBe(480);
    expect(balanceAt(account, '2026-03-10')).toBe(270);
    expect(account.balanceMinutes).toBe(270);
  });
});
