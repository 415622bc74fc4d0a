/**
 * What the published rosters of a period achieve, slot by slot: required against assigned and the
 * N-1 backup, as the roster's own coverage counts them, with the plain-words reason of every gap.
 * Read from the rosters as they stand now (the lead's edits and repairs included), not as solved.
 */
import type { Queryable } from '../../../data/connection.ts';
import { listPosts, type PostRecord, type WindowRecord } from '../../../data/repositories/centre.ts';
import { listRosters, type RosterRecord } from '../../../data/repositories/roster.ts';
import { listShiftTemplates } from '../../../data/repositories/calendar.ts';
import type { ShiftName } from '../../contract/areas/reports.ts';
import { explainGaps } from '../../../solver/roster/reasons.ts';
import { loadBoardState } from '../board/board-state.ts';
import { coverageOf } from '../roster/coverage.ts';
import { loadPublishedCover, type PublishedCover } from '../roster/cover.ts';

export interface PublishedSlot {
  rosterId: number;
  date: string;
  shiftCode: string;
  postId: number;
  required: number;
  assigned: number;
  backup: boolean;
  /** Why the slot is short, when it is; '' otherwise. */
  reasonZh: string;
  reasonEn: string;
}

export interface PublishedPeriod {
  rosters: RosterRecord[];
  /** Which published roster the hall follows per zone and day (a later one may replace some zones' days). */
  cover: PublishedCover;
  slots: PublishedSlot[];
}

/** Every slot the hall follows between two dates, inclusive, in date order. */
export async function publishedSlots(db: Queryable, from: string, to: string): Promise<PublishedPeriod> {
  const rosters = (await listRosters(db, { from, to })).filter((roster) => roster.status === 'published');
  const [cover, posts] = await Promise.all([loadPublishedCover(db, from, to), listPosts(db)]);
  const zoneOfPost = new Map(posts.map((post) => [post.id, post.zoneId]));
  const slots: PublishedSlot[] = [];
  for (const roster of rosters) {
    const state = await loadBoardState(db, roster.id);
    const followed = (postId: number, date: string) => {
      const zoneId = zoneOfPost.get(postId);
      // A post without a zone, or of a zone the roster does not staff, goes with its roster's day.
      if (zoneId === null || zoneId === undefined || !roster.zoneIds.includes(zoneId)) return roster.zoneIds.some((zone) => cover.rosterOf(zone, date) === roster.id);
      return cover.rosterOf(zoneId, date) === roster.id;
    };
    const inRange = coverageOf(state.scenario, state.assignments).filter((cell) => cell.date >= from && cell.date <= to && followed(Number(cell.postId), cell.date));
    // Explaining a gap tries every qualified person against the checker: only worth it when there is one.
    const reasons = inRange.some((cell) => cell.assigned < cell.required) ? reasonsByKey(explainGaps(state.scenario, state.assignments)) : new Map();
    for (const cell of inRange) {
      const reason = reasons.get(`${cell.date}|${cell.shiftCode}|${cell.postId}`);
      slots.push({ rosterId: roster.id, ...cell, reasonZh: reason?.zh ?? '', reasonEn: reason?.en ?? '' });
    }
  }
  slots.sort((a, b) => a.date.localeCompare(b.date) || a.shiftCode.localeCompare(b.shiftCode) || a.postId - b.postId);
  return { rosters, cover, slots };
}

function reasonsByKey(gaps: ReturnType<typeof explainGaps>): Map<string, { zh: string; en: string }> {
  return new Map(gaps.map((gap) => [`${gap.date}|${gap.shift}|${gap.post}`, { zh: gap.reason, en: gap.reasonEn }]));
}

/** Whether a published roster staffs `zoneId` on `date`. */
export function isRostered(cover: PublishedCover, zoneId: number, date: string): boolean {
  return cover.covers(zoneId, date);
}

/** Why a fully staffed slot is still fragile, in the words the client reads. */
export function noBackupReason(slot: Pick<PublishedSlot, 'assigned' | 'required'>): { zh: string; en: string } {
  return {
    zh: `同班次没有其他合格人员可以顶岗（在岗 ${slot.assigned} 人，需要 ${slot.required} 人）：一人缺勤即出现缺口。`,
    en: `No one else on this shift is qualified to step in (${slot.assigned} on duty, ${slot.required} needed): one absence leaves a gap.`,
  };
}

/** The windows of a post's zone that take the post. */
export function windowCodesOf(post: PostRecord | undefined, windows: readonly WindowRecord[]): string[] {
  if (!post) return [];
  return windows.filter((window) => window.postId === post.id && (post.zoneId === null || window.zoneId === post.zoneId)).map((window) => window.code);
}

/** Every shift template's names, retired ones too: a roster keeps the codes it was made with. */
export async function shiftNames(db: Queryable): Promise<ShiftName[]> {
  return (await listShiftTemplates(db)).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}
