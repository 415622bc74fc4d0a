/**
 * The draft as the screens show it: people × days for the roster grid, day × shift × post for the
 * coverage table, gaps in reading order. Plain data, so it is tested without a browser.
 */
import type { RosterAssignmentView, RosterCoverageCell, RosterGapView } from '../../../../electron/contract/areas/roster.ts';
import type { ShiftTemplate } from '../../../../electron/contract/areas/calendar.ts';
import type { Post, Zone } from '../../../../electron/contract/model.ts';

export interface Duty {
  shiftCode: string;
  postId: number;
  learner: boolean;
}

export interface RosterRow {
  staffId: number;
  staffName: string;
  /** The post this person holds most often in the period: rows are grouped by it. */
  mainPostId: number;
  shifts: number;
  days: Record<string, Duty[]>;
}

/** Orders shift codes by the clock (上午 before 午间值守 before 下午); unknown codes last, by name. */
export function shiftOrder(shifts: readonly Pick<ShiftTemplate, 'code' | 'startsAt' | 'endsAt'>[]): (a: string, b: string) => number {
  const rank = new Map(shifts.map((shift) => [shift.code, shift.startsAt * 2000 + shift.endsAt]));
  return (a, b) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b);
}

/** Posts in the hall's order: zone by zone as the centre lists them, hall-wide posts last. */
export function postOrder(posts: readonly Post[], zones: readonly Zone[]): (a: number, b: number) => number {
  const zoneRank = new Map(zones.map((zone) => [zone.id, zone.sortOrder]));
  const rank = new Map(posts.map((post, index) => [post.id, (post.zoneId === null ? 1e6 : (zoneRank.get(post.zoneId) ?? 1e5)) * 1000 + index]));
  return (a, b) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || a - b;
}

export function rosterRows(
  assignments: readonly RosterAssignmentView[],
  byShift: (a: string, b: string) => number,
  byPost: (a: number, b: number) => number,
): RosterRow[] {
  const rows = new Map<number, RosterRow & { postCounts: Map<number, number> }>();
  for (const assignment of assignments) {
    let row = rows.get(assignment.staffId);
    if (!row) {
      row = { staffId: assignment.staffId, staffName: assignment.staffName, mainPostId: assignment.postId, shifts: 0, days: {}, postCounts: new Map() };
      rows.set(assignment.staffId, row);
    }
    (row.days[assignment.date] ??= []).push({ shiftCode: assignment.shiftCode, postId: assignment.postId, learner: assignment.learner });
    row.shifts += 1;
    if (!assignment.learner) row.postCounts.set(assignment.postId, (row.postCounts.get(assignment.postId) ?? 0) + 1);
  }
  return [...rows.values()]
    .map(({ postCounts, ...row }) => {
      for (const duties of Object.values(row.days)) duties.sort((a, b) => byShift(a.shiftCode, b.shiftCode));
      const counted = [...postCounts.entries()].sort((a, b) => b[1] - a[1] || byPost(a[0], b[0]));
      return { ...row, mainPostId: counted[0]?.[0] ?? row.mainPostId };
    })
    .sort((a, b) => byPost(a.mainPostId, b.mainPostId) || a.staffName.localeCompare(b.staffName, 'zh-CN') || a.staffId - b.staffId);
}

/** One day's duties in words: shifts at the same post share it ("税务收件 上午·下午"). */
export function dutyGroups(duties: readonly Duty[]): { postId: number; learner: boolean; shiftCodes: string[] }[] {
  const groups: { postId: number; learner: boolean; shiftCodes: string[] }[] = [];
  for (const duty of duties) {
    const same = groups.find((group) => group.postId === duty.postId && group.learner === duty.learner);
    if (same) same.shiftCodes.push(duty.shiftCode);
    else groups.push({ postId: duty.postId, learner: duty.learner, shiftCodes: [duty.shiftCode] });
  }
  return groups;
}

export interface CoverageRow {
  date: string;
  shiftCode: string;
  /** By post id. */
  cells: Map<number, RosterCoverageCell>;
  short: number;
}

export type CoverageState = 'short' | 'met' | 'over' | 'idle';

export function coverageState(cell: Pick<RosterCoverageCell, 'required' | 'assigned'>): CoverageState {
  if (cell.assigned < cell.required) return 'short';
  if (cell.required === 0) return cell.assigned === 0 ? 'idle' : 'over';
  return cell.assigned > cell.required ? 'over' : 'met';
}

/** A staffed post-shift that any single absence would empty: what the N-1 backup rule is about. */
export function lacksBackup(cell: Pick<RosterCoverageCell, 'required' | 'assigned' | 'backup'>): boolean {
  return cell.required > 0 && cell.assigned > 0 && !cell.backup;
}

export function coverageRows(coverage: readonly RosterCoverageCell[], byShift: (a: string, b: string) => number): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  for (const cell of coverage) {
    const key = `${cell.date}|${cell.shiftCode}`;
    let row = rows.get(key);
    if (!row) {
      row = { date: cell.date, shiftCode: cell.shiftCode, cells: new Map(), short: 0 };
      rows.set(key, row);
    }
    row.cells.set(cell.postId, cell);
    row.short += Math.max(0, cell.required - cell.assigned);
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date) || byShift(a.shiftCode, b.shiftCode));
}

/** The posts the coverage speaks of, in the hall's order. */
export function coveragePosts(coverage: readonly RosterCoverageCell[], byPost: (a: number, b: number) => number): number[] {
  return [...new Set(coverage.map((cell) => cell.postId))].sort(byPost);
}

export interface CoverageTotals {
  slots: number;
  short: number;
  missing: number;
  withoutBackup: number;
}

export function coverageTotals(coverage: readonly RosterCoverageCell[]): CoverageTotals {
  const withDemand = coverage.filter((cell) => cell.required > 0);
  return {
    slots: withDemand.length,
    short: withDemand.filter((cell) => cell.assigned < cell.required).length,
    missing: withDemand.reduce((sum, cell) => sum + Math.max(0, cell.required - cell.assigned), 0),
    withoutBackup: withDemand.filter(lacksBackup).length,
  };
}

export function sortedGaps(gaps: readonly RosterGapView[], byShift: (a: string, b: string) => number, byPost: (a: number, b: number) => number): RosterGapView[] {
  return [...gaps].sort((a, b) => a.date.localeCompare(b.date) || byShift(a.shiftCode, b.shiftCode) || byPost(a.postId, b.postId));
}
