import { describe, expect, it } from 'vitest';
import { buildYear, type CalendarDay } from '../../../solver/calendar/china-calendar.ts';
import { leaveDays, requestsOverlap, workingDaysIn } from '../../../solver/leave/days.ts';
import { BUILT_IN_NOTICES } from '../../../solver/calendar/notices.ts';

const notice2026 = BUILT_IN_NOTICES.find((notice) => notice.year === 2026)!;
const calendar: Map<string, CalendarDay> = new Map(buildYear(notice2026).map((day) => [day.date, day]));

describe('days a leave request takes', () => {
  it('counts working days only: 国庆 and weekends are not leave, the make-up Saturday 10/10 is', () => {
    // 9/28 Mon … 10/12 Mon: 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 (make-up Sat), 10/12.
    expect(workingDaysIn('2026-09-28', '2026-10-12', calendar)).toEqual([
      '2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12',
    ]);
    expect(leaveDays({ type: 'annual', from: '2026-09-28', to: '2026-10-12', part: 'full' }, calendar)).toBe(7);
  });

  it('counts the make-up Sunday 9/20 before 国庆 as a working day', () => {
    expect(leaveDays({ type: 'personal', from: '2026-09-19', to: '2026-09-20', part: 'full' }, calendar)).toBe(1);
  });

  it('a half day is 0.5 on a working day and 0 on a holiday', () => {
    expect(leaveDays({ type: 'sick', from: '2026-11-23', to: '2026-11-23', part: 'am' }, calendar)).toBe(0.5);
    expect(leaveDays({ type: 'sick', from: '2026-10-02', to: '2026-10-02', part: 'pm' }, calendar)).toBe(0);
  });

  it('counts 产假 in calendar days, holidays included', () => {
    expect(leaveDays({ type: 'maternity', from: '2026-09-25', to: '2027-01-01', part: 'full' }, calendar)).toBe(99);
  });

  it('a leave wholly inside a holiday takes no days', () => {
    expect(leaveDays({ type: 'annual', from: '2026-10-01', to: '2026-10-07', part: 'full' }, calendar)).toBe(0);
  });
});

describe('overlap of one person\'s requests', () => {
  it('shares a day unless they are the two halves of it', () => {
    expect(requestsOverlap({ from: '2026-11-23', to: '2026-11-25', part: 'full' }, { from: '2026-11-25', to: '2026-11-25', part: 'am' })).toBe(true);
    expect(requestsOverlap({ from: '2026-11-23', to: '2026-11-23', part: 'am' }, { from: '2026-11-23', to: '2026-11-23', part: 'pm' })).toBe(false);
    expect(requestsOverlap({ from: '2026-11-23', to: '2026-11-23', part: 'am' }, { from: '2026-11-23', to: '2026-11-23', part: 'am' })).toBe(true);
    expect(requestsOverlap({ from: '2026-11-23', to: '2026-11-24', part: 'full' }, { from: '2026-11-25', to: '2026-11-26', part: 'full' })).toBe(false);
  });
});
