/**
 * `npm run roster` end to end: the real scripts/roster.mjs in a child process (it bundles the CLI
 * with esbuild and runs it) on small files in a temporary folder. The tests run one after another
 * because every run rebuilds the same bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand, staffDayTable } from '../../scripts/roster-cli.ts';
import type { Scenario } from '../../solver/roster/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'scripts/roster.mjs');
let folder = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'roster-cli-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Monday and Tuesday; 李四 is on annual leave on Tuesday, so Tuesday's tax desk is one short. */
const SCENARIO: Scenario = {
  start: '2026-03-02',
  days: 2,
  shifts: [{ id: 'AM', name: '上午', start: '08:30', end: '12:00' }],
  posts: [
    { id: 'TAX', name: '税务收件' },
    { id: 'GEN', name: '综合受理' },
  ],
  staff: [
    { id: 's1', name: '张三', skills: { TAX: 3, GEN: 2 } },
    { id: 's2', name: '李四', skills: { TAX: 2 }, unavailable: [{ date: '2026-03-03', reason: '年假' }] },
    { id: 's3', name: '王五', skills: { GEN: 2 } },
  ],
  demand: [
    { date: '2026-03-02', shift: 'AM', post: 'TAX', required: 2 },
    { date: '2026-03-03', shift: 'AM', post: 'TAX', required: 2 },
    { date: '2026-03-03', shift: 'AM', post: 'GEN', required: 1 },
  ],
};

describe('roster solve', () => {
  it('writes the roster with its gaps and stats, checks it, and reports the soft totals', () => {
    const scenario = file('week.json', SCENARIO);
    const out = join(folder, 'week-roster.json');
    const { code, stderr } = run(['solve', scenario, '--out', out]);
    expect(code).toBe(0);
    const roster = JSON.parse(readFileSync(out, 'utf8')) as { assignments: unknown[]; unmet: { reason: string }[]; stats: { status: string } };
    expect(roster.stats.status).toBe('optimal');
    expect(roster.unmet.map((gap) => gap.reason)).toEqual(['周二上午 税务收件 缺 1 人：2 名合格人员中，李四 年假；另 1 人已在此岗。']);
    expect(stderr).toContain('hard rules: all kept');
    expect(stderr).toContain('unmet staff-shifts: 1');
    // Only Tuesday's GEN has a backup: 张三 at TAX could take it over.
    expect(stderr).toContain('shifts without a backup: 2 of 3 post-shifts with demand');
    expect(stderr).toContain('N-1 resilience share: 33.3%');
    expect(stderr).toMatch(/\[\d+\.\d s\] solving/);
  });

  it('prints the roster on stdout when there is no --out, and the gap reasons in English with --en', () => {
    const { code, stdout, stderr } = run(['solve', file('week.json', SCENARIO), '--en']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('assignments');
    expect(stderr).toContain('Tue 上午 税务收件 short 1: of the 2 qualified people, 李四 is on annual leave; 1 already on this post.');
  });

  it('lists every problem of a bad scenario with its path, exits 2 and solves nothing', () => {
    const bad = {
      ...SCENARIO,
      start: '2026-02-30',
      shifts: [{ id: 'AM', start: '8:30', end: '12:00', colour: 'red' }],
      staff: [{ id: 's1', name: '张三', skills: { P9: 2 } }],
      demand: [{ date: '2026-03-02', shift: 'AM', post: 'TAX', required: -1 }],
      pinned: [{ staff: 'ghost', date: '2026-03-02', shift: 'AM', post: 'TAX' }],
    };
    const out = join(folder, 'never.json');
    const { code, stderr } = run(['solve', file('bad.json', bad), '--out', out]);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(stderr).toContain('6 problems, nothing solved or checked');
    for (const line of [
      '  start: "2026-02-30" is not a real date in the form YYYY-MM-DD',
      '  shifts[0].start: must be a time "HH:MM"',
      '  shifts[0].colour: unknown field "colour"',
      '  demand[0].required: demand cannot be negative',
      '  staff[0].skills.P9: unknown post "P9"',
      '  pinned[0].staff: unknown staff member "ghost"',
    ]) {
      expect(stderr).toContain(line);
    }
    expect(stderr).not.toContain('solving');
  });

  it('says when a file is not JSON, and exits 2', () => {
    const { code, stderr } = run(['solve', file('broken.json', '{ "start": ')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.json: 1 problem, nothing solved or checked:\n {2}\(file\): not JSON/);
  });

  it('names the people whose own rules clash when no roster can keep every hard rule, and exits 3', () => {
    const clash = { ...SCENARIO, staff: [{ ...SCENARIO.staff[0]!, minMinutesTotal: 600, maxShiftsPerWeek: 1 }, SCENARIO.staff[1]!, SCENARIO.staff[2]!] };
    const { code, stderr } = run(['solve', file('clash.json', clash)]);
    expect(code).toBe(3);
    expect(stderr).toContain('No roster can keep every hard rule');
    expect(stderr).toMatch(/\bs1\b/);
    expect(stderr).not.toContain('solving');
  });
});

describe('roster check', () => {
  it('lists every hard-rule breach with its place and exits 1', () => {
    const roster = {
      assignments: [
        { staff: 's3', date: '2026-03-02', shift: 'AM', post: 'TAX' },
        { staff: 's2', date: '2026-03-03', shift: 'AM', post: 'TAX' },
      ],
    };
    const { code, stderr } = run(['check', file('week.json', SCENARIO), file('broken-roster.json', roster)]);
    expect(code).toBe(1);
    expect(stderr).toContain('hard rules: 2 breaches');
    expect(stderr).toContain('  qualification [s3 2026-03-02 AM TAX]: s3 has level 0 at TAX; filling a post needs level ≥ 2');
    expect(stderr).toContain('  unavailable [s2 2026-03-03 AM TAX]: s2 is unavailable on 2026-03-03 AM (年假)');
    expect(stderr).toContain('unmet staff-shifts: 3');
  });

  it('passes a roster that keeps the rules, with its soft totals and short slots', () => {
    const roster = {
      assignments: [
        { staff: 's1', date: '2026-03-02', shift: 'AM', post: 'TAX' },
        { staff: 's2', date: '2026-03-02', shift: 'AM', post: 'TAX' },
        { staff: 's1', date: '2026-03-03', shift: 'AM', post: 'TAX' },
        { staff: 's3', date: '2026-03-03', shift: 'AM', post: 'GEN' },
      ],
    };
    const { code, stderr } = run(['check', file('week.json', SCENARIO), file('good-roster.json', roster)]);
    expect(code).toBe(0);
    expect(stderr).toContain('hard rules: all kept');
    expect(stderr).toContain('unmet staff-shifts: 1');
    expect(stderr).toContain('short slots (1):\n  周二上午 税务收件 缺 1 人');
  });

  it('refuses a roster that names unknown people or dates outside the horizon, with paths', () => {
    const roster = { assignments: [{ staff: 'ghost', date: '2026-03-09', shift: 'AM', post: 'TAX' }] };
    const { code, stderr } = run(['check', file('week.json', SCENARIO), file('odd-roster.json', roster)]);
    expect(code).toBe(2);
    expect(stderr).toContain('  assignments[0].staff: unknown staff member "ghost"');
    expect(stderr).toContain('  assignments[0].date: 2026-03-09 is outside the horizon');
  });
});

describe('roster nrp', () => {
  // Two days, two people; A is off on day 1, B asked for day 0 off (weight 5), cover 2 a day
  // (under 100): the optimum works both on day 0 (5) and leaves day 1 one short (100).
  const TINY = `# tiny
SECTION_HORIZON
2

SECTION_SHIFTS
D,480,

SECTION_STAFF
A,D=2,960,0,2,1,1,1
B,D=2,960,0,2,1,1,1

SECTION_DAYS_OFF
A,1

SECTION_SHIFT_ON_REQUESTS

SECTION_SHIFT_OFF_REQUESTS
B,0,D,5

SECTION_COVER
0,D,2,100,1
1,D,2,100,1
`;

  it('prints the objective in the benchmark’s terms and the roster as a staff × day table', () => {
    const { code, stdout } = run(['nrp', file('tiny.txt', TINY), '--time-limit', '20']);
    expect(code).toBe(0);
    expect(stdout).toContain('objective 105 (benchmark terms; checker total 105)');
    expect(stdout).toContain(['staff 0 1', 'A     D .', 'B     D D'].join('\n'));
  });

  it('names the line of a malformed file and exits 2', () => {
    const { code, stderr } = run(['nrp', file('bad.txt', TINY.replace('A,1\n', 'A,x\n'))]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.txt: 1 problem[^\n]*\n {2}\(file\): line \d+/);
  });
});

describe('roster schema', () => {
  it('writes the JSON Schemas that are committed in docs/', () => {
    const cwd = join(folder, 'schema');
    mkdirSync(join(cwd, 'docs'), { recursive: true });
    expect(run(['schema'], cwd).code).toBe(0);
    for (const name of ['roster-scenario.schema.json', 'roster.schema.json']) {
      expect(readFileSync(join(cwd, 'docs', name), 'utf8')).toBe(readFileSync(join(ROOT, 'docs', name), 'utf8'));
    }
  });
});

describe('the command line', () => {
  it('exits 2 with the usage on an unknown command or option', () => {
    expect(run(['bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run roster') });
    expect(run(['check', 'a.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('check takes 2 files, got 1') });
  });

  it('reads options strictly', () => {
    expect(parseCommand(['solve', 's.json', '--out', 'r.json', '--time-limit', '30'])).toEqual({ name: 'solve', scenario: 's.json', out: 'r.json', timeLimit: 30, engine: 'highs', english: false });
    expect(parseCommand(['solve', 's.json'])).toMatchObject({ engine: 'auto', timeLimit: null, out: null });
    expect(parseCommand(['nrp', 'i.txt'])).toEqual({ name: 'nrp', file: 'i.txt', timeLimit: null, engine: 'highs' });
    expect(parseCommand(['solve', 's.json', '--time-limit', 'soon'])).toEqual({ error: '--time-limit needs a number of seconds above 0, not "soon"' });
    expect(parseCommand(['solve', 's.json', '--engine', 'gurobi'])).toEqual({ error: '--engine is one of auto, highs, javascript-lp-solver, not "gurobi"' });
    expect(parseCommand(['solve', 's.json', '--fast'])).toEqual({ error: 'unknown option --fast' });
    expect(parseCommand([])).toEqual({ error: 'no command given' });
  });

  it('draws a staff × day table, "." for a day off', () => {
    const scenario: Scenario = { ...SCENARIO, staff: SCENARIO.staff.slice(0, 2) };
    const table = staffDayTable(scenario, [{ staff: 's2', date: '2026-03-03', shift: 'AM', post: 'TAX' }]);
    expect(table).toBe(['staff 0 1', 's1    . .', 's2    . AM'].join('\n'));
  });
});
