/**
 * A shift lead answers for their own zones: the roster board of a roster that staffs one of them,
 * from today on, and there only the cells of their zones' people at their zones' posts; attendance
 * and leave of the people whose home is one of them. The role table says which channels are held
 * to this; here the argument is read against the database.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { Channel } from '../../contract/channels.ts';
import type { ChannelAccess } from '../../contract/access.ts';
import type { Queryable } from '../../../data/connection.ts';
import type { AccountRecord } from '../../../data/repositories/accounts.ts';
import { postsAtCells, zonesOfPeopleAndPosts } from '../../../data/repositories/board.ts';
import { findProposal } from '../../../data/repositories/proposals.ts';
import { getRoster } from '../../../data/repositories/roster.ts';
import { getStaff } from '../../../data/repositories/staff.ts';

/** A cell a call touches, with the posts it names (the one it sets, the one it expects to find). */
interface TouchedCell {
  staffId: number;
  date: string;
  shiftCode: string | null;
  postIds: (number | null | undefined)[];
}

interface ScopedArgument {
  rosterId?: number;
  proposalId?: number;
  staffId?: number;
  date?: string;
  shiftCode?: string | null;
  ops?: { staffId: number; date: string; shiftCode: string; postId: number | null; expectedPostId: number | null }[];
  cells?: { staffId: number; date: string; shiftCode: string }[];
}

export async function checkLeadScope(db: Queryable, channel: Channel, scope: NonNullable<ChannelAccess['leadScope']>, argument: unknown, lead: AccountRecord, today: string): Promise<void> {
  const arg = (argument ?? {}) as ScopedArgument;
  if (scope === 'person') return checkPerson(db, channel, arg, lead);
  const proposal = arg.proposalId === undefined ? undefined : await findProposal(db, arg.proposalId);
  const rosterId = arg.rosterId ?? proposal?.rosterId;
  const roster = rosterId === undefined ? undefined : await getRoster(db, rosterId);
  if (!roster) return; // The handler says "not found" in its own words.
  if (!leadsAny(lead, roster.zoneIds)) {
    throw forbidden(`班组长只能调整本人负责区域的排班（排班 #${roster.id} 不含其区域）。 / A shift lead may change only the rosters of their own zones (roster #${roster.id} has none of them).`);
  }
  if (scope === 'roster') return;
  const touched: TouchedCell[] = [
    ...(arg.ops ?? []).map((op) => ({ staffId: op.staffId, date: op.date, shiftCode: op.shiftCode, postIds: [op.postId, op.expectedPostId] })),
    ...(arg.cells ?? []).map((cell) => ({ ...cell, postIds: [] })),
    // Marking someone absent takes them off their duties that day: the repair starts with that person.
    ...(channel === 'board/repairStart' && arg.staffId !== undefined && arg.date !== undefined ? [{ staffId: arg.staffId, date: arg.date, shiftCode: arg.shiftCode ?? null, postIds: [] }] : []),
    ...(proposal?.moves ?? []).map((move) => ({ staffId: move.staffId, date: move.date, shiftCode: move.shiftCode, postIds: [move.fromPostId, move.toPostId] })),
  ];
  const past = touched.map((cell) => cell.date).filter((date) => date < today).sort()[0];
  if (past) throw forbidden(`班组长只能调整今天及以后的排班（${past} 已过）。 / A shift lead may change the roster from today on (${past} is past).`);
  await checkCells(db, roster.id, touched, lead);
}

/**
 * Every cell a lead touches is of a person of their zones, at a post of their zones: the post the
 * call names and the one the cell holds now (so taking a person off another zone's post is refused).
 */
async function checkCells(db: Queryable, rosterId: number, touched: readonly TouchedCell[], lead: AccountRecord): Promise<void> {
  if (touched.length === 0) return;
  const zones = await zonesOfPeopleAndPosts(db);
  const held = await postsAtCells(db, rosterId, touched.filter((cell) => cell.shiftCode !== null).map((cell) => ({ staffId: cell.staffId, date: cell.date, shiftCode: cell.shiftCode! })));
  const mine = (zoneId: number | null | undefined) => zoneId !== null && zoneId !== undefined && lead.zoneIds.includes(zoneId);
  for (const cell of touched) {
    const where = `${cell.date}${cell.shiftCode === null ? '' : ` ${cell.shiftCode}`}`;
    const person = zones.staff.get(cell.staffId);
    // Someone the database does not know: the handler refuses the cell in its own words.
    if (person !== undefined && !mine(person.zoneId)) {
      throw forbidden(`班组长只能调整本人负责区域人员的排班（${person.nameZh} ${where} 属于其他区域）。 / A shift lead may change only the duties of their own zones' people (${person.nameEn} on ${where} belongs to another zone).`);
    }
    const posts = [...cell.postIds, cell.shiftCode === null ? null : held.get(`${cell.staffId}|${cell.date}|${cell.shiftCode}`)];
    const foreign = posts.map((postId) => (postId === null || postId === undefined ? undefined : zones.posts.get(postId))).find((post) => post !== undefined && !mine(post.zoneId));
    if (foreign !== undefined) {
      throw forbidden(`班组长只能调整本人负责区域岗位的排班（${foreign.nameZh} ${where} 属于其他区域）。 / A shift lead may change only the posts of their own zones (${foreign.nameEn} on ${where} belongs to another zone).`);
    }
  }
}

/** Whether a lead answers for one of these zones (a roster staffs them). */
export function leadsAny(lead: Pick<AccountRecord, 'zoneIds'>, zoneIds: readonly number[]): boolean {
  return zoneIds.some((zoneId) => lead.zoneIds.includes(zoneId));
}

/**
 * Whether a lead may change this cell: a person of their zones at a post of their zones (postZoneId
 * null: the cell holds no duty). The board's per-cell editable flag and the guard agree through it.
 */
export function leadsCell(lead: Pick<AccountRecord, 'zoneIds'>, personZoneId: number | null, postZoneId: number | null): boolean {
  return personZoneId !== null && lead.zoneIds.includes(personZoneId) && (postZoneId === null || lead.zoneIds.includes(postZoneId));
}

async function checkPerson(db: Queryable, channel: Channel, arg: ScopedArgument, lead: AccountRecord): Promise<void> {
  if (arg.staffId === undefined) return;
  const person = await getStaff(db, arg.staffId);
  if (!person) return;
  if (!lead.zoneIds.includes(person.homeZoneId)) {
    throw forbidden(`班组长只能为本人负责区域的人员办理（${channel}）。 / A shift lead may do this (${channel}) only for the people of their own zones.`);
  }
}

export function forbidden(message: string): AppFailure {
  return new AppFailure('forbidden', message);
}
