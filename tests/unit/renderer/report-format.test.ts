import { describe, expect, it } from 'vitest';
import type { Centre } from '../../../electron/contract/model.ts';
import { en as enCatalogue } from '../../../renderer/src/i18n/en.ts';
import { zhCN, type MessageKey } from '../../../renderer/src/i18n/zh-CN.ts';
import { daysText, hoursBreachText, hoursText, percentText, reportNames, shortDate, signedYuanText, waitText, yuanText } from '../../../renderer/src/areas/reports/report-format.ts';
import { namedPageRules } from '../../../renderer/src/areas/print/print-model.ts';

/** The i18n provider's template filling, over the two catalogues (the provider itself needs a window). */
function translator(catalogue: Record<MessageKey, string>) {
  return (key: MessageKey, values: Record<string, string | number> = {}) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
const zh = translator(zhCN);
const en = translator(enCatalogue);

const CENTRE: Centre = {
  nameZh: '示范市政务服务中心',
  nameEn: 'Demo',
  zones: [{ id: 3, code: 'AF', nameZh: '农林水务', nameEn: 'Agriculture', kind: 'windows', sortOrder: 3 }],
  posts: [{ id: 7, code: 'AF-INTAKE', zoneId: 3, nameZh: '农林水务收件', nameEn: 'Agriculture intake', function: 'intake' }],
  windows: [],
} as unknown as Centre;

describe('report figures in words', () => {
  it('shows minutes as hours with one decimal and yuan with separators and cents', () => {
    expect(hoursText(90)).toBe('1.5');
    expect(hoursText(0)).toBe('0.0');
    expect(hoursText(2160)).toBe('36.0');
    expect(yuanText(12345.6)).toBe('12,345.60');
    expect(signedYuanText(6045.32)).toBe('+6,045.32');
    expect(signedYuanText(-6045.32)).toBe('−6,045.32');
    expect(signedYuanText(0)).toBe('0.00');
    expect(daysText(1.5)).toBe('1.5');
    expect(daysText(2)).toBe('2');
    expect(percentText(null)).toBe('—');
    expect(percentText(97.8)).toBe('97.8%');
    expect(shortDate('2026-11-05')).toBe('11-05');
  });

  it('words each hours breach with its figures, in both languages', () => {
    expect(hoursBreachText({ rule: 'monthly_overtime_cap', minutes: 2400, capMinutes: 2160 }, zh)).toBe('本月加班 40.0 小时，超过每月 36.0 小时上限');
    expect(hoursBreachText({ rule: 'daily_overtime_cap', date: '2026-11-05', minutes: 210, capMinutes: 180 }, zh)).toBe('11-05 延长工作 3.5 小时，超过每日 3.0 小时上限');
    expect(hoursBreachText({ rule: 'cycle_overtime_cap', from: '2026-10-01', to: '2026-12-31', minutes: 6600, capMinutes: 6480 }, en)).toBe(
      'cycle 2026-10-01 to 2026-12-31: 110.0 h of overtime, over the 108.0 h limit',
    );
  });

  it('says a wait in minutes, or how many visitors the staff cannot keep up with', () => {
    expect(waitText({ averageWaitSeconds: 134.4, unstableShare: 0 }, zh)).toBe('2.2 分钟');
    expect(waitText({ averageWaitSeconds: 4389, unstableShare: 0.0133 }, zh)).toBe('排不完（1% 来客）');
    // A sliver of visitors stranded still reads as at least 1%, never as 0%.
    expect(waitText({ averageWaitSeconds: 100, unstableShare: 0.001 }, en)).toBe('cannot keep up (1% of visitors)');
  });

  it('names zones, posts and shifts in the reader’s language, the centre where there is no zone', () => {
    const names = reportNames(CENTRE, [{ code: 'AM', nameZh: '上午', nameEn: 'Morning' }], 'en', 'Whole centre');
    expect(names.zone(3)).toBe('Agriculture');
    expect(names.zone(null)).toBe('Whole centre');
    expect(names.post(7)).toBe('Agriculture intake');
    expect(names.shift('AM')).toBe('Morning');
    expect(names.shift('XX')).toBe('XX');
    expect(reportNames(CENTRE, [], 'zh-CN', '全中心').post(7)).toBe('农林水务收件');
  });
});

describe('named printed pages', () => {
  it('writes the size, margins, running head, page counter and print date of one named page', () => {
    const rules = namedPageRules({ name: 'client-report', size: 'A4 portrait', margin: '14mm 12mm', top: '示范市 · 月度报告', counter: '第 {page} 页 / 共 {pages} 页', printDate: '打印日期：2026年11月22日' });
    expect(rules).toContain('@page client-report {');
    expect(rules).toContain('size: A4 portrait;');
    expect(rules).toContain('@top-center { content: "示范市 · 月度报告";');
    expect(rules).toContain('content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";');
    expect(rules).toContain('@bottom-right { content: "打印日期：2026年11月22日";');
  });
});
