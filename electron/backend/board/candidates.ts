/**
 * Who could take a seat (date, shift, post): everyone of the roster qualified there (level ≥ 2) who
 * is not on leave or marked absent that shift, ranked the way a shift lead would ask around —
 * free people who break no rule first (the window's A, then its B, then the rest, each by fewest
 * minutes that week), then people who would leave another post, then those whose placing breaks a
 * rule, with the rule named. Nobody qualified is left out silently.
 */
import type { BoardCandidate } from '../../contract/areas/board.ts';
import type { PreparedPerson, PreparedScenario } from '../../../solver/roster/prepare.ts';
import { QUALIFIED } from '../../../solver/roster/types.ts';
import { preparedOf, type BoardState } from './board-state.ts';
import { boardBreaches } from './board-view.ts';
import { breachText, namesOf } from './breach-text.ts';
import { applyOps, isStale, newBreaches, windowIdOf, type ParsedBoardOp } from './live-check.ts';
import type { Assignment } from '../../../solver/roster/types.ts';

export interface Seat {
  date: string;
  shiftCode: string;
  postId: number;
  /** A window of the post: the seat is that window. null: the post (a post without windows, or any of its windows). */
  windowId?: number | null;
}

/** Windows of the seat's post with their A and B people. */
export interface SeatWindows {
  aStaffIds: ReadonlySet<number>;
  bStaffIds: ReadonlySet<number>;
}

/** Rank groups in order: free and clean, moving from another post, breaking a rule. */
const RANK = { free: 0, moving: 1, breaking: 2 } as const;
const ROLE_RANK = { A: 0, B: 1, none: 2 } as const;

export function candidatesFor(state: BoardState, seat: Seat, windows: SeatWindows): BoardCandidate[] {
  const prepared = preparedOf(state.scenario);
  const dayIndex = prepared.dayIndex.get(seat.date);
  if (dayIndex === undefined || !prepared.shiftIndex.has(seat.shiftCode)) return [];
  const post = String(seat.postId);
  const names = namesOf(state.scenario);
  const onShift = new Map(state.assignments.filter((a) => a.date === seat.date && a.shift === seat.shiftCode).map((a) => [a.staff, a]));
  const week = prepared.days[dayIndex]!.week;
  const minutes = minutesInWeek(state, prepared, week);

  const windowId = seat.windowId ?? null;
  const holder = windowId === null ? undefined : state.assignments.find((a) => a.date === seat.date && a.shift === seat.shiftCode && a.window === String(windowId));
  const already = (person: PreparedPerson) => (windowId === null ? onShift.get(person.id)?.post === post : holder?.staff === person.id);
  const ranked = prepared.people
    .filter((person) => person.levelOf(post) >= QUALIFIED && !isAway(person, dayIndex, seat.shiftCode) && !already(person))
    .map((person) => {
      const staffId = Number(person.id);
      const current = onShift.get(person.id);
      const ops = seatOps(seat, staffId, current, holder);
      const applied = applyOps(state.assignments, ops);
      const breaches = isStale(applied) ? [] : newBreaches(state, applied);
      const abRole: BoardCandidate['abRole'] = windows.aStaffIds.has(staffId) ? 'A' : windows.bStaffIds.has(staffId) ? 'B' : null;
      const minutesThisWeek = minutes.get(person.id) ?? 0;
      const group = breaches.length > 0 ? RANK.breaking : current ? RANK.moving : RANK.free;
      const candidate: BoardCandidate = {
        staffId,
        name: person.def.name,
        level: person.levelOf(post),
        abRole,
        minutesThisWeek,
        currentPostId: current ? Number(current.post) : null,
        currentWindowId: windowIdOf(current),
        ops,
        breaches: boardBreaches(state, breaches),
        ...reasonOf(group, abRole, minutesThisWeek, current ? names.post(current.post) : '', breaches.map((b) => breachText(b, names))),
      };
      return { candidate, group, role: ROLE_RANK[abRole ?? 'none'] };
    });
  return ranked
    .sort(
      (x, y) =>
        x.group - y.group ||
        (x.group === RANK.free ? x.role - y.role : 0) ||
        x.candidate.breaches.length - y.candidate.breaches.length ||
        x.candidate.minutesThisWeek - y.candidate.minutesThisWeek ||
        x.candidate.staffId - y.candidate.staffId,
    )
    .map((entry) => entry.candidate);
}

/**
 * The candidate at the seat; when it is a window someone else holds, that person takes the seat the
 * candidate leaves (a swap), or comes off duty when the candidate held none. Each op expects the
 * cell as it stands, window included.
 */
export function seatOps(seat: Seat, staffId: number, current: Assignment | undefined, holder: Assignment | undefined): ParsedBoardOp[] {
  const ops: ParsedBoardOp[] = [
    {
      staffId,
      date: seat.date,
      shiftCode: seat.shiftCode,
      postId: seat.postId,
      windowId: seat.windowId ?? null,
      learner: false,
      expectedPostId: current ? Number(current.post) : null,
      expectedWindowId: windowIdOf(current),
    },
  ];
  if (holder && holder.staff !== String(staffId)) {
    ops.push({
      staffId: Number(holder.staff),
      date: seat.date,
      shiftCode: seat.shiftCode,
      postId: current ? Number(current.post) : null,
      windowId: current && current.learner !== true ? windowIdOf(current) : null,
      learner: false,
      expectedPostId: Number(holder.post),
      expectedWindowId: windowIdOf(holder),
    });
  }
  return ops;
}

/** On leave, marked absent or otherwise unavailable for the whole day or that shift. */
function isAway(person: PreparedPerson, dayIndex: number, shift: string): boolean {
  return person.unavailable.has(`${dayIndex}`) || person.unavailable.has(`${dayIndex}:${shift}`);
}

function minutesInWeek(state: BoardState, prepared: PreparedScenario, week: number): Map<string, number> {
  const result = new Map<string, number>();
  for (const a of state.assignments) {
    const day = prepared.days[prepared.dayIndex.get(a.date) ?? -1];
    const shift = prepared.shifts[prepared.shiftIndex.get(a.shift) ?? -1];
    if (day?.week === week && shift) result.set(a.staff, (result.get(a.staff) ?? 0) + shift.minutes);
  }
  return result;
}

function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10);
}

function reasonOf(
  group: number,
  abRole: BoardCandidate['abRole'],
  minutes: number,
  currentPostName: string,
  breaches: readonly { zh: string; en: string }[],
): { reasonZh: string; reasonEn: string } {
  const week = { zh: `本周 ${hoursText(minutes)} 小时`, en: `${hoursText(minutes)} h this week` };
  if (group === RANK.breaking) {
    return { reasonZh: `将违反：${breaches.map((b) => b.zh).join('；')}`, reasonEn: `Would break: ${breaches.map((b) => b.en).join('; ')}` };
  }
  if (group === RANK.moving) {
    return { reasonZh: `正在 ${currentPostName} 值班 · ${week.zh}`, reasonEn: `On duty at ${currentPostName} · ${week.en}` };
  }
  if (abRole !== null) return { reasonZh: `${abRole} 岗 · ${week.zh}`, reasonEn: `${abRole} of a window here · ${week.en}` };
  return { reasonZh: week.zh, reasonEn: week.en };
}

