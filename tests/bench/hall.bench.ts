/**
 * The hall-shaped roster on the demo centre (issue 15's "done when"): the weeks of 2026-11-23 and
 * 2026-12-14 and a 4-week month over every zone, and the make-up week 2026-02-09..15, each solved
 * by HiGHS to 0.5% (60 s at most) and read for the properties of tests/support/hall-properties.ts.
 * A script that prints figures, never a timed assertion. HALL_BENCH_ONLY=<regex> picks cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTestBackend } from '../support/backend.ts';
import { hallProperties } from '../support/hall-properties.ts';
import { scenarioFromDb } from '../../electron/backend/roster/scenario-from-db.ts';
import { checkRoster } from '../../solver/roster/check.ts';
import { loadHighsEngine } from '../../solver/lp/highs.ts';
import { solveRoster } from '../../solver/roster/solve.ts';
import type { Scenario } from '../../solver/roster/types.ts';
import { generateHall } from '../support/hall-centre.ts';

/** The make-up week is rostered as it would be, early that February, with a forecast ahead of it. */
const CASES = [
  { label: 'demo week 2026-11-23, every zone', from: '2026-11-23', days: 7, clock: '2026-11-22T10:00:00' },
  { label: 'demo week 2026-12-14, every zone', from: '2026-12-14', days: 7, clock: '2026-11-22T10:00:00' },
  { label: 'demo 4 weeks from 2026-11-30, every zone', from: '2026-11-30', days: 28, clock: '2026-11-22T10:00:00' },
  { label: 'make-up week 2026-02-09..15, every zone', from: '2026-02-09', days: 7, clock: '2026-02-01T10:00:00' },
];
/** Generated halls (tests/support/hall-centre.ts) at the sizes. */
const GENERATED = [
  { label: '300 staff × 40 windows × one week', staff: 300, days: 7, windows: 40 },
  { label: '300 staff × 40 windows × 4 weeks', staff: 300, days: 28, windows: 40 },
];
const only = process.env.HALL_BENCH_ONLY ? new RegExp(process.env.HALL_BENCH_ONLY) : null;
const timeLimit = Number(process.env.HALL_BENCH_TIME_LIMIT ?? 60);

const highs = await loadHighsEngine();

function run(label: string, scenario: Scenario): void {
  const started = performance.now();
  const roster = solveRoster(scenario, { highs, engine: 'highs', timeLimitSeconds: timeLimit, relativeGap: 0.005 });
  const seconds = (performance.now() - started) / 1000;
  const report = checkRoster(scenario, roster.assignments);
  const p = hallProperties(scenario, roster.assignments);
  console.log(`\n${label}: ${scenario.staff.length} staff, ${scenario.windows?.length ?? 0} windows, ${roster.stats.variables} variables, ${roster.stats.constraints} rows`);
  console.log(`  ${seconds.toFixed(1)} s, ${roster.stats.status}, gap ${(roster.stats.gap * 100).toFixed(2)}%, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, objective ${roster.stats.objective.toFixed(1)} = checker ${report.soft.penalties.total.toFixed(1)}, breaches ${report.breaches.length}`);
  console.log(`  presence missing ${p.presenceMissing}; weeks short of the default day ${p.weeksShort}; open window-shifts ${p.openWindowShifts}, empty ${p.windowsEmpty}, shared ${p.windowsShared}; idle beside an empty window ${p.idleBesideEmpty}`);
  console.log(`  A at their window on ${(p.aAtWindowShare * 100).toFixed(1)}% of ${p.aPresentDays} present days (${(p.aAtOpenWindowShare * 100).toFixed(1)}% of those their window was open); projected on-duty rate ${p.centreRate}% (target ${p.target}%), zones below: ${p.zonesBelowTarget.join(', ') || 'none'}; cross-zone duties ${p.crossZoneDuties}; lieu given back ${p.lieuShifts} shifts, owed ${p.lieuOwedHours.toFixed(1)} h; unmet staff-shifts ${report.soft.unmetStaffShifts}`);
}

for (const item of GENERATED.filter((c) => only === null || only.test(c.label))) run(item.label, generateHall({ staff: item.staff, days: item.days, shiftsPerDay: 2, seed: 2026, windows: item.windows }));

for (const item of CASES.filter((c) => only === null || only.test(c.label))) {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  try {
    const backend = await openTestBackend(dir, item.clock);
    const zoneIds = await backend.context.session.use(async (db) => (await db.all<{ id: number }>('SELECT id FROM zones ORDER BY id')).map((row) => row.id));
    const scenario = await backend.context.session.use((db) => scenarioFromDb(db, { from: item.from, days: item.days, zoneIds }, item.clock.slice(0, 10)));
    run(item.label, scenario);
    await backend.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
