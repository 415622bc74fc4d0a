/** Gap reasons in plain words (stub; filled in next). */
import type { Assignment, Gap, Scenario } from './types.ts';

export function explainGaps(_scenario: Scenario, _assignments: Assignment[]): Gap[] {
  return [];
}
