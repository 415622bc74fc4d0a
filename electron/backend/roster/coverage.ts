/**
 * Coverage per slot (date, shift, post) of a saved roster against the scenario it was made for:
 * staff required, qualified staff assigned, and whether the slot survives one absence (N-1),
 * counted exactly as docs/roster-rules.md counts them for the backup penalty.
 */
import type { RosterCoverageCell } from '../../contract/areas/roster.ts';
import { prepareScenario } from '../../../solver/roster/prepare.ts';
import { QUALIFIED, type Assignment, type Scenario } from '../../../solver/roster/types.ts';

/** Every slot with demand or with someone assigned, in date, shift and post order. */
export function coverageOf(scenario: Scenario, assignments: readonly Assignment[]): RosterCoverageCell[] {
  const prepared = prepareScenario(scenario);
  const people = new Map(prepared.people.map((person) => [person.id, person]));
  const required = new Map<string, number>();
  // The lines the optimiser prices: in the hall a post with windows needs its open seats.
  for (const line of prepared.demand) required.set(slotKey(line.date, line.shift, line.post), (required.get(slotKey(line.date, line.shift, line.post)) ?? 0) + line.required);
  const assigned = new Map<string, number>();
  const onDuty = new Map<string, Assignment[]>();
  for (const assignment of assignments) {
    const key = slotKey(assignment.date, assignment.shift, assignment.post);
    if (!required.has(key)) required.set(key, 0);
    if (assignment.learner !== true) assigned.set(key, (assigned.get(key) ?? 0) + 1);
    const duty = `${assignment.date}|${assignment.shift}`;
    onDuty.set(duty, [...(onDuty.get(duty) ?? []), assignment]);
  }
  const shiftOrder = new Map(scenario.shifts.map((shift, index) => [shift.id, index]));
  return [...required]
    .map(([key, need]) => {
      const [date, shiftCode, post] = key.split('|') as [string, string, string];
      const count = assigned.get(key) ?? 0;
      // Someone working the same duty at another post who is qualified here can step across.
      const cover = (onDuty.get(`${date}|${shiftCode}`) ?? []).some((other) => other.post !== post && (people.get(other.staff)?.levelOf(post) ?? 0) >= QUALIFIED);
      return { date, shiftCode, postId: Number(post), required: need, assigned: count, backup: count >= need + 1 || cover };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || (shiftOrder.get(a.shiftCode) ?? 0) - (shiftOrder.get(b.shiftCode) ?? 0) || a.postId - b.postId);
}

function slotKey(date: string, shift: string, post: string): string {
  return `${date}|${shift}|${post}`;
}
