import { describe, expect, it } from 'vitest';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.ts';
import { en } from '../../../renderer/src/i18n/en.ts';

describe('translations', () => {
  it('have the same keys in both languages, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
  });

  it('explain every field problem the contract can report', async () => {
    const problems = ['required', 'too_long', 'format', 'invalid_type', 'invalid_value', 'out_of_range', 'unknown_field', 'checksum', 'taken', 'future_date', 'before_hire', 'too_young', 'gender_mismatch', 'wrong_zone'];
    for (const problem of problems) expect(Object.keys(zhCN)).toContain(`problem.${problem}`);
  });
});

describe('area catalogues', () => {
  it('never define the same key twice, which would let one area silently reword another', async () => {
    const { coreZh } = await import('../../../renderer/src/i18n/zh-CN.ts');
    const { calendarZh } = await import('../../../renderer/src/i18n/areas/calendar.ts');
    const { leaveZh } = await import('../../../renderer/src/i18n/areas/leave.ts');
    const { attendanceZh } = await import('../../../renderer/src/i18n/areas/attendance.ts');
    const { demandZh } = await import('../../../renderer/src/i18n/areas/demand.ts');
    const seen = new Map<string, string>();
    for (const [area, catalogue] of Object.entries({ core: coreZh, calendar: calendarZh, leave: leaveZh, attendance: attendanceZh, demand: demandZh })) {
      for (const key of Object.keys(catalogue)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });
});
