/** Scenario and roster validation (stub; filled in next). */
import type { Assignment, Scenario, ScenarioProblem } from './types.ts';

export function validateScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
  return { ok: true, scenario: input as Scenario };
}

export function validateRoster(input: unknown, _scenario: Scenario): { ok: true; roster: { assignments: Assignment[] } } | { ok: false; problems: ScenarioProblem[] } {
  return { ok: true, roster: input as { assignments: Assignment[] } };
}
