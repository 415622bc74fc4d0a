/**
 * The published roster's planned time off in lieu (rule 14 of docs/roster-rules.md), as the pay and
 * the time account read it: per person, each rest-day duty paired with the shift off that gives it
 * back, read off the roster as it stands by the checker's own ledger (as the board's 调休 is).
 *
 * Computed, not stored: re-publishing a week supersedes the roster it replaces, so only the roster
 * the hall now follows is read and nothing can be counted twice; and an edit on the board moves the
 * entries with it, where a stored copy would have to be kept in step by every writer of a roster.
 */
import type { Queryable } from '../../../data/connection.ts';
import { listPublishedCover, listRosters } from '../../../data/repositories/roster.ts';
import type { RosterLieu } from '../../../solver/pay/hours.ts';
import { lieuPairs } from '../../../solver/roster/check.ts';
import { loadBoardState, preparedOf } from '../board/board-state.ts';

/**
 * Planned give-backs touching [from, to], by staff id. A pair counts while its roster still covers the
 * day of the shift off (a later roster over those days plans its own).
 */
export async function rosterLieuBetween(db: Queryable, from: string, to: string): Promise<Map<number, RosterLieu[]>> {
  const byStaff = new Map<number, RosterLieu[]>();
  // A give-back may lie one week after its duty: rosters a week either side can pair into the range.
  const rosters = (await listRosters(db, { from: shift(from, -7), to: shift(to, 7) })).filter((roster) => roster.status === 'published');
  if (rosters.length === 0) return byStaff;
  const covered = new Set((await listPublishedCover(db, shift(from, -7), shift(to, 7))).map((cell) => `${cell.rosterId}|${cell.date}`));
  for (const roster of rosters) {
    const state = await loadBoardState(db, roster.id);
    if (!state.scenario.presence) continue;
    for (const [staff, pairs] of lieuPairs(preparedOf(state.scenario), state.assignments)) {
      const kept = pairs
        .filter((pair) => covered.has(`${roster.id}|${pair.spentOn}`))
        .filter((pair) => (pair.earnedOn >= from && pair.earnedOn <= to) || (pair.spentOn >= from && pair.spentOn <= to))
        .map(({ earnedOn, spentOn, minutes }) => ({ earnedOn, spentOn, minutes }));
      if (kept.length > 0) byStaff.set(Number(staff), [...(byStaff.get(Number(staff)) ?? []), ...kept]);
    }
  }
  return byStaff;
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
