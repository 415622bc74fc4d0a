import { describe, expect, it, vi } from 'vitest';
import type * as Check from '../../../solver/roster/check.ts';
import { RosterBugError, solveRoster } from '../../../solver/roster/solve.ts';
import type { Breach, Scenario } from '../../../solver/roster/types.ts';

/** A checker that always finds the same breach, to see what the optimiser does with one. */
vi.mock('../../../solver/roster/check.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Check>();
  const breach: Breach = { rule: 'max_shifts_week', staff: 'p', message: 'p works 5 shifts in the week from 2024-01-01; the limit is 4' };
  return { ...original, checkRoster: (...args: Parameters<typeof original.checkRoster>) => ({ ...original.checkRoster(...args), breaches: [breach] }) };
});

describe('solveRoster never trusts the engine', () => {
  it('throws a RosterBugError with the breaches when the checker finds one', () => {
    const scenario: Scenario = {
      start: '2024-01-01',
      days: 1,
      shifts: [{ id: 'AM', start: '09:00', end: '13:00' }],
      posts: [{ id: 'A', name: 'A' }],
      staff: [{ id: 'p', name: '张三', skills: { A: 2 } }],
      demand: [{ date: '2024-01-01', shift: 'AM', post: 'A', required: 1 }],
    };
    let caught: unknown;
    try {
      solveRoster(scenario, { highs: null });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RosterBugError);
    expect((caught as RosterBugError).breaches).toEqual([expect.objectContaining({ rule: 'max_shifts_week', staff: 'p' })]);
    expect((caught as RosterBugError).message).toMatch(/breaks 1 hard rule\(s\), a bug in the model:\n- p works 5 shifts/);
  });
});
