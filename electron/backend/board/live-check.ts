/**
 * The live check behind every edit: which hard rules a set of cell changes would newly break.
 *
 * Every hard rule of docs/roster-rules.md concerns one person's duties or one slot's people (the
 * learner beside a mentor), so an edit can only change the breaches of the people it touches and of
 * the people sharing the slots it touches. The independent checker is run on just those people,
 * before and after; a week of 300 people is never re-checked whole for one cell.
 */
import { checkRoster } from '../../../solver/roster/check.ts';
import type { Assignment, Breach, Scenario } from '../../../solver/roster/types.ts';
import { breachKey, cellKey, type BoardState } from './board-state.ts';

/** A board op as the contract parses it: `learner` defaulted. */
export interface ParsedBoardOp {
  staffId: number;
  date: string;
  shiftCode: string;
  postId: number | null;
  learner: boolean;
  expectedPostId: number | null;
}

/** One cell changed by the ops: what it held and what it holds now. */
export interface CellChange {
  staff: string;
  date: string;
  shift: string;
  from: Assignment | null;
  to: Assignment | null;
}

export interface AppliedOps {
  assignments: Assignment[];
  /** Cells whose post or learner flag changed, in the order first touched. */
  changes: CellChange[];
}

/** Where the first op that no longer matches the roster points: the caller names who changed it. */
export interface StaleCell {
  op: ParsedBoardOp;
  actualPostId: number | null;
}

/**
 * The ops applied in order to the state's assignments (not changing the state). Returns the first
 * op whose expectedPostId is not what the cell holds at that point, if any, instead.
 */
export function applyOps(assignments: readonly Assignment[], ops: readonly ParsedBoardOp[]): AppliedOps | StaleCell {
  const byCell = new Map(assignments.map((a) => [cellKey(a.staff, a.date, a.shift), a]));
  const original = new Map<string, Assignment | null>();
  for (const op of ops) {
    const key = cellKey(String(op.staffId), op.date, op.shiftCode);
    const current = byCell.get(key) ?? null;
    const actualPostId = current ? Number(current.post) : null;
    if (actualPostId !== op.expectedPostId) return { op, actualPostId };
    if (!original.has(key)) original.set(key, current);
    if (op.postId === null) byCell.delete(key);
    else byCell.set(key, { staff: String(op.staffId), date: op.date, shift: op.shiftCode, post: String(op.postId), learner: op.learner });
  }
  const changes: CellChange[] = [];
  for (const [key, from] of original) {
    const to = byCell.get(key) ?? null;
    if (from?.post === to?.post && (from?.learner === true) === (to?.learner === true)) continue;
    const [staff, date, shift] = key.split('|') as [string, string, string];
    changes.push({ staff, date, shift, from, to });
  }
  return { assignments: [...byCell.values()], changes };
}

export function isStale(result: AppliedOps | StaleCell): result is StaleCell {
  return 'op' in result;
}

/**
 * The breaches among the people a change touches and those sharing its slots, from a checker run on
 * a scenario cut down to them (demand left out: breaches do not depend on it).
 */
export function breachesAround(scenario: Scenario, assignments: readonly Assignment[], changes: readonly CellChange[]): Breach[] {
  const slots = new Set<string>();
  const people = new Set<string>();
  for (const change of changes) {
    people.add(change.staff);
    for (const side of [change.from, change.to]) if (side) slots.add(`${side.date}|${side.shift}|${side.post}`);
  }
  for (const a of assignments) if (slots.has(`${a.date}|${a.shift}|${a.post}`)) people.add(a.staff);
  const staff = scenario.staff.filter((person) => people.has(person.id));
  const pinned = (scenario.pinned ?? []).filter((pin) => people.has(pin.staff));
  const narrowed: Scenario = { ...scenario, staff, demand: [], requests: [], pinned };
  return checkRoster(narrowed, assignments.filter((a) => people.has(a.staff))).breaches;
}

/** Breaches the changed roster has that the roster before it did not, leaving out those already accepted. */
export function newBreaches(state: BoardState, applied: AppliedOps): Breach[] {
  if (applied.changes.length === 0) return [];
  const before = new Set(breachesAround(state.scenario, state.assignments, applied.changes).map(breachKey));
  return breachesAround(state.scenario, applied.assignments, applied.changes).filter((breach) => {
    const key = breachKey(breach);
    return !before.has(key) && !state.overrides.has(key);
  });
}
