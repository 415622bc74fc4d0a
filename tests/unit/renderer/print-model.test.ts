import { describe, expect, it } from 'vitest';
import type { BoardDay, BoardMove, RosterBoard } from '../../../electron/contract/areas/board.ts';
import { awayLines, cssString, marginContent, pdfFileName, personSheet, printWeeks, printedShifts, windowSheet, type SheetWords } from '../../../renderer/src/areas/print/print-model.ts';
import { coveredBy, moveLine, orderedMoves, repairDays, trend } from '../../../renderer/src/areas/board/repair/repair-words.ts';

const SHIFT_NAMES: Record<string, string> = { AM: '上午', PM: '下午', NOON: '午间值守' };
const words: SheetWords = { shift: (code) => SHIFT_NAMES[code] ?? code, off: '休', learner: '跟岗', noWindow: '无固定窗口', otherPeople: '其他人员', hallPosts: '全厅岗位' };

function day(date: string, weekday: number, kind: BoardDay['kind'] = 'workday', holidayName: string | null = null): BoardDay {
  return { date, weekday, kind, holidayName };
}

/** A hand-made board: two zones, three windows, a desk without windows, four people and a week. */
function board(): RosterBoard {
  const days = [day('2026-11-23', 1), day('2026-11-24', 2), day('2026-11-25', 3), day('2026-11-26', 4), day('2026-11-27', 5), day('2026-11-28', 6, 'restday'), day('2026-11-29', 7, 'makeup', '元旦')];
  return {
    summary: { id: 9, from: '2026-11-23', to: '2026-11-29', zoneIds: [1, 2], status: 'published', createdAt: '', publishedAt: '', source: 'solver', engine: null, solveStatus: 'optimal', seconds: 1, objective: 0, bound: 0, gap: 0, unmetStaffShifts: 0, resilienceShare: 1 },
    centreNameZh: '示范市政务服务中心',
    centreNameEn: 'Demo City Service Centre',
    today: '2026-11-22',
    editable: true,
    editableZoneIds: null,
    days,
    shifts: [
      { code: 'AM', name: '上午', start: '09:00', end: '12:00', minutes: 180 },
      { code: 'PM', name: '下午', start: '13:30', end: '17:30', minutes: 240 },
      { code: 'NOON', name: '午间值守', start: '12:00', end: '13:30', minutes: 90 },
    ],
    zones: [
      {
        id: 1, code: 'TAX', nameZh: '税务', nameEn: 'Tax', postIds: [11],
        windows: [
          { id: 101, code: 'W01', nameZh: '税务1号窗', nameEn: 'Tax 1', postId: 11, aStaffId: 1, bStaffId: 2 },
          { id: 102, code: 'W02', nameZh: '税务2号窗', nameEn: 'Tax 2', postId: 11, aStaffId: 2, bStaffId: 1 },
        ],
      },
      { id: 2, code: 'DESK', nameZh: '咨询导办', nameEn: 'Guidance', postIds: [21], windows: [] },
      { id: 3, code: 'FARM', nameZh: '农林水务', nameEn: 'Farming', postIds: [31], windows: [{ id: 301, code: 'W30', nameZh: '农林1号窗', nameEn: 'Farm 1', postId: 31, aStaffId: null, bStaffId: null }] },
    ],
    posts: [
      { id: 11, code: 'TAX-IN', nameZh: '税务收件', nameEn: 'Tax intake', zoneId: 1 },
      { id: 21, code: 'DESK', nameZh: '咨询导办', nameEn: 'Guidance desk', zoneId: 2 },
      { id: 31, code: 'FARM-IN', nameZh: '农林水务收件', nameEn: 'Farm intake', zoneId: 3 },
    ],
    people: [
      { staffId: 1, name: '张三', employeeNo: 'E002', homeZoneId: 1, aWindowId: 101, bWindowIds: [102], levels: {}, minutesByWeek: [0], maxMinutesPerWeek: 2640 },
      { staffId: 2, name: '李四', employeeNo: 'E001', homeZoneId: 1, aWindowId: 102, bWindowIds: [101], levels: {}, minutesByWeek: [0], maxMinutesPerWeek: 2640 },
      { staffId: 3, name: '王五', employeeNo: 'E003', homeZoneId: 2, aWindowId: null, bWindowIds: [], levels: {}, minutesByWeek: [0], maxMinutesPerWeek: 2640 },
      { staffId: 4, name: '赵六', employeeNo: 'E004', homeZoneId: 3, aWindowId: null, bWindowIds: [], levels: {}, minutesByWeek: [0], maxMinutesPerWeek: 2640 },
    ],
    duties: [
      { staffId: 1, date: '2026-11-23', shiftCode: 'AM', postId: 11, learner: false, windowId: 101, windowGuessed: false, pinned: false },
      { staffId: 2, date: '2026-11-23', shiftCode: 'AM', postId: 11, learner: false, windowId: 101, windowGuessed: false, pinned: false },
      { staffId: 2, date: '2026-11-23', shiftCode: 'PM', postId: 11, learner: false, windowId: 102, windowGuessed: false, pinned: false },
      { staffId: 4, date: '2026-11-23', shiftCode: 'PM', postId: 11, learner: true, windowId: 102, windowGuessed: false, pinned: false },
      { staffId: 3, date: '2026-11-24', shiftCode: 'AM', postId: 21, learner: false, windowId: null, windowGuessed: false, pinned: false },
      { staffId: 1, date: '2026-12-01', shiftCode: 'AM', postId: 11, learner: false, windowId: 101, windowGuessed: false, pinned: false },
    ],
    absences: [
      { staffId: 1, date: '2026-11-24', shiftCode: null, source: 'leave', labelZh: '年假', labelEn: 'Annual leave' },
      { staffId: 3, date: '2026-11-25', shiftCode: 'AM', source: 'absence', labelZh: '病假', labelEn: 'Sick' },
      { staffId: 3, date: '2026-11-25', shiftCode: 'PM', source: 'absence', labelZh: '病假', labelEn: 'Sick' },
      { staffId: 4, date: '2026-11-26', shiftCode: null, source: 'leave', labelZh: '事假', labelEn: 'Personal leave' },
      { staffId: 3, date: '2026-11-27', shiftCode: 'PM', source: 'lieu', labelZh: '调休', labelEn: 'Time off in lieu' },
    ],
    closedWindows: [],
    coverage: [],
    zoneCoverage: [{ zoneId: 1, date: '2026-11-23', shiftCode: 'AM', required: 2, rostered: 2, withoutBackup: 0 }],
    breaches: [],
    gaps: [],
    changesSincePublication: 0,
    lastChangeId: 0,
    provisionalYears: [],
  };
}

describe('the printed schedule by window', () => {
  it('has a column per open day and shift in use, the unused shift left off, a closed day one narrow column', () => {
    const sheet = windowSheet(board(), board().days, 'zh-CN', words);
    expect(sheet.shifts.map((shift) => shift.code)).toEqual(['AM', 'PM']);
    // Five workdays and the make-up Sunday two columns each; the empty rest day one.
    expect(sheet.columns).toHaveLength(13);
    expect(sheet.columns[0]).toEqual({ date: '2026-11-23', shiftCode: 'AM' });
    expect(sheet.closed).toEqual(['2026-11-28']);
    expect(sheet.columns.filter((column) => column.date === '2026-11-28')).toEqual([{ date: '2026-11-28', shiftCode: null }]);
    expect(sheet.zones[0]!.rows[0]!.seats[10]).toEqual([]);
  });

  it('keeps a rest day open when someone is on duty (周六预约服务), and an empty working day open', () => {
    const saturday = { ...board(), duties: [...board().duties, { staffId: 1, date: '2026-11-28', shiftCode: 'AM', postId: 11, learner: false, windowId: 101, windowGuessed: false, pinned: false }] };
    expect(windowSheet(saturday, saturday.days, 'zh-CN', words).closed).toEqual([]);
    expect(windowSheet(board(), board().days, 'zh-CN', words).columns.filter((column) => column.date === '2026-11-27')).toHaveLength(2);
  });

  it('prints the posts of the whole hall (the shift lead’s) in a block of their own, so nobody on duty is left off', () => {
    const base = board();
    const withLead: RosterBoard = {
      ...base,
      posts: [...base.posts, { id: 90, code: 'LEAD', nameZh: '值班长', nameEn: 'Shift lead', zoneId: null }],
      duties: [...base.duties, { staffId: 3, date: '2026-11-23', shiftCode: 'PM', postId: 90, learner: false, windowId: null, windowGuessed: false, pinned: false }],
    };
    const block = windowSheet(withLead, withLead.days, 'zh-CN', words).zones.find((zone) => zone.name === '全厅岗位')!;
    expect(block.rows.map((row) => row.label)).toEqual(['值班长']);
    expect(block.rows[0]!.seats[1]!.map((seat) => seat.name)).toEqual(['王五']);
    expect(windowSheet(base, base.days, 'zh-CN', words).zones.some((zone) => zone.name === '全厅岗位')).toBe(false);
  });

  it('groups windows by zone in hall order, the roster’s zones only', () => {
    const sheet = windowSheet(board(), board().days, 'zh-CN', words);
    expect(sheet.zones.map((zone) => zone.name)).toEqual(['税务', '咨询导办', '其他人员']);
    expect(sheet.zones[0]?.rows.map((row) => row.label)).toEqual(['W01', 'W02']);
  });

  it('seats each person at their window with A before B, a learner last and marked', () => {
    const sheet = windowSheet(board(), board().days, 'zh-CN', words);
    const [w01, w02] = sheet.zones[0]!.rows;
    expect(w01?.seats[0]).toEqual([
      { staffId: 1, name: '张三', role: 'A', learner: false },
      { staffId: 2, name: '李四', role: 'B', learner: false },
    ]);
    expect(w02?.seats[1]).toEqual([
      { staffId: 2, name: '李四', role: 'A', learner: false },
      { staffId: 4, name: '赵六', role: null, learner: true },
    ]);
  });

  it('gives people of a desk without windows a row of their post', () => {
    const desk = windowSheet(board(), board().days, 'zh-CN', words).zones[1]!;
    expect(desk.rows.map((row) => [row.label, row.detail])).toEqual([['咨询导办', '无固定窗口']]);
    expect(desk.rows[0]?.seats[2]?.map((seat) => seat.name)).toEqual(['王五']);
  });

  it('lists who is away per zone and day, one shift named, a person of no printed zone apart', () => {
    const sheet = windowSheet(board(), board().days, 'zh-CN', words);
    expect(sheet.zones[0]?.away[1]).toEqual(['张三 年假']);
    expect(sheet.zones[1]?.away[2]).toEqual(['王五 病假（上午、下午）']);
    expect(sheet.zones.at(-1)).toMatchObject({ zoneId: null, name: '其他人员', rows: [] });
    expect(sheet.zones.at(-1)?.away[3]).toEqual(['赵六 事假']);
  });

  it('lists a shift the roster gives back for Saturday duty as 调休 among those away', () => {
    expect(windowSheet(board(), board().days, 'zh-CN', words).zones[1]?.away[4]).toEqual(['王五 调休（下午）']);
    expect(windowSheet(board(), board().days, 'en', { ...words, shift: (code) => code }).zones[1]?.away[4]).toEqual(['王五 Time off in lieu (PM)']);
  });

  it('prints only the chosen week’s duties', () => {
    const sheet = windowSheet(board(), board().days, 'zh-CN', words);
    const seated = sheet.zones.flatMap((zone) => zone.rows.flatMap((row) => row.seats.flat()));
    expect(seated).toHaveLength(5);
  });

  it('words names in English for an English reader', () => {
    const sheet = windowSheet(board(), board().days, 'en', { ...words, shift: (code) => code });
    expect(sheet.zones.map((zone) => zone.name)).toEqual(['Tax', 'Guidance', '其他人员']);
    expect(sheet.zones[0]?.away[1]).toEqual(['张三 Annual leave']);
  });
});

describe('the printed schedule per person', () => {
  it('has each person’s window and shift per day, leave, or 休, and hours within the week', () => {
    const sheet = personSheet(board(), board().days, 'zh-CN', words);
    expect(sheet.blocks.map((block) => block.name)).toEqual(['税务', '咨询导办', '其他人员']);
    const [li, zhang] = sheet.blocks[0]!.people;
    expect(li?.name).toBe('李四');
    expect(li?.days[0]).toEqual(['W01 上午', 'W02 下午']);
    expect(li?.minutes).toBe(420);
    expect(zhang?.days[1]).toEqual(['年假']);
    expect(zhang?.days[2]).toEqual(['休']);
    expect(zhang?.minutes).toBe(180);
    expect(sheet.blocks[1]?.people[0]?.days[1]).toEqual(['咨询导办 上午']);
    expect(sheet.blocks[2]?.people[0]?.days[0]).toEqual(['W02 下午 跟岗']);
  });
});

describe('print pages', () => {
  it('cuts a month into weeks of seven from its first day', () => {
    const days = Array.from({ length: 31 }, (_, index) => day(`2026-12-${String(index + 1).padStart(2, '0')}`, 1));
    expect(printWeeks(days).map((week) => week.length)).toEqual([7, 7, 7, 7, 3]);
  });

  it('falls back to every shift when nothing is rostered', () => {
    const empty = { ...board(), duties: [], zoneCoverage: [] };
    expect(printedShifts(empty, empty.days).map((shift) => shift.code)).toEqual(['AM', 'PM', 'NOON']);
  });

  it('turns the page counter into CSS counters', () => {
    expect(marginContent('第 {page} 页 / 共 {pages} 页')).toBe('"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
    expect(marginContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
  });

  it('quotes text for CSS so that a name cannot end the rule', () => {
    expect(cssString('a"b\\c\nd</style>')).toBe('"a\\"b\\\\c d\\3c /style>"');
  });

  it('names the PDF after the sheet and its first day, without characters a file system refuses', () => {
    expect(pdfFileName('排班表（按窗口）', board().days)).toBe('排班表（按窗口）-2026-11-23.pdf');
    expect(pdfFileName('a/b:c', board().days)).toBe('a_b_c-2026-11-23.pdf');
  });

  it('joins whole-day and one-shift absences of a person into one line', () => {
    const lines = awayLines(
      [
        { staffId: 1, date: 'd', shiftCode: 'AM', source: 'absence', labelZh: '病假', labelEn: 'Sick' },
        { staffId: 1, date: 'd', shiftCode: null, source: 'absence', labelZh: '病假', labelEn: 'Sick' },
      ],
      () => '张三',
      'zh-CN',
      words,
    );
    expect(lines).toEqual(['张三 病假']);
  });
});

describe('a repair’s moves in words', () => {
  const names = {
    day: (date: string) => (date === '2026-11-23' ? '11月23日 周一' : date),
    shift: (code: string) => SHIFT_NAMES[code] ?? code,
    post: (postId: number) => (postId === 11 ? '税务收件' : `#${postId}`),
    off: '休',
    learner: '跟岗',
    cover: (name: string) => `（顶替 ${name}）`,
  };
  const move = (staffId: number, staffName: string, shiftCode: string, fromPostId: number | null, toPostId: number | null): BoardMove => ({ staffId, staffName, date: '2026-11-23', shiftCode, fromPostId, toPostId, fromWindowId: null, toWindowId: null, learner: false });
  const absent = move(1, '张三', 'AM', 11, null);
  const cover = move(3, '王五', 'AM', null, 11);

  it('says who covers for the absent person', () => {
    expect(moveLine(cover, [absent, cover], names)).toBe('11月23日 周一 上午 王五：休 → 税务收件（顶替 张三）');
    expect(moveLine(absent, [absent, cover], names)).toBe('11月23日 周一 上午 张三：税务收件 → 休');
  });

  it('names the windows by code, each with its shift, when the moves carry windows', () => {
    const byWindow = { ...names, window: (id: number) => ({ 103: 'A03', 205: 'B05' })[id] ?? `#${id}` };
    const seatMove = (staffId: number, staffName: string, from: [number | null, number | null], to: [number | null, number | null]): BoardMove => ({
      staffId, staffName, date: '2026-11-23', shiftCode: 'AM', fromPostId: from[0], fromWindowId: from[1], toPostId: to[0], toWindowId: to[1], learner: false,
    });
    const zhang = seatMove(1, '张三', [11, 103], [12, 205]);
    expect(moveLine(zhang, [zhang], byWindow)).toBe('11月23日 周一 张三：A03 上午 → B05 上午');
    const away = seatMove(2, '李四', [12, 205], [null, null]);
    expect(moveLine(away, [away, zhang], byWindow)).toBe('11月23日 周一 李四：B05 上午 → 休');
    expect(moveLine(zhang, [away, zhang], byWindow)).toBe('11月23日 周一 张三：A03 上午 → B05 上午（顶替 李四）');
    // Two people trading windows swap seats; neither is said to cover the other.
    const wang = seatMove(3, '王五', [12, 205], [11, 103]);
    expect(coveredBy(zhang, [zhang, wang])).toBeNull();
  });

  it('does not call a move on another shift a cover', () => {
    const elsewhere = move(3, '王五', 'PM', null, 11);
    expect(coveredBy(elsewhere, [absent, elsewhere])).toBeNull();
  });

  it('lists the absent person’s own duties first, then by day and shift', () => {
    const pm = move(4, '赵六', 'PM', null, 11);
    const ordered = orderedMoves([pm, cover, absent], board().shifts, 1);
    expect(ordered.map((each) => each.staffName)).toEqual(['张三', '王五', '赵六']);
  });

  it('offers today and the roster’s later days only', () => {
    expect(repairDays(board().days, '2026-11-27')).toEqual(['2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('colours a total by whether it got better', () => {
    expect([trend(3, 1), trend(1, 3), trend(2, 2)]).toEqual(['better', 'worse', 'same']);
  });
});
