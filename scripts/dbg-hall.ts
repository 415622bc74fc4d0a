import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestBackend, TEST_TODAY } from '../tests/support/backend.ts';
import { scenarioFromDb } from '../electron/backend/roster/scenario-from-db.ts';
import { loadHighsEngine } from '../solver/lp/highs.ts';
import { solveRoster } from '../solver/roster/solve.ts';
import { prepareScenario, windowsOpening } from '../solver/roster/prepare.ts';
const dir = mkdtempSync(join(tmpdir(), 'hb-'));
const backend = await openTestBackend(dir);
const highs = await loadHighsEngine();
const zoneIds = await backend.context.session.use(async (db) => (await db.all<{ id: number }>('SELECT id FROM zones ORDER BY id')).map((r) => r.id));
const scenario = await backend.context.session.use((db) => scenarioFromDb(db, { from: '2026-12-14', days: 7, zoneIds }, TEST_TODAY));
const roster = solveRoster(scenario, { highs, engine: 'highs', timeLimitSeconds: 60, relativeGap: 0.005 });
const names = new Map(scenario.posts.map((p) => [p.id, p.name]));
const gaps = new Map<string, number>();
for (const g of roster.unmet) gaps.set(`${names.get(g.post)} ${g.shift}`, (gaps.get(`${names.get(g.post)} ${g.shift}`) ?? 0) + g.missing);
console.log(gaps);
console.log(roster.unmet.slice(0, 3).map((g) => g.reason));
const prepared = prepareScenario(scenario);
let closed = 0, takenByOther = 0, elsewhereWhileOpen = 0;
for (const w of scenario.windows!) {
  if (!w.a) continue;
  for (const day of prepared.days) for (const shift of ['AM', 'PM']) {
    const mine = roster.assignments.find((a) => a.staff === w.a && a.date === day.date && a.shift === shift);
    if (!mine || mine.window === w.id) continue;
    const op = windowsOpening(prepared.hall!, day, shift, w.post);
    if (!op.fixed.includes(w) && !op.demand.includes(w)) continue;
    const other = roster.assignments.find((a) => a.window === w.id && a.date === day.date && a.shift === shift);
    if (other) takenByOther++; else closed++;
    if (other && takenByOther < 4) console.log('taken', w.id, day.date, shift, 'A at', mine.post, mine.window, 'other', other.staff);
  }
}
console.log({ closed, takenByOther });
await backend.close();
