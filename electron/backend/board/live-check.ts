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
  /** The seat at a post with windows; null elsewhere and for a learner. */
  windowId: number | null;
  learner: boolean;
  expectedPostId: number | null;
  /** The stored window the board showed; undefined: the caller compares the post only. */
  expectedWindowId?: number | null | undefined;
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
  /** Cells whose post, window or learner flag changed, in the order first touched. */
  changes: CellChange[];
}

/** Where the first op that no longer matches the roster points: the caller names who changed it. */
export interface StaleCell {
  op: ParsedBoardOp;
  actualPostId: number | null;
  actualWindowId: number | null;
}

/** The window a duty names, as the contract counts ids (null: none). */
export function windowIdOf(assignment: Assignment | null | undefined): number | null {
  return assignment?.window === undefined ? null : Number(assignment.window);
}

/** Same post, window and learner flag: the cell did not change. */
export function sameDuty(from: Assignment | null | undefined, to: Assignment | null | undefined): boolean {
  return from?.post === to?.post && from?.window === to?.window && (from?.learner === true) === (to?.learner === true);
}

/**
 * The ops applied in order to the state's assignments (not changing the state). Returns the first
 * op whose expectedPostId (or expectedWindowId, when given) is not what the cell holds at that
 * point, if any, instead.
 */
export function applyOps(assignments: readonly Assignment[], ops: readonly ParsedBoardOp[]): AppliedOps | StaleCell {
  const byCell = new Map(assignments.map((a) => [cellKey(a.staff, a.date, a.shift), a]));
  const original = new Map<string, Assignment | null>();
  for (const op of ops) {
    const key = cellKey(String(op.staffId), op.date, op.shiftCode);
    const current = byCell.get(key) ?? null;
    const actualPostId = current ? Number(current.post) : null;
    const actualWindowId = windowIdOf(current);
    if (actualPostId !== op.expectedPostId || (op.expectedWindowId !== undefined && actualWindowId !== op.expectedWindowId)) return { op, actualPostId, actualWindowId };
    if (!original.has(key)) original.set(key, current);
    if (op.postId === null) byCell.delete(key);
    else {
      const seat = op.windowId === null || op.learner ? {} : { window: String(op.windowId) };
      byCell.set(key, { staff: String(op.staffId), date: op.date, shift: op.shiftCode, post: String(op.postId), learner: op.learner, ...seat });
    }
  }
  const changes: CellChange[] = [];
  for (const [key, from] of original) {
    const to = byCell.get(key) ?? null;
    if (sameDuty(from, to)) continue;
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
  // The slots' own demand stays: it decides how many demand windows open there (the seats rule).
  const demand = scenario.demand.filter((line) => slots.has(`${line.date}|${line.shift}|${line.post}`));
  const narrowed: Scenario = { ...scenario, staff, demand, requests: [], pinned };
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
