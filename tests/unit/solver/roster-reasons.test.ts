import { describe, expect, it } from 'vitest';
import { isoDate, isoDay } from '../../../solver/roster/prepare.ts';
import { explainGaps } from '../../../solver/roster/reasons.ts';
import type { Assignment, Gap, Scenario, StaffDef } from '../../../solver/roster/types.ts';

// 2026-03-02 is a Monday; day 1 is Tuesday, day 5 Saturday.
const START = '2026-03-02';
const date = (day: number) => isoDate(isoDay(START) + day);

function scenario(staff: StaffDef[], changes: Partial<Scenario> = {}): Scenario {
  return {
    start: START,
    days: 7,
    shifts: [
      { id: 'AM', name: '上午', start: '08:00', end: '12:00' },
      { id: 'PM', name: '下午', start: '13:00', end: '17:00' },
      { id: 'EV', name: '晚班', start: '18:00', end: '22:00' },
      { id: 'EARLY', name: '早班', start: '06:00', end: '10:00' },
    ],
    posts: [
      { id: 'TAX', name: '税务收件' },
      { id: 'GEN', name: '综合受理' },
    ],
    staff,
    demand: [{ date: date(1), shift: 'AM', post: 'TAX', required: 1 }],
    ...changes,
  };
}

function person(id: string, name: string, changes: Partial<StaffDef> = {}): StaffDef {
  return { id, name, skills: { TAX: 2 }, ...changes };
}

function on(staff: string, day: number, shift = 'AM', post = 'TAX', learner?: boolean): Assignment {
  return { staff, date: date(day), shift, post, ...(learner === undefined ? {} : { learner }) };
}

/** The one gap of Tuesday AM at TAX. */
function gapOf(s: Scenario, assignments: Assignment[]): Gap {
  const gaps = explainGaps(s, assignments);
  expect(gaps).toHaveLength(1);
  return gaps[0]!;
}

/** The cause and English phrase for the only person not on the slot. */
function onlyCause(staff: StaffDef, assignments: Assignment[], changes: Partial<Scenario> = {}): { cause: string; detail?: string; en: string; zh: string } {
  const gap = gapOf(scenario([staff], changes), assignments);
  const [exclusion] = gap.causes;
  return { cause: exclusion!.cause, ...(exclusion!.detail ? { detail: exclusion!.detail } : {}), en: gap.reasonEn, zh: gap.reason };
}

describe('explainGaps: the gap and its plain words', () => {
  const staff = [
    person('a', '张三', { unavailable: [{ date: date(1), reason: '年假' }] }),
    person('b', '李四', { maxShiftsPerWeek: 5 }),
    person('c', '王五', { skills: { TAX: 2, GEN: 2 } }),
    person('d', '赵六', { skills: { TAX: 1 } }),
  ];
  const roster = [...[0, 2, 3, 4, 5].map((day) => on('b', day)), on('c', 1, 'AM', 'GEN')];

  it('names each qualified person and why they are not there, in Chinese and English', () => {
    const gap = gapOf(scenario(staff), roster);
    expect(gap).toEqual({
      date: date(1),
      shift: 'AM',
      post: 'TAX',
      missing: 1,
      qualified: 3,
      reason: '周二上午 税务收件 缺 1 人：3 名合格人员中，张三 年假，王五 已在 综合受理 上岗，李四 本周已排满 5 班。',
      reasonEn: 'Tue 上午 税务收件 short 1: of the 3 qualified people, 张三 is on annual leave, 王五 is working at 综合受理, 李四 has reached 5 shifts this week.',
      causes: [
        { staff: 'a', cause: 'unavailable', detail: '年假' },
        { staff: 'c', cause: 'assigned_elsewhere', detail: 'GEN' },
        { staff: 'b', cause: 'max_shifts_week', detail: '5' },
      ],
    });
  });

  it('gives no gap where demand is met', () => {
    expect(explainGaps(scenario(staff), [...roster.slice(0, 4), on('b', 1)])).toEqual([]);
  });

  it('does not count a learner toward demand', () => {
    const s = scenario([person('m', '孙七', { skills: { TAX: 3 } }), person('l', '周八', { skills: { TAX: 1 } })], { demand: [{ date: date(1), shift: 'AM', post: 'TAX', required: 2 }] });
    const gap = gapOf(s, [on('m', 1), on('l', 1, 'AM', 'TAX', true)]);
    expect(gap.missing).toBe(1);
    expect(gap.reason).toBe('周二上午 税务收件 缺 1 人：唯一的合格人员已在此岗。');
    expect(gap.reasonEn).toBe('Tue 上午 税务收件 short 1: the only qualified person is already on this post.');
  });

  it('says so when nobody is qualified at all', () => {
    const gap = gapOf(scenario([person('x', '吴九', { skills: { GEN: 3 } })]), []);
    expect(gap.reason).toBe('周二上午 税务收件 缺 1 人：没有任何合格人员（该岗位等级 ≥ 2）。');
    expect(gap.reasonEn).toBe('Tue 上午 税务收件 short 1: no qualified people at all (level ≥ 2 at this post).');
    expect(gap).toMatchObject({ qualified: 0, causes: [] });
  });

  it('says so when every qualified person is already on the post', () => {
    const s = scenario([person('a', '张三'), person('b', '李四')], { demand: [{ date: date(1), shift: 'AM', post: 'TAX', required: 3 }] });
    const gap = gapOf(s, [on('a', 1), on('b', 1)]);
    expect(gap.reason).toBe('周二上午 税务收件 缺 1 人：全部 2 名合格人员都已在此岗。');
    expect(gap.reasonEn).toBe('Tue 上午 税务收件 short 1: all 2 qualified people are already on this post.');
  });

  it('names five people and counts the rest', () => {
    const away = Array.from({ length: 8 }, (_, index) => person(`p${index}`, `员工${index}`, { unavailable: [{ date: date(1), reason: '病假' }] }));
    const gap = gapOf(scenario(away), []);
    expect(gap.causes).toHaveLength(8);
    expect(gap.reason).toBe('周二上午 税务收件 缺 1 人：8 名合格人员中，员工0 病假，员工1 病假，员工2 病假，员工3 病假，员工4 病假，另有 3 人。');
    expect(gap.reasonEn).toBe('Tue 上午 税务收件 short 1: of the 8 qualified people, 员工0 is on sick leave, 员工1 is on sick leave, 员工2 is on sick leave, 员工3 is on sick leave, 员工4 is on sick leave, …and 3 more.');
  });

  it('puts the date in the label when the horizon is longer than a week', () => {
    const gap = gapOf(scenario([person('a', '张三', { unavailable: [{ date: date(1) }] })], { days: 14 }), []);
    expect(gap.reason).toBe('3月3日周二上午 税务收件 缺 1 人：1 名合格人员中，张三 不可排班。');
    expect(gap.reasonEn).toBe('Tue 3 Mar 上午 税务收件 short 1: of the 1 qualified person, 张三 is unavailable.');
  });

  it('keeps an unknown leave reason in the English text as written', () => {
    const { en } = onlyCause(person('a', '张三', { unavailable: [{ date: date(1), shift: 'AM', reason: '献血' }] }), []);
    expect(en).toContain('张三 is unavailable (献血)');
  });

  it('lists the people the optimiser could have used first, then absences, then the busy', () => {
    const s = scenario([person('a', '张三', { unavailable: [{ date: date(1) }] }), person('b', '李四', { skills: { TAX: 2, GEN: 2 } }), person('c', '王五')]);
    const gap = gapOf(s, [on('b', 1, 'AM', 'GEN')]);
    expect(gap.causes.map((cause) => cause.cause)).toEqual(['cost', 'unavailable', 'assigned_elsewhere']);
  });
});

describe('explainGaps: every cause, found by trying the person on the slot', () => {
  it('a fixed day off', () => {
    expect(onlyCause(person('a', '张三', { fixedWeekdaysOff: [2] }), [])).toMatchObject({ cause: 'fixed_day_off', detail: '2', en: expect.stringContaining('张三 has Tuesdays off') });
  });

  it('another shift of the same day that overlaps', () => {
    const found = onlyCause(person('a', '张三'), [on('a', 1, 'EARLY')]);
    expect(found).toMatchObject({ cause: 'overlap', detail: 'EARLY' });
    expect(found.zh).toContain('张三 已上 早班，时间重叠');
  });

  it('the weekly hours', () => {
    expect(onlyCause(person('a', '张三', { maxHoursPerWeek: 8 }), [on('a', 0), on('a', 2)])).toMatchObject({ cause: 'max_hours_week', detail: '8', en: expect.stringContaining('张三 has reached the 8 h limit this week') });
  });

  it('the shifts of a day', () => {
    expect(onlyCause(person('a', '张三', { maxShiftsPerDay: 1 }), [on('a', 1, 'PM')])).toMatchObject({ cause: 'max_shifts_day', en: expect.stringContaining('has reached 1 shift that day') });
  });

  it('a shift type never worked, or worked enough', () => {
    expect(onlyCause(person('a', '张三', { maxShiftsByType: { AM: 0 } }), [])).toMatchObject({ cause: 'max_shifts_type', zh: expect.stringContaining('张三 不上上午') });
    expect(onlyCause(person('a', '张三', { maxShiftsByType: { AM: 2 } }), [on('a', 0), on('a', 2)])).toMatchObject({ cause: 'max_shifts_type', en: expect.stringContaining('has reached 2 上午 shifts in the period') });
  });

  it('the total minutes of the horizon', () => {
    expect(onlyCause(person('a', '张三', { maxMinutesTotal: 480 }), [on('a', 0), on('a', 2)])).toMatchObject({ cause: 'max_minutes_total', en: expect.stringContaining("has reached the period's limit of 8 h") });
  });

  it('the consecutive days, and the rest day in every 7', () => {
    expect(onlyCause(person('a', '张三', { maxConsecutiveDays: 2 }), [on('a', 0), on('a', 2)])).toMatchObject({ cause: 'max_consecutive_days', en: expect.stringContaining('would work more than 2 days in a row') });
    expect(onlyCause(person('a', '张三', { maxConsecutiveDays: 9, daysWorkedBefore: 5 }), [on('a', 0)])).toMatchObject({ cause: 'rest_day_in_seven', zh: expect.stringContaining('张三 每 7 天须休息 1 天') });
  });

  it('the rest after the evening before, and before the next morning', () => {
    const after = onlyCause(person('a', '张三'), [on('a', 0, 'EV')], { demand: [{ date: date(1), shift: 'EARLY', post: 'TAX', required: 1 }] });
    expect(after).toMatchObject({ cause: 'min_rest', detail: `${date(0)} EV` });
    expect(after.en).toContain('张三 would rest less than 11 h next to Mon 晚班');
    expect(after.zh).toContain('张三 与周一晚班之间休息不足 11 小时');
    const before = onlyCause(person('a', '张三'), [on('a', 2, 'EARLY')], { demand: [{ date: date(1), shift: 'EV', post: 'TAX', required: 1 }] });
    expect(before).toMatchObject({ cause: 'min_rest', detail: `${date(2)} EARLY` });
  });

  it('a forbidden sequence', () => {
    const found = onlyCause(person('a', '张三'), [on('a', 0, 'PM')], { rules: { minRestMinutes: 0, forbiddenSequences: [{ first: 'PM', then: 'AM' }] } });
    expect(found).toMatchObject({ cause: 'forbidden_sequence', en: expect.stringContaining('would make a forbidden sequence with Mon 下午') });
  });

  it('the weekends', () => {
    const s: Partial<Scenario> = { days: 14, demand: [{ date: date(5), shift: 'AM', post: 'TAX', required: 1 }] };
    const gap = explainGaps(scenario([person('a', '张三', { maxWeekends: 1 })], s), [on('a', 13)])[0]!;
    expect(gap.causes).toEqual([{ staff: 'a', cause: 'max_weekends', detail: '1' }]);
    expect(gap.reasonEn).toContain('张三 has reached 1 weekend');
  });

  it('a minimum block of working days or days off', () => {
    // Tuesday alone would be a block of 1 working day that starts inside the horizon.
    const found = onlyCause(person('a', '张三', { minConsecutiveDays: 3 }), []);
    expect(found).toMatchObject({ cause: 'min_consecutive', en: expect.stringContaining('would break a minimum run of working days or days off') });
  });
});

describe('explainGaps: when nothing forbade it', () => {
  it('says honestly that the weights favoured leaving the person off, and which ones', () => {
    const s = scenario([person('a', '张三', { homePosts: ['GEN'] })], { demand: [{ date: date(1), shift: 'AM', post: 'TAX', required: 1, underWeight: 0 }], weights: { fairness: 0 } });
    const gap = gapOf(s, []);
    expect(gap.causes).toEqual([{ staff: 'a', cause: 'cost', detail: 'cost,continuity' }]);
    expect(gap.reason).toBe('周二上午 税务收件 缺 1 人：1 名合格人员中，张三 可以上班，但权重倾向于不排（会增加人工成本、固定窗口）。');
    expect(gap.reasonEn).toBe('Tue 上午 税务收件 short 1: of the 1 qualified person, 张三 could work, but the weights favoured leaving them off (it would add to labour cost, continuity).');
  });

  it('says the solve may have stopped early when placing the person would lower the total', () => {
    const gap = gapOf(scenario([person('a', '张三')]), []);
    expect(gap.causes).toEqual([{ staff: 'a', cause: 'cost', detail: 'lowers-total' }]);
    expect(gap.reasonEn).toContain('张三 could work, and placing them would lower the total penalty (the solve may have stopped early)');
  });
});
