import { describe, expect, it } from 'vitest';
import type { ImportRowError } from '../../../electron/contract/model.ts';
import { detailText, errorDetail } from '../../../renderer/src/components/import-detail.ts';
import { en as enCatalogue } from '../../../renderer/src/i18n/en.ts';
import { zhCN, type MessageKey } from '../../../renderer/src/i18n/zh-CN.ts';

/** The i18n provider's template filling, over the two catalogues (the provider itself needs a window). */
function translator(catalogue: Record<MessageKey, string>) {
  return (key: MessageKey, values: Record<string, string | number> = {}) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
const zh = translator(zhCN);
const en = translator(enCatalogue as Record<MessageKey, string>);

describe('an import problem’s detail in words', () => {
  it('puts a bare rule into words: a departure without a reason reads 此项必填, never 「required」', () => {
    expect(detailText('required', zh)).toBe('此项必填');
    expect(detailText('required', en)).toBe('Required');
  });

  it('puts a daily count over stored tickets into words, never 「stored_tickets」', () => {
    const text = detailText('stored_tickets: 2026-03-02 TX-01', zh);
    expect(text).toBe('该日该业务已有逐笔取号记录，再导入按日汇总会重复计数：2026-03-02 TX-01');
    expect(detailText('stored_tickets: 2026-03-02 TX-01', en)).not.toContain('stored_tickets');
  });

  it('keeps a value as typed after the rule, and a line reference in words', () => {
    expect(detailText('gender_mismatch: 男', zh)).toBe('与身份证号码不一致：男');
    expect(detailText('taken: line 3', zh)).toBe('已被占用：第 3 行');
    expect(detailText('line 3', zh)).toBe('第 3 行');
  });

  it('words a 工号 that belongs to someone else in the language shown, with both people', () => {
    const error: ImportRowError = {
      line: 12,
      column: '工号',
      problem: 'identity_mismatch',
      detail: '工号 A0031 已属于 张三（身份证 …1234），本行是 李四（…5678）。如是同一人改名，请先在人员档案中修改。',
      params: { employeeNo: 'A0031', storedName: '张三', storedId: '1234', rowName: '李四', rowId: '5678' },
    };
    expect(errorDetail(error, zh)).toBe(error.detail);
    expect(errorDetail(error, en)).toBe('Employee no. A0031 belongs to 张三 (ID …1234); this row is 李四 (…5678). If it is the same person under a new name, change the name in the staff records first.');
  });
});
