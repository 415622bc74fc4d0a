import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import type { Engine } from '../../../solver/lp/types.ts';
import { checkRoster, lieuLedger, lieuPairs } from '../../../solver/roster/check.ts';
import { prepareScenario } from '../../../solver/roster/prepare.ts';
import { hallSummary } from '../../../solver/roster/hall-summary.ts';
import { solveRoster } from '../../../solver/roster/solve.ts';
import type { Assignment, Roster, Scenario, StaffDef, WindowDef } from '../../../solver/roster/types.ts';

/**
 * The hall's rules (docs/roster-rules.md, hard rules 11–13, soft goals 9–10): presence, windows as
 * seats, nobody idle beside an empty window, the A person at their window, cross-zone moves. The
 * model is held to them on small halls; the checker, independently, on rosters broken on purpose.
 */

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

const MONDAY = '2026-12-14';
const dates = (n: number, from = MONDAY) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

function person(id: string, skills: StaffDef['skills'], extra: Partial<StaffDef> = {}): StaffDef {
  return { id, name: id, skills, zone: 'Z1', maxHoursPerWeek: 40, ...extra };
}

/**
 * Zone Z1: intake post IN with three demand windows (W1 and W2 held by their A people, W3 without
 * one, so it opens by the demand only), hand-out HO with one fixed window, back office BK.
 */
function hall(parts: Partial<Scenario> = {}): Scenario {
  const windows: WindowDef[] = [
    { id: 'W1', post: 'IN', zone: 'Z1', staffing: 'demand', a: 'p1', b: 'p2' },
    { id: 'W2', post: 'IN', zone: 'Z1', staffing: 'demand', a: 'p2' },
    { id: 'W3', post: 'IN', zone: 'Z1', staffing: 'demand' },
    { id: 'W4', post: 'HO', zone: 'Z1', staffing: 'fixed', a: 'p4' },
  ];
  return {
    start: MONDAY,
    days: 1,
    shifts: [
      { id: 'AM', start: '08:30', end: '12:00' },
      { id: 'PM', start: '13:30', end: '17:30' },
    ],
    posts: [
      { id: 'IN', name: '收件', zone: 'Z1' },
      { id: 'HO', name: '出件', zone: 'Z1' },
      { id: 'BK', name: '后台录入', zone: 'Z1' },
    ],
    staff: [
      person('p1', { IN: 3, BK: 2 }),
      person('p2', { IN: 2, BK: 2 }),
      person('p3', { IN: 2, BK: 2 }),
      person('p4', { HO: 2, IN: 2, BK: 2 }),
      person('p5', { BK: 2, IN: 1 }),
    ],
    demand: [
      { date: MONDAY, shift: 'AM', post: 'IN', required: 2 },
      { date: MONDAY, shift: 'PM', post: 'IN', required: 3 },
    ],
    windows,
    presence: { defaultShifts: ['AM', 'PM'], workingDays: [MONDAY], contractedPosts: { Z1: 4 }, targetPercent: 98 },
    ...parts,
  };
}

function solved(input: Scenario): Roster {
  const roster = solveRoster(input, { highs, engine: 'highs' });
  const report = checkRoster(input, roster.assignments);
  expect(report.breaches).toEqual([]);
  expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 5);
  return roster;
}

const at = (roster: Roster, staff: string, shift: string) => roster.assignments.find((a) => a.staff === staff && a.shift === shift);

describe('the hall model', () => {
  it('puts every present person on every default shift of a working day', () => {
    const roster = solved(hall());
    for (const staff of ['p1', 'p2', 'p3', 'p4', 'p5']) for (const shift of ['AM', 'PM']) expect(at(roster, staff, shift)).toBeDefined();
  });

  it('frees only the half a half-day leave takes', () => {
    const input = hall();
    input.staff[4] = { ...input.staff[4]!, unavailable: [{ date: MONDAY, shift: 'AM', reason: '事假' }] };
    const roster = solved(input);
    expect(at(roster, 'p5', 'AM')).toBeUndefined();
    expect(at(roster, 'p5', 'PM')).toBeDefined();
  });

  it('opens demand windows by the demand and fixed windows always, one person each', () => {
    const roster = solved(hall());
    const seatedAm = roster.assignments.filter((a) => a.shift === 'AM' && a.window !== undefined);
    expect(seatedAm.filter((a) => a.post === 'IN')).toHaveLength(2);
    expect(seatedAm.filter((a) => a.post === 'HO').map((a) => a.window)).toEqual(['W4']);
    const windows = roster.assignments.filter((a) => a.window !== undefined).map((a) => `${a.shift}|${a.window}`);
    expect(new Set(windows).size).toBe(windows.length);
  });

  it('seats the A person at their own window whenever it opens', () => {
    const roster = solved(hall());
    expect(at(roster, 'p1', 'PM')?.window).toBe('W1');
    expect(at(roster, 'p2', 'PM')?.window).toBe('W2');
    expect(at(roster, 'p4', 'AM')?.window).toBe('W4');
  });

  it('holds a demand window open for its present A person whatever the forecast', () => {
    const roster = solved(hall({ demand: [] }));
    for (const shift of ['AM', 'PM']) {
      expect(at(roster, 'p1', shift)?.window).toBe('W1');
      expect(at(roster, 'p2', shift)?.window).toBe('W2');
      expect(at(roster, 'p3', shift)?.window).toBeUndefined();
    }
  });

  it('gives the window to its B person when A is away', () => {
    const input = hall({ demand: [{ date: MONDAY, shift: 'AM', post: 'IN', required: 1 }, { date: MONDAY, shift: 'PM', post: 'IN', required: 1 }] });
    input.staff[0] = { ...input.staff[0]!, unavailable: [{ date: MONDAY, reason: '年假' }] };
    const roster = solved(input);
    // p2 is A of W2 too: with one demand window open, W2 (its own) opens; with W2's A there, B's window does not matter.
    expect(roster.assignments.filter((a) => a.post === 'IN' && a.shift === 'AM')).toHaveLength(1);
  });

  it('sends people beyond the open seats to a flexible post, never home', () => {
    const roster = solved(hall());
    expect(at(roster, 'p5', 'AM')?.post).toBe('BK');
    expect(at(roster, 'p5', 'AM')?.window).toBeUndefined();
  });

  it('moves a person across zones when their own zone has no seat for them, with the reason', () => {
    const input = hall({
      posts: [...hall().posts, { id: 'TX', name: '税务收件', zone: 'Z2' }],
      windows: [...(hall().windows ?? []), { id: 'T1', post: 'TX', zone: 'Z2', staffing: 'fixed' }],
    });
    input.staff[4] = { ...input.staff[4]!, skills: { BK: 2, TX: 2 } };
    const roster = solved(input);
    expect(at(roster, 'p5', 'AM')).toMatchObject({ post: 'TX', window: 'T1' });
    const summary = hallSummary(input, roster.assignments);
    expect(summary.moves.filter((move) => move.staff === 'p5')).toHaveLength(2);
    expect(summary.moves[0]?.reason).toMatch(/借调至/);
  });

  it('says why a demand window stays closed, from the forecast line\'s peak', () => {
    const input = hall({
      demand: [
        { date: MONDAY, shift: 'AM', post: 'IN', required: 2, peak: { from: '10:00', to: '11:30', tickets: 12 } },
        { date: MONDAY, shift: 'PM', post: 'IN', required: 3 },
      ],
    });
    const summary = hallSummary(input, solved(input).assignments);
    expect(summary.windowsClosed).toEqual([
      { date: MONDAY, shift: 'AM', post: 'IN', windows: ['W3'], open: 2, reason: '预计 10:00–11:30 办件 12 件，开 2 个窗口即可', reasonEn: 'Expected 12 applications 10:00–11:30: 2 windows are enough' },
    ]);
    // Without a forecast W1 and W2 still open for their A people; W3 says there is nothing to do.
    const quiet = hall({ demand: [] });
    expect(hallSummary(quiet, solved(quiet).assignments).windowsClosed.map((entry) => [entry.shift, entry.windows, entry.reason])).toEqual([
      ['AM', ['W3'], '预计无办件，开 2 个窗口即可'],
      ['PM', ['W3'], '预计无办件，开 2 个窗口即可'],
    ]);
  });

  it('raises the weekly limits with the week\'s working days: a six-day make-up week', () => {
    const days = dates(7, '2026-02-09');
    const input = hall({ start: '2026-02-09', days: 7, demand: [], presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 6) } });
    const roster = solved(input);
    expect(roster.assignments.filter((a) => a.staff === 'p5')).toHaveLength(12);
  });

  it('counts rest-day duty as time off in lieu owed', () => {
    const input = hall({ start: '2026-12-19', days: 1, demand: [], presence: { defaultShifts: ['AM', 'PM'], workingDays: [], openRestDays: ['2026-12-19'] } });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    const roster = solved(input);
    const summary = hallSummary(input, roster.assignments);
    expect(roster.assignments).toHaveLength(1);
    expect(Object.values(summary.lieuOwed)).toEqual([210]);
  });

  it('gives a Saturday duty back as a default-day shift off in the same week, and prices it at 100%', () => {
    // Mon 14 – Sat 19 December: five working days, the hand-out window opens on Saturday morning.
    const days = dates(6);
    const input = hall({
      days: 6,
      demand: [],
      presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 5), openRestDays: [days[5]!], contractedPosts: { Z1: 3 } },
    });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    // p3 and p5 can take the hand-out window too (else p4's day off would leave W4 empty or without
    // a backup); 44 h a week as the demo.
    input.staff = input.staff.map((p) => ({ ...p, maxHoursPerWeek: 44, ...(p.id === 'p5' || p.id === 'p3' ? { skills: { ...p.skills, HO: 2 } } : {}) }));
    const roster = solved(input);
    const saturday = roster.assignments.filter((a) => a.date === days[5]);
    expect(saturday).toHaveLength(1);
    const summary = hallSummary(input, roster.assignments);
    expect(summary.lieuPlanned).toEqual([{ staff: saturday[0]!.staff, date: expect.any(String), shift: 'AM', minutes: 210 }]);
    expect(summary.lieuOwed).toEqual({});
    // Off in lieu, nobody else of the zone is: five people, three contracted posts, one given back.
    const without = solved({ ...input, presence: { ...input.presence!, planLieu: false } });
    expect(hallSummary(input, without.assignments).lieuPlanned).toEqual([]);
    expect(roster.stats.objective).toBeLessThan(without.stats.objective);
  });

  it('keeps the zone\'s contracted posts staffed: no lieu on a day without a free person beyond them', () => {
    const days = dates(6);
    const input = hall({
      days: 6,
      demand: [],
      presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 5), openRestDays: [days[5]!], contractedPosts: { Z1: 5 } },
    });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    input.staff = input.staff.map((p) => ({ ...p, maxHoursPerWeek: 44, ...(p.id === 'p5' ? { skills: { ...p.skills, HO: 2 } } : {}) }));
    const roster = solved(input);
    expect(hallSummary(input, roster.assignments).lieuPlanned).toEqual([]);
    expect(Object.values(hallSummary(input, roster.assignments).lieuOwed)).toEqual([210]);
  });

  it('projects the on-duty rate from the roster and the leave', () => {
    const input = hall();
    input.staff[0] = { ...input.staff[0]!, unavailable: [{ date: MONDAY, reason: '年假' }] };
    input.staff[1] = { ...input.staff[1]!, unavailable: [{ date: MONDAY, reason: '年假' }] };
    const roster = solved(input);
    const summary = hallSummary(input, roster.assignments);
    expect(summary.onDuty.find((line) => line.zone === 'Z1')).toMatchObject({ contractedPostDays: 4, staffedPostDays: 3, ratePercent: 75, met: false });
  });
});

describe('the checker on rosters broken on purpose', () => {
  const good = (): Assignment[] => [
    ...['AM', 'PM'].flatMap((shift) => [
      { staff: 'p1', date: MONDAY, shift, post: 'IN', window: 'W1' },
      { staff: 'p2', date: MONDAY, shift, post: 'IN', window: 'W2' },
      { staff: 'p4', date: MONDAY, shift, post: 'HO', window: 'W4' },
      { staff: 'p5', date: MONDAY, shift, post: 'BK' },
    ]),
    { staff: 'p3', date: MONDAY, shift: 'AM', post: 'BK' },
    { staff: 'p3', date: MONDAY, shift: 'PM', post: 'IN', window: 'W3' },
  ];
  const rules = (assignments: Assignment[]) => checkRoster(hall(), assignments).breaches.map((breach) => breach.rule);

  it('passes the good roster', () => expect(rules(good())).toEqual([]));

  it('finds a present person without a default shift (presence)', () => {
    expect(rules(good().filter((a) => !(a.staff === 'p5' && a.shift === 'PM')))).toEqual(['presence']);
  });

  it('finds a duty at a post with windows that names none', () => {
    expect(rules(good().map((a) => (a.staff === 'p1' && a.shift === 'AM' ? { ...a, window: undefined } : a)))).toContain('window_missing');
  });

  it('finds two people at one window', () => {
    expect(rules(good().map((a) => (a.staff === 'p2' && a.shift === 'AM' ? { ...a, window: 'W1' } : a)))).toContain('window_shared');
  });

  it('finds more seated than windows open by the demand', () => {
    expect(rules(good().map((a) => (a.staff === 'p3' && a.shift === 'AM' ? { ...a, post: 'IN', window: 'W3' } : a)))).toContain('seats');
  });

  it('finds an A person at a flexible post while the window they hold open stands empty', () => {
    const away = good().map((a) => (a.staff === 'p1' && a.shift === 'AM' ? { staff: 'p1', date: MONDAY, shift: 'AM', post: 'BK' } : a));
    expect(rules(away)).toContain('idle_beside_empty_window');
  });

  it('finds a person at a flexible post beside an empty window of their post', () => {
    expect(rules(good().map((a) => (a.staff === 'p3' && a.shift === 'PM' ? { staff: 'p3', date: MONDAY, shift: 'PM', post: 'BK' } : a)))).toContain('idle_beside_empty_window');
  });

  it('finds a window named at a post without windows, or of another post', () => {
    const broken = good().map((a) => (a.staff === 'p5' && a.shift === 'AM' ? { ...a, window: 'W3' } : a));
    expect(rules(broken)).toContain('window_not_a_seat');
    expect(rules(good().map((a) => (a.staff === 'p4' && a.shift === 'AM' ? { ...a, window: 'W3' } : a)))).toContain('window_mismatch');
  });

  it('accepts a shift off in lieu only where a rest-day duty of that week or the week before pays for it', () => {
    // Mon 14 – Sat 19 and Mon 21: p5 works Saturday morning (210 min); the morning off on Monday 21
    // (the next week) is paid for, the afternoon (240 min) is not, and a second lieu is not either.
    const days = [...dates(6), '2026-12-21'];
    const input = hall({ days: 8, demand: [{ date: days[5]!, shift: 'AM', post: 'BK', required: 1 }], presence: { defaultShifts: ['AM', 'PM'], workingDays: [...days.slice(0, 5), '2026-12-21'], openRestDays: [days[5]!] } });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    const only = { ...input, staff: input.staff.filter((p) => p.id === 'p5').map((p) => ({ ...p, maxHoursPerWeek: 44 })), windows: [] };
    const week = [...days.slice(0, 5), '2026-12-21'].flatMap((date) => ['AM', 'PM'].map((shift) => ({ staff: 'p5', date, shift, post: 'BK' })));
    const saturday = { staff: 'p5', date: days[5]!, shift: 'AM', post: 'BK' };
    const off = (date: string, shift: string) => week.filter((a) => !(a.date === date && a.shift === shift));
    const breaches = (assignments: Assignment[]) => checkRoster(only, assignments).breaches.map((b) => `${b.rule} ${b.date ?? ''} ${b.shift ?? ''}`.trim());
    expect(breaches([...off('2026-12-21', 'AM'), saturday])).toEqual([]);
    expect(breaches([...off('2026-12-21', 'PM'), saturday])).toEqual(['presence 2026-12-21 PM']);
    expect(breaches(off('2026-12-21', 'AM'))).toEqual(['presence 2026-12-21 AM']);
    expect(breaches([...off('2026-12-21', 'AM').filter((a) => !(a.date === days[0] && a.shift === 'AM')), saturday])).toEqual(['presence 2026-12-21 AM']);
    expect(checkRoster({ ...only, presence: { ...only.presence!, planLieu: false } }, [...off('2026-12-21', 'AM'), saturday]).breaches.map((b) => b.rule)).toEqual(['presence']);
  });

  it('accepts a 综合计算工时 person\'s shift off anywhere in the Saturday\'s cycle, priced at 150% where none is given', () => {
    // p5 on a comprehensive contract works Saturday 19 December morning (210 min); the morning off
    // on Monday 28 lies two weeks on, past rule 14's next week, but in the same month (the cycle).
    // Three whole weeks, so no week's 150% tier depends on the morning off.
    const workingDays = [...dates(5), ...dates(5, '2026-12-21'), ...dates(4, '2026-12-28')];
    const saturday = { staff: 'p5', date: '2026-12-19', shift: 'AM', post: 'BK' };
    const scenario = (scheme: StaffDef['hoursScheme'], cycle?: 'week' | 'month') => {
      const input = hall({ days: 21, demand: [{ date: saturday.date, shift: 'AM', post: 'BK', required: 1 }], presence: { defaultShifts: ['AM', 'PM'], workingDays, openRestDays: [saturday.date], ...(cycle ? { comprehensiveCycle: cycle } : {}) } });
      return { ...input, windows: [], staff: input.staff.filter((p) => p.id === 'p5').map((p) => ({ ...p, maxHoursPerWeek: 44, hoursScheme: scheme })) };
    };
    const week = workingDays.flatMap((date) => ['AM', 'PM'].map((shift) => ({ staff: 'p5', date, shift, post: 'BK' })));
    const offMonday28 = [...week.filter((a) => !(a.date === '2026-12-28' && a.shift === 'AM')), saturday];
    const rules = (input: Scenario, assignments: Assignment[]) => checkRoster(input, assignments).breaches.map((b) => `${b.rule} ${b.date ?? ''} ${b.shift ?? ''}`.trim());
    expect(rules(scenario('comprehensive'), offMonday28)).toEqual([]);
    expect(rules(scenario('comprehensive', 'week'), offMonday28)).toEqual(['presence 2026-12-28 AM']);
    expect(rules(scenario('standard'), offMonday28)).toEqual(['presence 2026-12-28 AM']);
    // The Saturday's 3.5 h at 25 yuan: 150% (131.25) for a comprehensive person with nothing given
    // back, 200% (175) for a standard one, 100% (87.50) when the cycle gives it back.
    const cost = (input: Scenario, assignments: Assignment[]) => checkRoster(input, assignments).soft.cost;
    const base = cost(scenario('comprehensive'), week);
    expect(cost(scenario('comprehensive'), [...week, saturday]) - base).toBeCloseTo(131.25, 6);
    expect(cost(scenario('standard'), [...week, saturday]) - cost(scenario('standard'), week)).toBeCloseTo(175, 6);
    // Given back on the 28th: the Saturday costs 100%, exactly the Monday morning it replaces.
    expect(cost(scenario('comprehensive'), offMonday28) - base).toBeCloseTo(0, 6);
  });

  it('shows a 综合计算工时 person\'s given-back shift as a cycle rest, not time off in lieu', () => {
    const days = dates(6);
    const input = hall({
      days: 6,
      demand: [],
      presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 5), openRestDays: [days[5]!], contractedPosts: { Z1: 3 } },
    });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    input.staff = input.staff.map((p) => ({ ...p, maxHoursPerWeek: 44, hoursScheme: 'comprehensive' as const, ...(p.id === 'p5' || p.id === 'p3' ? { skills: { ...p.skills, HO: 2 } } : {}) }));
    const roster = solved(input);
    const saturday = roster.assignments.filter((a) => a.date === days[5]);
    expect(saturday).toHaveLength(1);
    expect(hallSummary(input, roster.assignments).lieuPlanned).toEqual([{ staff: saturday[0]!.staff, date: expect.any(String), shift: 'AM', minutes: 210, cycle: true }]);
  });

  it('pairs each shift off in lieu with the rest day it gives back: the week before\'s first, then the week\'s own, by date', () => {
    // Two weeks from Mon 14 December. p5 works Saturday 19 all day (450) and Saturday 26 morning
    // (210); off: Wed 16 morning (210, from the 19th of its own week), Mon 21 afternoon (240, what the
    // 19th left, carried one week), Fri 25 morning (210: the 19th is spent, so the 26th of its week).
    const days = dates(14);
    const working = days.filter((_, i) => i % 7 < 5);
    const input = hall({ days: 14, demand: [], presence: { defaultShifts: ['AM', 'PM'], workingDays: working, openRestDays: [days[5]!, days[12]!] } });
    const only = { ...input, staff: input.staff.filter((p) => p.id === 'p5'), windows: [] };
    const off = new Set(['2026-12-16|AM', '2026-12-21|PM', '2026-12-25|AM']);
    const roster: Assignment[] = [
      ...working.flatMap((date) => ['AM', 'PM'].filter((shift) => !off.has(`${date}|${shift}`)).map((shift) => ({ staff: 'p5', date, shift, post: 'BK' }))),
      { staff: 'p5', date: '2026-12-19', shift: 'AM', post: 'BK' }, { staff: 'p5', date: '2026-12-19', shift: 'PM', post: 'BK' },
      { staff: 'p5', date: '2026-12-26', shift: 'AM', post: 'BK' },
    ];
    const prepared = prepareScenario(only);
    expect(lieuPairs(prepared, roster).get('p5')).toEqual([
      { earnedOn: '2026-12-19', spentOn: '2026-12-16', shift: 'AM', minutes: 210 },
      { earnedOn: '2026-12-19', spentOn: '2026-12-21', shift: 'PM', minutes: 240 },
      { earnedOn: '2026-12-26', spentOn: '2026-12-25', shift: 'AM', minutes: 210 },
    ]);
    // The same shifts the checker's ledger (and so the board) gives back.
    expect(lieuLedger(prepared, roster).get('p5')!.taken.map((shift) => `${shift.date}|${shift.shift}`)).toEqual([...off]);
    expect(lieuPairs(prepareScenario({ ...only, presence: { ...only.presence!, planLieu: false } }), roster).size).toBe(0);
  });

  it('finds lieu given on a day the zone has no free person beyond its contracted posts', () => {
    const days = dates(6);
    const input = hall({ days: 6, demand: [{ date: days[5]!, shift: 'AM', post: 'BK', required: 1 }], presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 5), openRestDays: [days[5]!], contractedPosts: { Z1: 1 } } });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    const only = { ...input, staff: input.staff.filter((p) => p.id === 'p5'), windows: [] };
    const week = days.slice(0, 5).flatMap((date) => ['AM', 'PM'].map((shift) => ({ staff: 'p5', date, shift, post: 'BK' })));
    const roster = [...week.filter((a) => !(a.date === days[2] && a.shift === 'AM')), { staff: 'p5', date: days[5]!, shift: 'AM', post: 'BK' }];
    expect(checkRoster(only, roster).breaches.map((b) => b.rule)).toEqual(['lieu_reserve']);
    expect(checkRoster({ ...only, presence: { ...only.presence!, contractedPosts: { Z1: 0 } } }, roster).breaches).toEqual([]);
  });

  it('finds more people on a rest day than the hall needs there', () => {
    const input = hall({ start: '2026-12-19', days: 1, demand: [], presence: { defaultShifts: ['AM', 'PM'], workingDays: [], openRestDays: ['2026-12-19'] } });
    input.windows = input.windows!.map((window) => (window.id === 'W4' ? { ...window, restDayShifts: ['AM'] } : window));
    const seated = { staff: 'p4', date: '2026-12-19', shift: 'AM', post: 'HO', window: 'W4' };
    expect(checkRoster(input, [seated]).breaches).toEqual([]);
    expect(checkRoster(input, [seated, { staff: 'p5', date: '2026-12-19', shift: 'AM', post: 'BK' }]).breaches.map((b) => b.rule)).toEqual(['rest_day_beyond_need']);
  });

  it('finds a week over its limit when it has no more working days than usual', () => {
    const days = dates(7, '2026-02-09');
    const six = hall({ start: '2026-02-09', days: 7, demand: [], presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 6) } });
    const five = hall({ start: '2026-02-09', days: 7, demand: [], presence: { defaultShifts: ['AM', 'PM'], workingDays: days.slice(0, 5) } });
    const sixDays = days.slice(0, 6).flatMap((date) => ['AM', 'PM'].map((shift) => ({ staff: 'p5', date, shift, post: 'BK' })));
    const only = (s: Scenario) => ({ ...s, staff: s.staff.filter((p) => p.id === 'p5'), windows: [] });
    expect(checkRoster(only(six), sixDays).breaches.map((b) => b.rule)).toEqual([]);
    expect(checkRoster(only(five), sixDays).breaches.map((b) => b.rule)).toContain('max_hours_week');
  });

  it('prices the A person away from their window and a cross-zone duty', () => {
    const input = hall({ weights: { seat: 50, crossZone: 30 } });
    const swapped = good().map((a) => (a.shift === 'AM' && a.staff === 'p1' ? { ...a, window: 'W2' } : a.shift === 'AM' && a.staff === 'p2' ? { ...a, window: 'W1' } : a));
    expect(checkRoster(input, good()).soft.offSeatShifts).toBe(0);
    expect(checkRoster(input, swapped).soft.offSeatShifts).toBe(2);
    const elsewhere = hall({ staff: hall().staff.map((p) => (p.id === 'p5' ? { ...p, zone: 'Z2' } : p)) });
    expect(checkRoster(elsewhere, good()).soft.crossZoneDuties).toBe(2);
  });
});
