/**
 * A shift lead answers for their own zones: the roster board of a roster that staffs one of them,
 * from today on; attendance and leave of the people whose home is one of them. The role table says
 * which channels are held to this; here the argument is read against the database.
 */
import { AppFailure } from '../../contract/errors.ts';
import type { Channel } from '../../contract/channels.ts';
import type { ChannelAccess } from '../../contract/access.ts';
import type { Queryable } from '../../../data/connection.ts';
import type { AccountRecord } from '../../../data/repositories/accounts.ts';
import { getRoster } from '../../../data/repositories/roster.ts';
import { getStaff } from '../../../data/repositories/staff.ts';
import { getProposal } from '../board/proposals.ts';

interface ScopedArgument {
  rosterId?: number;
  proposalId?: number;
  staffId?: number;
  date?: string;
  ops?: { date: string }[];
  cells?: { date: string }[];
}

export async function checkLeadScope(db: Queryable, channel: Channel, scope: NonNullable<ChannelAccess['leadScope']>, argument: unknown, lead: AccountRecord, today: string): Promise<void> {
  const arg = (argument ?? {}) as ScopedArgument;
  if (scope === 'person') return checkPerson(db, channel, arg, lead);
  const rosterId = arg.rosterId ?? (arg.proposalId === undefined ? undefined : await rosterOfProposal(db, arg.proposalId));
  const roster = rosterId === undefined ? undefined : await getRoster(db, rosterId);
  if (!roster) return; // The handler says "not found" in its own words.
  if (!leadsAny(lead, roster.zoneIds)) {
    throw forbidden(`班组长只能调整本人负责区域的排班（排班 #${roster.id} 不含其区域）。 / A shift lead may change only the rosters of their own zones (roster #${roster.id} has none of them).`);
  }
  const dates = [...(arg.ops ?? []), ...(arg.cells ?? [])].map((cell) => cell.date);
  const past = dates.filter((date) => date < today).sort()[0];
  if (past) throw forbidden(`班组长只能调整今天及以后的排班（${past} 已过）。 / A shift lead may change the roster from today on (${past} is past).`);
}

/** Whether a lead answers for one of these zones (a roster staffs them). */
export function leadsAny(lead: Pick<AccountRecord, 'zoneIds'>, zoneIds: readonly number[]): boolean {
  return zoneIds.some((zoneId) => lead.zoneIds.includes(zoneId));
}

async function checkPerson(db: Queryable, channel: Channel, arg: ScopedArgument, lead: AccountRecord): Promise<void> {
  if (arg.staffId === undefined) return;
  const person = await getStaff(db, arg.staffId);
  if (!person) return;
  if (!lead.zoneIds.includes(person.homeZoneId)) {
    throw forbidden(`班组长只能为本人负责区域的人员办理（${channel}）。 / A shift lead may do this (${channel}) only for the people of their own zones.`);
  }
}

async function rosterOfProposal(db: Queryable, proposalId: number): Promise<number> {
  return (await getProposal(db, proposalId)).rosterId;
}

export function forbidden(message: string): AppFailure {
  return new AppFailure('forbidden', message);
}
