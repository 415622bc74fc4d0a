/**
 * Rosters that keep every hard rule of the hall (everyone present on every working day, every duty at
 * a post with windows seated at one, every open window seated — docs/roster-rules.md rules 11–13),
 * for tests that import a roster: the optimiser's, since a file made by hand would have to hold all
 * of them. A solve takes seconds, so each scenario is solved once per test file (keyed by its JSON:
 * the same week and zones of the demo centre export the same scenario).
 */
import { loadHighsEngine } from '../../solver/lp/highs.ts';
import type { Engine } from '../../solver/lp/types.ts';
import { solveRoster } from '../../solver/roster/solve.ts';
import type { Assignment, Scenario } from '../../solver/roster/types.ts';

let highs: Engine | null = null;
const solved = new Map<string, readonly Assignment[]>();

/** The scenario file 'roster/exportScenario' answers with, read. */
export function scenarioOfFile(file: { base64: string }): Scenario {
  return JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Scenario;
}

/**
 * The scenario solved by HiGHS: its assignments carry `window`. Without the lunch cover it still keeps
 * every hard rule (the lunch cover is on top of the default day) and has gaps to explain.
 */
export async function validRoster(scenario: Scenario, options: { withoutLunch?: boolean } = {}): Promise<Assignment[]> {
  const key = JSON.stringify(scenario);
  let assignments = solved.get(key);
  if (!assignments) {
    highs ??= await loadHighsEngine();
    assignments = solveRoster(scenario, { highs, engine: 'highs', timeLimitSeconds: 20 }).assignments;
    solved.set(key, assignments);
  }
  const copy = assignments.map((a) => ({ ...a }));
  return options.withoutLunch ? copy.filter((a) => a.shift !== 'NOON') : copy;
}

/** The import arguments of a roster file holding these assignments. */
export function rosterFileOf(assignments: readonly Assignment[], fileName = 'roster.json'): { fileName: string; base64: string } {
  return { fileName, base64: Buffer.from(JSON.stringify({ assignments }), 'utf8').toString('base64') };
}
