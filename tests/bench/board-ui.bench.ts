/**
 * How the roster board feels at 300 staff × 7 days in Chromium against the browser host: from the
 * click that opens the roster to the board's rows drawn, the switch to the by-window view, and one
 * edit from the key to the saved notice (live check + save + the board drawn again). The hall and
 * its week are built as tests/bench/board.bench.ts builds them (the demo grown to 300 employed, a
 * greedy fill along the demand). Prints figures and writes docs/bench/board-ui.md; asserts nothing.
 * Run it through `npm run bench` (or import the bundle): run as the bundle's own entry, the browser
 * host module it bundles believes it is the main program and starts a second host on the user's data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright';
import type { Backend } from '../../electron/backend/backend.ts';
import { openSignedInBackend, signInPage } from './signed-in.ts';
import { fixedClock } from '../../electron/backend/clock.ts';
import { startBrowserHost } from '../../electron/serve/server.ts';
import { residentIdCheckChar } from '../../electron/contract/rules.ts';
import { insertDraftRoster } from '../../data/repositories/roster.ts';
import { putSkillCell } from '../../data/repositories/skills.ts';
import { insertStaff } from '../../data/repositories/staff.ts';
import { checkRoster } from '../../solver/roster/check.ts';
import { minutesOf } from '../../solver/roster/prepare.ts';
import type { Assignment, Scenario } from '../../solver/roster/types.ts';

const RESULTS_FILE = resolve('docs/bench/board-ui.md');
const TARGET_STAFF = 300;
const WEEK = { from: '2026-11-23', days: 7 };
const MONDAY = '2026-11-23';
const RUNS = 5;
const clock = fixedClock('2026-11-22T10:00:00');

/** New people until the hall has TARGET_STAFF employed, each qualified at two posts of one zone. */
async function growHall(backend: Backend): Promise<void> {
  await backend.context.session.use((db) =>
    db.transaction(async (tx) => {
      const employed = (await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM staff WHERE status <> 'departed'"))!.n;
      const posts = await tx.all<{ id: number; zoneId: number }>('SELECT p.id, p.zone_id AS zoneId FROM posts p JOIN windows w ON w.post_id = p.id GROUP BY p.id ORDER BY p.id');
      const zones = [...new Set(posts.map((p) => p.zoneId))];
      const now = clock.now().toISOString();
      for (let i = 0; i < TARGET_STAFF - employed; i += 1) {
        const zone = zones[i % zones.length]!;
        const own = posts.filter((p) => p.zoneId === zone);
        const first17 = `33010619900101${String(i).padStart(3, '0')}`;
        const staffId = await insertStaff(tx, {
          employeeNo: `BU${String(i).padStart(4, '0')}`, name: `压测${i}`, gender: Number(first17[16]) % 2 ? 'M' : 'F', phone: `139${String(i).padStart(8, '0')}`,
          idNumber: first17 + residentIdCheckChar(first17), hireDate: '2024-01-01', status: 'active', homeZoneId: zone,
          primaryPostId: own[0]!.id, contractType: 'standard', weeklyHourCap: 40, wageGrade: 1,
        }, now);
        for (const post of [own[i % own.length]!, own[(i + 1) % own.length]!]) {
          await putSkillCell(tx, { staffId, postId: post.id, level: 2, certifiedOn: '2024-06-01', mentorId: null, targetDate: null, updatedAt: now });
        }
      }
    }),
  );
}

/** Along the demand, fewest duties first, then everyone's week up to 8 shifts: every hard rule kept. */
function greedyRoster(scenario: Scenario): Assignment[] {
  const shifts = new Map(scenario.shifts.map((s) => [s.id, { start: minutesOf(s.start), end: minutesOf(s.end), minutes: minutesOf(s.end) - minutesOf(s.start) }]));
  const load = new Map(scenario.staff.map((p) => [p.id, { shifts: 0, minutes: 0, days: new Map<string, string[]>() }]));
  const assignments: Assignment[] = [];
  const place = (person: Scenario['staff'][number], date: string, code: string, post: string): boolean => {
    const shift = shifts.get(code)!;
    const mine = load.get(person.id)!;
    const today = mine.days.get(date) ?? [];
    const away = (person.unavailable ?? []).some((u) => u.date === date && (u.shift === undefined || u.shift === code));
    const clash = today.some((other) => shifts.get(other)!.start < shift.end && shift.start < shifts.get(other)!.end);
    const limit = Math.min(person.maxHoursPerWeek ?? 40, 40) * 60;
    if (away || clash || (person.skills[post] ?? 0) < 2 || today.length >= 2 || (today.length === 0 && mine.days.size >= 5)) return false;
    if (mine.shifts >= (person.maxShiftsPerWeek ?? 10) || mine.minutes + shift.minutes > limit) return false;
    mine.shifts += 1;
    mine.minutes += shift.minutes;
    mine.days.set(date, [...today, code]);
    assignments.push({ staff: person.id, date, shift: code, post });
    return true;
  };
  for (const line of scenario.demand) {
    const people = [...scenario.staff].sort((a, b) => load.get(a.id)!.shifts - load.get(b.id)!.shifts);
    let placed = 0;
    for (const person of people) {
      if (placed >= line.required) break;
      if (place(person, line.date, line.shift, line.post)) placed += 1;
    }
  }
  const weekdays = Array.from({ length: 5 }, (_, i) => `2026-11-${23 + i}`);
  scenario.staff.forEach((person, index) => {
    const posts = Object.entries(person.skills).filter(([, level]) => level >= 2).map(([id]) => id);
    if (posts.length === 0) return;
    const post = posts[index % posts.length]!;
    for (const date of weekdays) for (const code of ['AM', 'PM']) if (load.get(person.id)!.shifts < 8) place(person, date, code, post);
  });
  return assignments;
}

/** The hall of 300 and its week as a draft roster; returns how big it came out. */
async function prepare(dataDir: string): Promise<string> {
  const backend = await openSignedInBackend({ host: 'browser', appVersion: 'bench', dataDir, clock });
  try {
    await growHall(backend);
    const zoneIds = (await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM zones ORDER BY id'))).map((z) => z.id);
    const envelope = await backend.dispatch('roster/exportScenario', { ...WEEK, zoneIds });
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    const file = envelope.value as { base64: string };
    const scenario = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Scenario;
    const assignments = greedyRoster(scenario);
    const report = checkRoster(scenario, assignments);
    await backend.context.session.use((db) =>
      db.transaction((tx) =>
        insertDraftRoster(tx, {
          from: WEEK.from, to: '2026-11-29', zoneIds, source: 'import', createdAt: clock.now().toISOString(),
          stats: { engine: null, status: null, seconds: null, objective: report.soft.penalties.total, bound: null, gap: null, unmet: report.soft.unmetStaffShifts, resilience: report.soft.resilienceShare },
          gaps: [], scenario, assignments: assignments.map((a) => ({ staffId: Number(a.staff), date: a.date, shiftCode: a.shift, postId: Number(a.post), learner: false })),
        }),
      ),
    );
    return `${scenario.staff.length} staff × ${WEEK.days} days, ${assignments.length} duties, ${report.breaches.length} hard-rule breaches`;
  } finally {
    await backend.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-roster-board-ui-bench-'));
  const loadBefore = loadavg()[0]!;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  try {
    const size = await prepare(dataDir);
    const host = await startBrowserHost({ port: 0, dataDir, staticDir: resolve('dist/renderer'), clock });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await signInPage(page, host.url);
    const opens: number[] = [];
    const switches: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto(host.url);
      await page.getByRole('navigation').getByRole('button', { name: '排班' }).click();
      await page.getByRole('tab', { name: /^最近排班/ }).click();
      const open = page.locator('table.recent-table tbody tr').first().getByRole('button').first();
      await open.waitFor();
      const started = Date.now();
      await open.click();
      await page.locator(`.board-person-grid .ag-row[row-index="0"] .ag-cell[col-id="${MONDAY}"]`).waitFor();
      opens.push(Date.now() - started);
      const switched = Date.now();
      await page.getByTestId('roster-board').getByRole('radio', { name: '按窗口' }).check();
      await page.locator(`.board-window-grid .ag-row[row-index="1"] .ag-cell[col-id="${MONDAY}|AM"]`).waitFor();
      switches.push(Date.now() - switched);
    }

    // One edit, as a lead makes it: Delete on someone's Monday, to the saved notice with the board redrawn.
    await page.getByTestId('roster-board').getByRole('radio', { name: '按人员' }).check();
    const onDuty = page.locator(`.board-person-grid .ag-cell[col-id="${MONDAY}"]`).filter({ has: page.locator('.duty') }).first();
    await onDuty.click();
    const edited = Date.now();
    await page.keyboard.press('Delete');
    await page.locator('.board-panel .notice').filter({ hasText: '已保存' }).waitFor();
    const editMs = Date.now() - edited;
    await host.close();

    const loadAfter = loadavg()[0]!;
    const lines: [string, string][] = [
      [`open the roster from 最近排班 (click to the board's first row drawn), median of ${RUNS}`, `${median(opens)} ms (runs: ${opens.join(', ')})`],
      [`switch to 按窗口 (to the first window row drawn), median of ${RUNS}`, `${median(switches)} ms`],
      ['one edit: Delete to 已保存 (board/check + board/edit + redraw)', `${editMs} ms`],
    ];
    console.log(size);
    for (const [label, value] of lines) console.log(`${label.padEnd(84)} ${value}`);
    const doc = [
      '# Roster board in the browser benchmark',
      '',
      'Written by `npm run bench` (tests/bench/board-ui.bench.ts): the built renderer (`npm run build` first) in Debian\'s',
      'Chromium against the browser host, on the hall tests/bench/board.bench.ts builds (the demo centre grown to 300 employed',
      'staff, the week of 2026-11-23 over every zone, a greedy fill along the demand). Wall-clock from Playwright\'s click or',
      `key to the element drawn. Target (issue #7): the board for 300 staff × 7 days opens in under 1 s.`,
      '',
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      `- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`,
      `- Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}${loadBefore > 0.5 ? ' — the cores were shared with other work, so timings may be contended.' : ''}`,
      `- Size: ${size}`,
      '',
      '| measure | time |',
      '|---|---:|',
      ...lines.map(([label, value]) => `| ${label} | ${value} |`),
      '',
    ];
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, doc.join('\n'));
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
