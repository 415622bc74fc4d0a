import { describe, expect, it } from 'vitest';
import type { RosterAssignmentView, RosterCoverageCell } from '../../../electron/contract/areas/roster.ts';
import type { AppError } from '../../../electron/contract/errors.ts';
import { defaultPeriod, isoWeek, periodChoices, periodOfRoster, weekPeriod } from '../../../renderer/src/areas/roster/period.ts';
import { gapText, localMessage, problemLines, stampText } from '../../../renderer/src/areas/roster/roster-format.ts';
import {
  coverageRows,
  coverageState,
  coverageTotals,
  dutyGroups,
  lacksBackup,
  rosterRows,
  shiftOrder,
} from '../../../renderer/src/areas/roster/roster-view.ts';

// The e2e clock's day: Sunday 22 November 2026.
const TODAY = '2026-11-22';

describe('roster period', () => {
  it('offers next week, Monday to Sunday, by default', () => {
    expect(defaultPeriod('week', TODAY)).toEqual({ kind: 'week', from: '2026-11-23', days: 7 });
    expect(defaultPeriod('week', '2026-11-23')).toEqual({ kind: 'week', from: '2026-11-30', days: 7 });
  });

  it('offers next month from its first day, with its own length', () => {
    expect(defaultPeriod('month', TODAY)).toEqual({ kind: 'month', from: '2026-12-01', days: 31 });
    expect(defaultPeriod('month', '2027-01-15')).toEqual({ kind: 'month', from: '2027-02-01', days: 28 });
    expect(defaultPeriod('month', '2028-01-15').days).toBe(29);
  });

  it('lists only Monday-start weeks and first-of-month months, the default among them', () => {
    const weeks = periodChoices('week', TODAY);
    expect(weeks.every((week) => new Date(`${week.from}T00:00:00Z`).getUTCDay() === 1 && week.days === 7)).toBe(true);
    expect(weeks.map((week) => week.from)).toContain('2026-11-23');
    const months = periodChoices('month', TODAY);
    expect(months.every((month) => month.from.endsWith('-01') && month.days >= 28 && month.days <= 31)).toBe(true);
    expect(months.map((month) => month.from)).toContain('2026-12-01');
  });

  it('reads a saved roster back as the week or month it covers', () => {
    expect(periodOfRoster({ from: '2026-11-23', to: '2026-11-29' })).toEqual(weekPeriod('2026-11-23'));
    expect(periodOfRoster({ from: '2026-12-01', to: '2026-12-31' })).toEqual({ kind: 'month', from: '2026-12-01', days: 31 });
    expect(periodOfRoster({ from: '2026-11-25', to: '2026-11-27' })).toEqual({ kind: 'week', from: '2026-11-25', days: 3 });
  });

  it('numbers weeks as ISO does', () => {
    expect(isoWeek('2026-11-23')).toBe(48);
    expect(isoWeek('2026-12-28')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
  });
});

const shifts = [
  { code: 'PM', startsAt: 810, endsAt: 1050 },
  { code: 'AM', startsAt: 510, endsAt: 720 },
  { code: 'NOON', startsAt: 720, endsAt: 810 },
];
const byShift = shiftOrder(shifts);
const byPost = (a: number, b: number) => a - b;

function assignment(overrides: Partial<RosterAssignmentView>): RosterAssignmentView {
  return { staffId: 1, staffName: '王芳', date: '2026-11-23', shiftCode: 'AM', postId: 10, learner: false, windowId: null, ...overrides };
}

describe('roster grid rows', () => {
  it('puts each person’s duties under their days, shifts in clock order', () => {
    const rows = rosterRows(
      [assignment({ shiftCode: 'PM' }), assignment({ shiftCode: 'AM' }), assignment({ date: '2026-11-24', postId: 11 })],
      byShift,
      byPost,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.shifts).toBe(3);
    expect(rows[0]?.days['2026-11-23']?.map((duty) => duty.shiftCode)).toEqual(['AM', 'PM']);
    expect(rows[0]?.mainPostId).toBe(10);
  });

  it('groups people by the post they hold most, learners’ shifts not counting toward it', () => {
    const rows = rosterRows(
      [
        assignment({ staffId: 2, staffName: '李强', postId: 11 }),
        assignment({ staffId: 1, staffName: '王芳', postId: 12, learner: true }),
        assignment({ staffId: 1, staffName: '王芳', postId: 12, learner: true, date: '2026-11-24' }),
        assignment({ staffId: 1, staffName: '王芳', postId: 10, date: '2026-11-25' }),
      ],
      byShift,
      byPost,
    );
    expect(rows.map((row) => [row.staffName, row.mainPostId])).toEqual([
      ['王芳', 10],
      ['李强', 11],
    ]);
  });

  it('words a day’s shifts at one post together and keeps a learner’s duty apart', () => {
    expect(
      dutyGroups([
        { shiftCode: 'AM', postId: 10, learner: false },
        { shiftCode: 'PM', postId: 10, learner: false },
        { shiftCode: 'NOON', postId: 10, learner: true },
      ]),
    ).toEqual([
      { postId: 10, learner: false, shiftCodes: ['AM', 'PM'] },
      { postId: 10, learner: true, shiftCodes: ['NOON'] },
    ]);
  });
});

function cell(overrides: Partial<RosterCoverageCell>): RosterCoverageCell {
  return { date: '2026-11-23', shiftCode: 'AM', postId: 10, required: 2, assigned: 2, backup: true, ...overrides };
}

describe('coverage', () => {
  it('calls a cell short when fewer are assigned than required, and idle when nothing is asked', () => {
    expect(coverageState(cell({ assigned: 1 }))).toBe('short');
    expect(coverageState(cell({}))).toBe('met');
    expect(coverageState(cell({ assigned: 3 }))).toBe('over');
    expect(coverageState(cell({ required: 0, assigned: 0 }))).toBe('idle');
  });

  it('marks a staffed slot without backup, not an empty or unasked one', () => {
    expect(lacksBackup(cell({ backup: false }))).toBe(true);
    expect(lacksBackup(cell({ backup: false, assigned: 0 }))).toBe(false);
    expect(lacksBackup(cell({ backup: false, required: 0, assigned: 0 }))).toBe(false);
  });

  it('rows by day then shift in clock order, counting what each is short', () => {
    const rows = coverageRows(
      [cell({ shiftCode: 'PM', assigned: 0 }), cell({ shiftCode: 'AM', postId: 11, assigned: 1 }), cell({ shiftCode: 'AM' }), cell({ date: '2026-11-22' })],
      byShift,
    );
    expect(rows.map((row) => [row.date, row.shiftCode, row.short])).toEqual([
      ['2026-11-22', 'AM', 0],
      ['2026-11-23', 'AM', 1],
      ['2026-11-23', 'PM', 2],
    ]);
  });

  it('totals short slots, missing staff-shifts and slots without backup', () => {
    expect(coverageTotals([cell({ assigned: 0 }), cell({ backup: false }), cell({ required: 0, assigned: 0 })])).toEqual({
      slots: 2,
      short: 1,
      missing: 2,
      withoutBackup: 1,
    });
  });
});

describe('roster wording', () => {
  it('shows a proven optimum as 0% and small gaps with enough digits to be seen', () => {
    expect(gapText(0)).toBe('0%');
    expect(gapText(0.0123)).toBe('1.23%');
    expect(gapText(0.0004)).toBe('0.040%');
    expect(gapText(null)).toBe('—');
  });

  it('shows a moment as month-day and time', () => {
    expect(stampText('2026-11-22T10:05:00')).toBe('11-22 10:05');
    expect(stampText(null)).toBe('—');
  });

  it('lists every problem of a refused import, one a line, with its path in the file', () => {
    const refused: AppError = {
      code: 'invalid_argument',
      message: 'r.json 未导入，有 2 处问题。 / r.json was not imported: 2 problem(s): assignments[0].staff: unknown staff "99"; assignments[3].date: outside the period',
      fields: { 'assignments[0].staff': 'invalid_value', 'assignments[3].date': 'invalid_value' },
    };
    expect(problemLines(refused)).toEqual(['assignments[0].staff: unknown staff "99"', 'assignments[3].date: outside the period']);
    expect(problemLines({ code: 'invalid_argument', message: 'bad', fields: { 'assignments.0.post': 'invalid_value' } })).toEqual(['assignments.0.post: invalid_value']);
  });

  it('shows a two-language refusal in the user’s language only', () => {
    const message = '该草稿与已发布的排班 #1 2026-11-23–2026-11-29 重叠。 / This draft overlaps published roster(s) #1 2026-11-23–2026-11-29、#2.';
    expect(localMessage(message, 'zh-CN')).toBe('该草稿与已发布的排班 #1 2026-11-23–2026-11-29 重叠。');
    expect(localMessage(message, 'en')).toBe('This draft overlaps published roster(s) #1 2026-11-23–2026-11-29、#2.');
    expect(localMessage('No roster with id 9', 'zh-CN')).toBe('No roster with id 9');
  });
});

describe('roster catalogue', () => {
  it('defines no key another catalogue already has, so it cannot silently reword another area', async () => {
    const { rosterZh } = await import('../../../renderer/src/i18n/areas/roster.ts');
    const others = await Promise.all([
      import('../../../renderer/src/i18n/zh-CN.ts').then((module) => module.coreZh),
      import('../../../renderer/src/i18n/areas/calendar.ts').then((module) => module.calendarZh),
      import('../../../renderer/src/i18n/areas/leave.ts').then((module) => module.leaveZh),
      import('../../../renderer/src/i18n/areas/attendance.ts').then((module) => module.attendanceZh),
      import('../../../renderer/src/i18n/areas/demand.ts').then((module) => module.demandZh),
    ]);
    const taken = new Set(others.flatMap((catalogue) => Object.keys(catalogue)));
    expect(Object.keys(rosterZh).filter((key) => taken.has(key))).toEqual([]);
  });
});
