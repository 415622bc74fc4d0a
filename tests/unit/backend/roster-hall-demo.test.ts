import { describe, expect, it } from 'vitest';
import { scenarioFromDb } from '../../../electron/backend/roster/scenario-from-db.ts';
import { checkRoster } from '../../../solver/roster/check.ts';
import { loadHighsEngine } from '../../../solver/lp/highs.ts';
import { solveRoster } from '../../../solver/roster/solve.ts';
import { TEST_TODAY, withTestBackend } from '../../support/backend.ts';
import { hallProperties } from '../../support/hall-properties.ts';

/**
 * Issue 15's "done when" on the demo centre's week of 2026-12-14, every zone: everyone not on leave
 * holds the morning and the afternoon of every working day, no week short of the default day, every
 * open window seated by exactly one person, nobody at a flexible post beside an empty window of
 * their post, the A person at their window whenever it is open, the projected on-duty rate at the
 * target. (The week of 2026-11-23, a 4-week month and the make-up week are in tests/bench/hall.bench.ts.)
 */
describe('the demo centre rostered as a hall', () => {
  it('keeps every hall property on the week of 2026-12-14, every zone', async () => {
    const highs = await loadHighsEngine();
    await withTestBackend(async (backend) => {
      const zoneIds = await backend.context.session.use(async (db) => (await db.all<{ id: number }>('SELECT id FROM zones')).map((row) => row.id));
      const scenario = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2026-12-14', days: 7, zoneIds }, TEST_TODAY));
      const roster = solveRoster(scenario, { highs, engine: 'highs', timeLimitSeconds: 40, relativeGap: 0.005 });
      const report = checkRoster(scenario, roster.assignments);
      expect(report.breaches).toEqual([]);
      expect(report.soft.penalties.total).toBeCloseTo(roster.stats.objective, 4);
      const p = hallProperties(scenario, roster.assignments);
      expect(p).toMatchObject({ presenceMissing: 0, weeksShort: 0, windowsEmpty: 0, windowsShared: 0, idleBesideEmpty: 0, zonesBelowTarget: [] });
      expect(p.openWindowShifts).toBeGreaterThan(0);
      expect(p.aAtOpenWindowShare).toBeGreaterThanOrEqual(0.95);
      expect(p.aAtWindowShare).toBeGreaterThanOrEqual(0.95);
      expect(p.centreRate).toBeGreaterThanOrEqual(p.target);
      // Saturday service is staffed on top of the week, and given back as shifts off in lieu.
      expect(p.lieuShifts).toBeGreaterThan(0);
    });
  }, 120_000);
});
