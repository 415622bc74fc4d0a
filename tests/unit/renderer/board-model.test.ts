import { describe, expect, it } from 'vitest';
import type { BoardBreach, BoardCandidate, BoardDuty, BoardPerson, RosterBoard } from '../../../electron/contract/areas/board.ts';
import { personChoices, seatChoices } from '../../../renderer/src/areas/board/board-choices.ts';
import { boardKeyOf } from '../../../renderer/src/areas/board/board-keys.ts';
import {
  abMark,
  breachState,
  cellEditable,
  coverageState,
  dayEditable,
  dayMark,
  dutiesBySlot,
  moveText,
  personRows,
  seatBreaches,
  seatDuties,
  shownShifts,
  windowRows,
  type SeatRow,
} from '../../../renderer/src/areas/board/board-model.ts';

const MON = '2026-11-23';
const TUE = '2026-11-24';

const duty = (staffId: number, date: string, shiftCode: string, postId: number, windowId: number | null, extra: Partial<BoardDuty> = {}): BoardDuty => ({
  staffId, date, shiftCode, postId, windowId, windowGuessed: false, learner: false, pinned: false, ...extra,
});
const person = (staffId: number, name: string, extra: Partial<BoardPerson> = {}): BoardPerson => ({
  staffId, name, employeeNo: `E${staffId}`, homeZoneId: 1, aWindowId: null, bWindowIds: [], levels: {}, minutesByWeek: [0], maxMinutesPerWeek: 2640, ...extra,
});
const breach = (extra: Partial<BoardBreach>): BoardBreach => ({ rule: 'leave', staffId: 1, date: MON, shiftCode: 'AM', postId: 10, messageZh: '张三 当天请假', messageEn: 'Zhang San is on leave', override: null, ...extra });

// A zone with two intake windows (post 10) and a desk post without windows (post 11).
const board = {
  today: '2026-11-22',
  editable: true,
  editableZoneIds: null,
  days: [
    { date: MON, weekday: 1, kind: 'workday', holidayName: null },
    { date: TUE, weekday: 2, kind: 'workday', holidayName: null },
  ],
  shifts: [
    { code: 'AM', name: '上午', start: '09:00', end: '12:00', minutes: 180 },
    { code: 'PM', name: '下午', start: '13:30', end: '17:00', minutes: 210 },
    { code: 'NOON', name: '午间值守', start: '12:00', end: '13:30', minutes: 90 },
  ],
  zones: [
    {
      id: 1, code: 'TAX', nameZh: '税务', nameEn: 'Tax', postIds: [10, 11],
      windows: [
        { id: 100, code: 'T01', nameZh: '1号窗', nameEn: 'W1', postId: 10, aStaffId: 1, bStaffId: 2 },
        { id: 101, code: 'T02', nameZh: '2号窗', nameEn: 'W2', postId: 10, aStaffId: 3, bStaffId: null },
      ],
    },
  ],
  posts: [
    { id: 10, code: 'TAX-IN', nameZh: '税务收件', nameEn: 'Tax intake', zoneId: 1 },
    { id: 11, code: 'TAX-DESK', nameZh: '税务咨询', nameEn: 'Tax desk', zoneId: 1 },
  ],
  people: [person(1, '张三', { minutesByWeek: [960], aWindowId: 100 }), person(2, '李四', { bWindowIds: [100] }), person(3, '王五')],
  duties: [duty(2, TUE, 'PM', 10, 100), duty(1, MON, 'PM', 10, 100, { pinned: true }), duty(1, MON, 'AM', 10, 100), duty(3, MON, 'AM', 11, null), duty(2, MON, 'AM', 10, 100, { learner: true })],
  absences: [{ staffId: 3, date: TUE, shiftCode: null, source: 'leave', labelZh: '年假', labelEn: 'Annual leave' }],
  breaches: [breach({}), breach({ rule: 'weekly_hours', date: null, shiftCode: null, postId: null, staffId: 2 })],
  zoneCoverage: [{ zoneId: 1, date: MON, shiftCode: 'AM', required: 2, rostered: 1, withoutBackup: 0 }],
} as unknown as RosterBoard;

describe('board by person', () => {
  const rows = personRows(board);

  it('puts each day’s duties in the hall’s shift order, with leave and that day’s breaches', () => {
    const zhang = rows.find((row) => row.staffId === 1);
    expect(zhang?.days[MON]?.duties.map((d) => d.shiftCode)).toEqual(['AM', 'PM']);
    expect(zhang?.days[MON]?.breaches.map((b) => b.rule)).toEqual(['leave']);
    expect(zhang?.minutes).toBe(960);
    expect(rows.find((row) => row.staffId === 3)?.days[TUE]?.absences[0]?.labelZh).toBe('年假');
  });

  it('keeps a breach of the whole week on the person, not on a day', () => {
    const li = rows.find((row) => row.staffId === 2);
    expect(li?.weekBreaches.map((b) => b.rule)).toEqual(['weekly_hours']);
    expect(Object.values(li?.days ?? {}).flatMap((day) => day.breaches)).toEqual([]);
  });
});

describe('board by window', () => {
  const rows = windowRows(board, 'zh-CN', '覆盖');

  it('groups windows under their zone, adds posts without windows, and closes with the zone’s coverage row', () => {
    expect(rows.map((row) => `${row.kind}:${row.label}`)).toEqual(['zone:税务', 'seat:T01', 'seat:T02', 'seat:税务咨询', 'coverage:覆盖']);
  });

  it('seats the people of a window on a slot, learners after, and marks the window’s A and B', () => {
    const t01 = rows[1] as SeatRow;
    const seated = seatDuties(dutiesBySlot(board.duties), t01, MON, 'AM');
    expect(seated.map((d) => d.staffId)).toEqual([1, 2]);
    expect(abMark(t01, 1)).toBe('A');
    expect(abMark(t01, 2)).toBe('B');
    expect(abMark(t01, 3)).toBeNull();
    expect(seatDuties(dutiesBySlot(board.duties), rows[3] as SeatRow, MON, 'AM').map((d) => d.staffId)).toEqual([3]);
  });

  it('shows a breach on the seat of the person who breaks it, not on a neighbour', () => {
    const slots = dutiesBySlot(board.duties);
    const t01 = rows[1] as SeatRow;
    const t02 = rows[2] as SeatRow;
    expect(seatBreaches(board.breaches, t01, seatDuties(slots, t01, MON, 'AM'), MON, 'AM')).toHaveLength(1);
    expect(seatBreaches(board.breaches, t02, seatDuties(slots, t02, MON, 'AM'), MON, 'AM')).toHaveLength(0);
    expect(seatBreaches(board.breaches, t01, seatDuties(slots, t01, MON, 'PM'), MON, 'PM')).toHaveLength(0);
  });

  it('columns only the shifts with demand or duties', () => {
    expect(shownShifts(board).map((s) => s.code)).toEqual(['AM', 'PM']);
  });
});

describe('board cells', () => {
  it('colours coverage short, met, over, or nothing needed', () => {
    expect(coverageState(1, 2)).toBe('short');
    expect(coverageState(2, 2)).toBe('met');
    expect(coverageState(3, 2)).toBe('over');
    expect(coverageState(0, 0)).toBe('none');
  });

  it('tells a new breach from one a lead accepted with a reason', () => {
    expect(breachState([])).toBe('clean');
    expect(breachState([breach({ override: { reason: '人手紧张', at: '', actor: '' } })])).toBe('overridden');
    expect(breachState([breach({ override: { reason: '人手紧张', at: '', actor: '' } }), breach({})])).toBe('breach');
  });

  it('marks rest days 休, make-up days 班 and holidays by name', () => {
    const words = { rest: '休', makeup: '班', holiday: '节日' };
    expect(dayMark({ date: MON, weekday: 6, kind: 'restday', holidayName: null }, words)).toBe('休');
    expect(dayMark({ date: MON, weekday: 6, kind: 'makeup', holidayName: '国庆节' }, words)).toBe('班');
    expect(dayMark({ date: MON, weekday: 4, kind: 'holiday', holidayName: '国庆节' }, words)).toBe('国庆节');
    expect(dayMark({ date: MON, weekday: 1, kind: 'workday', holidayName: null }, words)).toBe('');
  });

  it('offers a lead only the cells of their zones’ people at their zones’ posts', () => {
    // Zone 1 holds posts 10 and 11 and people 1–3; person 9 and post 20 are of zone 2.
    const hall = { ...board, people: [...board.people, person(9, '赵六', { homeZoneId: 2 })], posts: [...board.posts, { id: 20, code: 'AF-IN', nameZh: '农林收件', nameEn: 'AF intake', zoneId: 2 }] };
    const lead = { ...hall, editableZoneIds: [1] };
    expect(cellEditable(lead, { date: MON, staffId: 1 }, [{ staffId: 1, postId: 10 }])).toBe(true);
    expect(cellEditable(lead, { date: MON, staffId: 9 }, [])).toBe(false);
    expect(cellEditable(lead, { date: MON, staffId: 1 }, [{ staffId: 1, postId: 20 }])).toBe(false);
    expect(cellEditable(lead, { date: MON, postId: 10 }, [{ staffId: 9, postId: 10 }])).toBe(false);
    expect(cellEditable(lead, { date: MON, postId: 20 }, [])).toBe(false);
    expect(cellEditable(lead, { date: MON, postId: 10 }, [{ staffId: 2, postId: 10 }])).toBe(true);
    // A dispatcher changes every cell; nobody changes a day gone by.
    expect(cellEditable({ ...hall, editableZoneIds: null }, { date: MON, staffId: 9 }, [{ staffId: 9, postId: 20 }])).toBe(true);
    expect(cellEditable({ ...lead, today: TUE }, { date: MON, staffId: 1 }, [])).toBe(false);
  });

  it('keeps days before today and a superseded roster read only', () => {
    expect(dayEditable({ editable: true, today: MON }, '2026-11-22')).toBe(false);
    expect(dayEditable({ editable: true, today: MON }, MON)).toBe(true);
    expect(dayEditable({ editable: false, today: '2026-11-22' }, MON)).toBe(false);
  });

  it('says a move in words: day, shift, person, from and to', () => {
    const names = { day: () => '11月24日 周二', shift: (c: string) => (c === 'AM' ? '上午' : c), post: () => '税务收件', off: '休', learner: '跟岗' };
    expect(moveText({ staffId: 1, staffName: '张三', date: TUE, shiftCode: 'AM', fromPostId: 10, toPostId: null, fromWindowId: null, toWindowId: null, learner: false }, names)).toBe('11月24日 周二 上午 张三：税务收件 → 休');
    expect(moveText({ staffId: 1, staffName: '张三', date: TUE, shiftCode: 'AM', fromPostId: null, toPostId: 10, fromWindowId: null, toWindowId: null, learner: true }, names)).toBe('11月24日 周二 上午 张三：休 → 税务收件 跟岗');
    const byWindow = { ...names, window: (id: number) => (id === 100 ? 'T01' : 'T02') };
    expect(moveText({ staffId: 1, staffName: '张三', date: TUE, shiftCode: 'AM', fromPostId: 10, toPostId: 10, fromWindowId: 100, toWindowId: 101, learner: false }, byWindow)).toBe('11月24日 周二 上午 张三：T01 税务收件 → T02 税务收件');
  });
});

describe('board keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
    boardKeyOf({ key: k, ctrlKey: false, shiftKey: false, metaKey: false, altKey: false, ...mods });
  it('maps Enter/F2, Delete/Backspace, P and the undo/redo chords; leaves arrows to the grid', () => {
    expect([key('Enter'), key('F2'), key('Delete'), key('Backspace'), key('p'), key('P')]).toEqual(['edit', 'edit', 'clear', 'clear', 'pin', 'pin']);
    expect([key('z', { ctrlKey: true }), key('y', { ctrlKey: true }), key('Z', { ctrlKey: true, shiftKey: true }), key('z', { metaKey: true })]).toEqual(['undo', 'redo', 'redo', 'undo']);
    expect([key('ArrowDown'), key('x'), key('p', { altKey: true })]).toEqual([null, null, null]);
  });
});

describe('cell editor choices', () => {
  const t01 = windowRows(board, 'zh-CN', '覆盖')[1] as SeatRow;
  const candidate = (staffId: number, name: string, extra: Partial<BoardCandidate> = {}): BoardCandidate => ({
    staffId, name, level: 2, abRole: null, minutesThisWeek: 0, currentPostId: null, currentWindowId: null, ops: [], breaches: [], reasonZh: '本周 0 小时', reasonEn: '0 h', ...extra,
  });
  const words = { takeOff: (n: string) => `撤下 ${n}`, person: (id: number) => `#${id}`, current: (p: number) => `当前 ${p}`, breach: (c: BoardCandidate) => c.breaches.map((b) => b.messageZh), reason: (c: BoardCandidate) => c.reasonZh };

  it('ranks clean candidates before those that would break a rule, and replaces the window’s person', () => {
    const seated = [duty(1, MON, 'AM', 10, 100)];
    const choices = seatChoices(t01, MON, 'AM', seated, [candidate(4, '赵六', { breaches: [breach({ staffId: 4 })] }), candidate(5, '钱七', { currentPostId: 11 })], words);
    expect(choices.map((c) => c.id)).toEqual(['staff-5', 'staff-4', 'off-1']);
    expect(choices[0]?.ops).toEqual([
      { staffId: 1, date: MON, shiftCode: 'AM', postId: null, windowId: null, learner: false, expectedPostId: 10, expectedWindowId: 100 },
      { staffId: 5, date: MON, shiftCode: 'AM', postId: 10, windowId: 100, learner: false, expectedPostId: 11, expectedWindowId: null },
    ]);
    expect(choices[1]?.breaches).toEqual(['张三 当天请假']);
  });

  it('sends the ops the backend checked for a candidate (the swap with whoever sits at the window)', () => {
    const swap = [
      { staffId: 3, date: MON, shiftCode: 'AM', postId: 10, windowId: 100, learner: false, expectedPostId: 10, expectedWindowId: 101 },
      { staffId: 1, date: MON, shiftCode: 'AM', postId: 10, windowId: 101, learner: false, expectedPostId: 10, expectedWindowId: 100 },
    ];
    const choices = seatChoices(t01, MON, 'AM', [duty(1, MON, 'AM', 10, 100)], [candidate(3, '王五', { currentPostId: 10, currentWindowId: 101, ops: swap })], words);
    expect(choices[0]?.ops).toEqual(swap);
    expect(choices[1]?.ops).toEqual([{ staffId: 1, date: MON, shiftCode: 'AM', postId: null, windowId: null, learner: false, expectedPostId: 10, expectedWindowId: 100 }]);
  });

  it('expects no stored window of a duty whose window the board only guessed', () => {
    const choices = seatChoices(t01, MON, 'AM', [duty(1, MON, 'AM', 10, 100, { windowGuessed: true })], [], words);
    expect(choices[0]?.ops).toEqual([{ staffId: 1, date: MON, shiftCode: 'AM', postId: null, windowId: null, learner: false, expectedPostId: 10, expectedWindowId: null }]);
  });

  it('does not offer the person already seated there', () => {
    const choices = seatChoices(t01, MON, 'AM', [duty(1, MON, 'AM', 10, 100)], [candidate(1, '张三')], words);
    expect(choices.map((c) => c.id)).toEqual(['off-1']);
  });

  const postWords = {
    off: '休',
    post: (id: number) => `P${id}`,
    level: (l: number) => `${l}级`,
    ab: (r: 'A' | 'B') => `${r}岗`,
    window: (w: { code: string; postId: number }) => `${w.code} · P${w.postId}`,
    sitting: (id: number | null) => (id === null ? '空' : `现在：#${id}`),
  };

  it('offers a person’s windows at qualified posts first (their A window first, with who sits there), learner posts after, and 休 when on duty', () => {
    const zhang = person(1, '张三', { aWindowId: 100, levels: { '10': 3, '11': 1 } });
    const choices = personChoices(zhang, board, TUE, 'AM', undefined, postWords);
    expect(choices.map((c) => `${c.label} ${c.detail}`)).toEqual(['T01 · P10 空 · A岗 · 3级', 'T02 · P10 空 · 3级', 'P11 1级']);
    expect(choices[0]?.ops).toEqual([{ staffId: 1, date: TUE, shiftCode: 'AM', postId: 10, windowId: 100, learner: false, expectedPostId: null, expectedWindowId: null }]);
    expect(choices[2]?.ops[0]).toMatchObject({ postId: 11, windowId: null, learner: true, expectedPostId: null });
    const onDuty = personChoices(zhang, board, MON, 'AM', duty(1, MON, 'AM', 10, 100), postWords);
    expect(onDuty.map((c) => c.id)).toEqual(['window-101', 'post-11', 'off']);
    expect(onDuty[2]?.ops[0]).toEqual({ staffId: 1, date: MON, shiftCode: 'AM', postId: null, windowId: null, learner: false, expectedPostId: 10, expectedWindowId: 100 });
  });

  it('a window someone sits at is offered as a swap: they take the seat the person leaves', () => {
    const wang = person(3, '王五', { levels: { '10': 2 } });
    // 王五 is at the desk post on Monday morning; 张三 sits at T01.
    const choices = personChoices(wang, board, MON, 'AM', duty(3, MON, 'AM', 11, null), postWords);
    const t01Choice = choices.find((c) => c.id === 'window-100');
    expect(t01Choice?.detail).toBe('现在：#1 · 2级');
    expect(t01Choice?.ops).toEqual([
      { staffId: 3, date: MON, shiftCode: 'AM', postId: 10, windowId: 100, learner: false, expectedPostId: 11, expectedWindowId: null },
      { staffId: 1, date: MON, shiftCode: 'AM', postId: 11, windowId: null, learner: false, expectedPostId: 10, expectedWindowId: 100 },
    ]);
  });
});
