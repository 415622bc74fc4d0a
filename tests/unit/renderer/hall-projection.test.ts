import { describe, expect, it } from 'vitest';
import type { RosterHallView } from '../../../electron/contract/areas/roster.ts';
import type { Zone } from '../../../electron/contract/model.ts';
import { hallProjection } from '../../../renderer/src/areas/roster/hall-projection.ts';

const zones = [
  { id: 1, code: 'PJ', nameZh: '公安司法', nameEn: 'Police & Justice' },
  { id: 6, code: 'TX', nameZh: '税务', nameEn: 'Tax' },
] as unknown as Zone[];

const hall: RosterHallView = {
  onDuty: [
    { zone: '1', contractedPostDays: 50, staffedPostDays: 50, ratePercent: 100, met: true },
    { zone: '6', contractedPostDays: 70, staffedPostDays: 66, ratePercent: 94.3, met: false },
    { zone: '*', contractedPostDays: 120, staffedPostDays: 116, ratePercent: 96.7, met: false },
  ],
  targetPercent: 98,
  lieuOwed: { '7': 180, '8': 0, '9': 420 },
  lieuPlanned: [{ staff: '10', date: '2026-12-16', shift: 'PM', minutes: 240 }],
  moves: [{ staff: '7', date: '2026-12-14', shift: 'AM', fromZone: '1', toZone: '6', post: '60', reason: '借调至税务：周一上午预计排队 32 分钟，本区富余 2 人', reasonEn: 'Lent to Tax' }],
  windowsOpen: [
    { date: '2026-12-14', shift: 'AM', open: 30, seated: 30 },
    { date: '2026-12-14', shift: 'PM', open: 28, seated: 27 },
  ],
  windowsClosed: [{ date: '2026-12-14', shift: 'PM', post: '60', windows: ['4', '5'], open: 3, reason: '预计 14:00–15:30 办件 12 件，开 3 个窗口即可', reasonEn: 'Expected 12 applications 14:00–15:30: 3 windows are enough' }],
};

const assignments = [
  { staffId: 7, staffName: '张三', date: '2026-12-14', shiftCode: 'AM', postId: 60, learner: false, windowId: 3 },
  { staffId: 9, staffName: '李四', date: '2026-12-19', shiftCode: 'AM', postId: 10, learner: false, windowId: 1 },
];

describe("a draft's projection for the client", () => {
  it('gives the centre and each zone against the target, the short ones marked', () => {
    const projection = hallProjection({ hall, assignments }, zones, 'zh-CN')!;
    expect(projection.centre).toMatchObject({ ratePercent: 96.7, met: false });
    expect(projection.zones.map((line) => [line.name, line.ratePercent, line.met])).toEqual([
      ['公安司法', 100, true],
      ['税务', 94.3, false],
    ]);
  });

  it('lists only the shifts with an unseated window, and counts window-shifts seated against opened', () => {
    const projection = hallProjection({ hall, assignments }, zones, 'zh-CN')!;
    expect(projection.unseated).toEqual([{ date: '2026-12-14', shift: 'PM', open: 28, seated: 27 }]);
    expect([projection.windowsSeated, projection.windowsOpened]).toEqual([57, 58]);
  });

  it('names who moves and why, in the reader’s language, and who is owed lieu, most first, none for zero, and who is given lieu back', () => {
    expect(hallProjection({ hall, assignments }, zones, 'zh-CN')!.moves[0]).toMatchObject({ name: '张三', reason: expect.stringContaining('借调至税务') });
    expect(hallProjection({ hall, assignments }, zones, 'en')!.moves[0]!.reason).toBe('Lent to Tax');
    expect(hallProjection({ hall, assignments }, zones, 'zh-CN')!.lieu).toEqual([
      { staffId: '9', name: '李四', minutes: 420, planned: [], cycle: false },
      { staffId: '7', name: '张三', minutes: 180, planned: [], cycle: false },
      { staffId: '10', name: '#10', minutes: 0, planned: [{ date: '2026-12-16', shift: 'PM' }], cycle: false },
    ]);
  });

  it('marks a 综合计算工时 person\'s lieu as cycle rest', () => {
    const lines = hallProjection({ hall: { ...hall, cyclePlan: ['9', '10'] }, assignments }, zones, 'zh-CN')!.lieu;
    expect(lines.map((line) => [line.staffId, line.cycle])).toEqual([['9', true], ['7', false], ['10', true]]);
  });

  it('says which windows a shift leaves closed and why, in the reader’s language', () => {
    expect(hallProjection({ hall, assignments }, zones, 'zh-CN')!.closed).toEqual([
      { key: '2026-12-14|PM|60', date: '2026-12-14', shift: 'PM', windowIds: [4, 5], reason: '预计 14:00–15:30 办件 12 件，开 3 个窗口即可' },
    ]);
    expect(hallProjection({ hall, assignments }, zones, 'en')!.closed[0]!.reason).toBe('Expected 12 applications 14:00–15:30: 3 windows are enough');
  });

  it('is nothing for a roster without the hall rules (a scenario file, a benchmark)', () => {
    expect(hallProjection({ hall: null, assignments }, zones, 'zh-CN')).toBeNull();
  });
});
