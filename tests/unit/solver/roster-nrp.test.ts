import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../data/demo/random.ts';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import type { Engine } from '../../../solver/lp/types.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { NRP_POST, NRP_START, nrpObjective, nrpScenario, parseNrp, readNrp } from '../../../solver/roster/nrp.ts';
import { solveRoster } from '../../../solver/roster/solve.ts';

/** The Curtois & Qu instances with proven optima, copied into the repository with their citation. */
const NRP_DIR = resolve('tests/fixtures/nrp');

let highs: Engine;
beforeAll(async () => {
  highs = await loadHighsEngine();
});

describe('the Curtois & Qu benchmark', () => {
  it.each([
    ['Instance1.txt', 607],
    ['Instance2.txt', 828],
    ['Instance3.txt', 1001],
  ])('%s: the optimiser reaches the proven optimum %i, and the checker agrees', (file, optimum) => {
    const instance = parseNrp(readFileSync(resolve(NRP_DIR, file), 'utf8'));
    const scenario = nrpScenario(instance);
    const roster = solveRoster(scenario, { highs, engine: 'highs' });
    expect(roster.stats.status).toBe('optimal');
    expect(roster.stats.objective).toBeCloseTo(optimum, 6);
    expect(nrpObjective(instance, roster.assignments)).toBe(optimum);
    const report = checkRoster(scenario, roster.assignments);
    expect(report.breaches).toEqual([]);
    expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
  }, 60_000);
});

/**
 * An instance of the family's shape (Instance7: four weeks, early/day/late with late-then-early
 * forbidden, blocks of 2–5 days, two weekends) at twice its staff, written in the file format.
 */
function largerInstance(seed: number, staff: number, days: number): string {
  const random = new SeededRandom(seed);
  const ids = Array.from({ length: staff }, (_, index) => `P${index}`);
  const lines = ['SECTION_HORIZON', String(days), '', 'SECTION_SHIFTS', 'E,480,', 'D,480,E', 'L,480,E|D', '', 'SECTION_STAFF'];
  for (const id of ids) {
    const late = random.chance(0.4) ? 0 : random.int(4, 9);
    lines.push(`${id},E=${days}|D=${days}|L=${late},${(days * 480 * 9) / 14},${(days * 480 * 7) / 14},5,2,2,2`);
  }
  lines.push('', 'SECTION_DAYS_OFF', ...ids.map((id) => `${id},${random.int(0, days - 1)}`));
  const requests = (kind: string) => ['', kind, ...ids.flatMap((id) => Array.from({ length: random.int(0, 4) }, () => `${id},${random.int(0, days - 1)},${random.pick(['E', 'D', 'L'])},${random.int(1, 3)}`))];
  lines.push(...requests('SECTION_SHIFT_ON_REQUESTS'), ...requests('SECTION_SHIFT_OFF_REQUESTS'), '', 'SECTION_COVER');
  for (let day = 0; day < days; day += 1) {
    // About nine tenths of what the staff can give, as in the published instances.
    for (const [shift, share] of [['E', 0.22], ['D', 0.25], ['L', 0.08]] as const) lines.push(`${day},${shift},${Math.round(staff * share * (0.8 + random.next() * 0.4))},100,1`);
  }
  return lines.join('\n');
}

describe('a larger instance of the same family', () => {
  it('holds up: a roster within the time limit, every hard rule kept, the benchmark\'s score equal to the objective', () => {
    const instance = parseNrp(largerInstance(11, 40, 28));
    const scenario = nrpScenario(instance);
    const roster = solveRoster(scenario, { highs, timeLimitSeconds: 15 });
    expect(roster.stats.engine).toBe('highs');
    expect(roster.stats.seconds).toBeLessThan(15 + 15);
    expect(roster.stats.gap).toBeGreaterThanOrEqual(0);
    const report = checkRoster(scenario, roster.assignments);
    expect(report.breaches).toEqual([]);
    expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 6);
    expect(nrpObjective(instance, roster.assignments)).toBeCloseTo(roster.stats.objective, 6);
  }, 90_000);
});

const SMALL = `# comment
SECTION_HORIZON
7

SECTION_SHIFTS
# ShiftID, Length in mins, Shifts which cannot follow this shift | separated
D,480,
N,600,D

SECTION_STAFF
A,D=7|N=2,2400,960,5,2,2,1
B,D=7|N=0,2400,0,4,1,1,1

SECTION_DAYS_OFF
A,0,6
B,3

SECTION_SHIFT_ON_REQUESTS
A,2,N,3

SECTION_SHIFT_OFF_REQUESTS
B,1,D,2

SECTION_COVER
0,D,1,100,1
1,N,1,50,2
`;

describe('reading the format', () => {
  it('turns a file into the scenario the rules page describes', () => {
    const scenario = readNrp(SMALL);
    expect(scenario.start).toBe(NRP_START);
    expect(new Date(`${NRP_START}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(scenario.days).toBe(7);
    expect(scenario.shifts).toEqual([
      { id: 'D', start: '00:00', end: '08:00' },
      { id: 'N', start: '00:00', end: '10:00' },
    ]);
    expect(scenario.posts).toEqual([{ id: NRP_POST, name: 'Ward' }]);
    expect(scenario.staff[0]).toEqual({
      id: 'A',
      name: 'A',
      skills: { [NRP_POST]: 2 },
      maxShiftsByType: { D: 7, N: 2 },
      maxMinutesTotal: 2400,
      minMinutesTotal: 960,
      maxConsecutiveDays: 5,
      minConsecutiveDays: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
      maxShiftsPerDay: 1,
      unavailable: [
        { date: '2024-01-01', reason: 'day off' },
        { date: '2024-01-07', reason: 'day off' },
      ],
    });
    expect(scenario.requests).toEqual([
      { staff: 'A', date: '2024-01-03', shift: 'N', kind: 'on', weight: 3 },
      { staff: 'B', date: '2024-01-02', shift: 'D', kind: 'off', weight: 2 },
    ]);
    expect(scenario.demand).toEqual([
      { date: '2024-01-01', shift: 'D', post: NRP_POST, required: 1, underWeight: 100, overWeight: 1 },
      { date: '2024-01-02', shift: 'N', post: NRP_POST, required: 1, underWeight: 50, overWeight: 2 },
    ]);
    expect(scenario.rules).toMatchObject({ maxShiftsPerDay: 1, minRestMinutes: 0, restDayInSeven: false, forbiddenSequences: [{ first: 'N', then: 'D' }] });
    expect(scenario.weights).toEqual({ unmet: 0, over: 0, backup: 0, cost: 0, fairness: 0, continuity: 0, requests: 0 });
  });

  it('scores a roster in the benchmark\'s own terms', () => {
    const instance = parseNrp(SMALL);
    // A works N on day 1 (covers it, grants nothing else); day 0 D is left short; A's N request on day 2 is missed.
    const objective = nrpObjective(instance, [{ staff: 'A', date: '2024-01-02', shift: 'N', post: NRP_POST }]);
    expect(objective).toBe(100 + 3);
    expect(nrpObjective(instance, [
      { staff: 'B', date: '2024-01-01', shift: 'D', post: NRP_POST },
      { staff: 'B', date: '2024-01-02', shift: 'D', post: NRP_POST },
    ])).toBe(50 + 3 + 2);
  });

  it.each([
    ['an unknown section', SMALL.replace('SECTION_COVER', 'SECTION_CUPS'), /line 24: unknown section SECTION_CUPS/],
    ['a length that is not a number', SMALL.replace('N,600,D', 'N,six hundred,D'), /line 8: shift length must be a whole number/],
    ['an unknown shift that cannot follow', SMALL.replace('N,600,D', 'N,600,X'), /line 8: unknown shift X after N/],
    ['a staff line with a field missing', SMALL.replace('B,D=7|N=0,2400,0,4,1,1,1', 'B,D=7|N=0,2400,0,4,1,1'), /line 12: a staff line .* needs 8 comma-separated fields, got 7/],
    ['an unknown shift in MaxShifts', SMALL.replace('A,D=7|N=2', 'A,D=7|X=2'), /line 11: unknown shift X in MaxShifts/],
    ['a day past the horizon', SMALL.replace('B,3', 'B,7'), /line 16: day 7 is past the 7-day horizon/],
    ['a request for an unknown person', SMALL.replace('A,2,N,3', 'Z,2,N,3'), /line 19: unknown staff Z/],
    ['a negative weight', SMALL.replace('1,N,1,50,2', '1,N,1,-50,2'), /line 26: the weight for under must be a whole number ≥ 0/],
    ['a person listed twice', SMALL.replace('B,D=7|N=0', 'A,D=7|N=0'), /line 12: staff A is listed twice/],
    ['data before any section', `7\n${SMALL}`, /line 1: data before the first SECTION_ header/],
    ['no staff section', SMALL.replace(/SECTION_STAFF[\s\S]*?\n\n/, ''), /SECTION_STAFF is missing/],
  ])('says where the file is wrong: %s', (_what, text, message) => {
    expect(() => parseNrp(text)).toThrow(message);
  });
});
