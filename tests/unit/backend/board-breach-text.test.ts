import { describe, expect, it } from 'vitest';
import { breachText, namesOf } from '../../../electron/backend/board/breach-text.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import type { Assignment, Scenario } from '../../../solver/roster/types.ts';

/** Two people with numeric ids, as the app's scenarios have them: ids must not be read as figures. */
const scenario: Scenario = {
  start: '2026-11-23',
  days: 7,
  shifts: [
    { id: 'AM', name: '上午', start: '08:30', end: '12:00' },
    { id: 'LATE', name: '延时', start: '17:30', end: '23:00' },
  ],
  posts: [{ id: '7', name: '农林水务收件' }],
  staff: [
    { id: '12', name: '张三', skills: { '7': 2 }, maxShiftsPerWeek: 2 },
    { id: '40', name: '李四', skills: { '7': 1 } },
  ],
  demand: [],
};

function textsOf(assignments: Assignment[]) {
  const names = namesOf(scenario);
  return checkRoster(scenario, assignments).breaches.map((breach) => ({ rule: breach.rule, ...breachText(breach, names) }));
}

describe('breach wording on the board', () => {
  it('names the person and gives the count and the limit of a weekly breach in Chinese and English', () => {
    const texts = textsOf(['2026-11-23', '2026-11-24', '2026-11-25'].map((date) => ({ staff: '12', date, shift: 'AM', post: '7' })));
    expect(texts).toEqual([{ rule: 'max_shifts_week', zh: '张三 自 2026-11-23 起的一周已排 3 班，上限 2 班', en: '张三 works 3 shifts in the week from 2026-11-23; the limit is 2' }]);
  });

  it('gives rest between days in hours and names a learner without a mentor', () => {
    const texts = textsOf([
      { staff: '12', date: '2026-11-23', shift: 'LATE', post: '7' },
      { staff: '12', date: '2026-11-24', shift: 'AM', post: '7' },
      { staff: '40', date: '2026-11-26', shift: 'AM', post: '7', learner: true },
    ]);
    expect(texts).toContainEqual({ rule: 'min_rest', zh: '张三 在 2026-11-24 上午 前休息仅 9.5 小时，至少 11 小时', en: '张三 rests only 9.5 h before 2026-11-24 上午; the least is 11 h' });
    expect(texts).toContainEqual({ rule: 'learner_mentor', zh: '2026-11-26 上午 农林水务收件 有 1 名学员，但只有 0 名带教', en: '1 learner(s) at 农林水务收件 on 2026-11-26 上午 beside only 0 mentor(s)' });
  });

  it('names a window by the hall\'s code, not its id, when two people share it', () => {
    const hall: Scenario = { ...scenario, windows: [{ id: '15', name: 'A03', post: '7', staffing: 'fixed', shifts: ['AM'] }] };
    const shared: Assignment[] = ['12', '40'].map((staff) => ({ staff, date: '2026-11-23', shift: 'AM', post: '7', window: '15' }));
    const texts = checkRoster(hall, shared).breaches.map((breach) => breachText(breach, namesOf(hall)));
    expect(texts).toContainEqual({ zh: '2026-11-23 上午 窗口 A03 同时坐了两人（李四 与 张三）', en: 'Two people sit at window A03 on 2026-11-23 上午 (李四 and 张三)' });
    expect(texts.some((text) => text.zh.includes('#15') || text.en.includes('#15'))).toBe(false);
  });
});
