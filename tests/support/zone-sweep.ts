/**
 * The zone sweep shared by the backend's access test and the browser host's: a hall with a lead of
 * 农林水务 (AF), a roster of every zone, and for every channel the role table holds a lead to their
 * zones (leadScope) or trims for a role (rows), an argument of the lead's own zone and one of another
 * zone (税务, TX). `ZONE_CASES` is keyed by channel and checked against the table, so a new scoped
 * channel fails the sweep until it has its cases.
 */
import type { Backend } from '../../electron/backend/backend.ts';
import { CHANNEL_ACCESS } from '../../electron/contract/access.ts';
import { channelNames, type Channel } from '../../electron/contract/channels.ts';
import type { Envelope } from '../../electron/contract/errors.ts';
import type { Role } from '../../electron/contract/areas/auth.ts';
import type { Assignment } from '../../solver/roster/types.ts';
import { insertProposal } from '../../data/repositories/proposals.ts';
import { lastChangeIdOf } from '../../data/repositories/board.ts';
import { rosterFileOf, scenarioOfFile, validRoster } from './valid-roster.ts';

export type Who = Role | 'anonymous';
/** One call as `who`, through whichever host the test drives. */
export type Dial = (who: Who, channel: Channel, argument: unknown) => Promise<Envelope<unknown>>;

export const WEEK = { from: '2026-11-23', days: 7 } as const;
export const TUESDAY = '2026-11-24';
export const WEDNESDAY = '2026-11-25';

/** A person at a post: their Monday and Tuesday mornings on the all-zone roster. */
export interface Seat {
  staffId: number;
  postId: number;
  zoneId: number;
}

export interface ZoneHall {
  /** The lead's zone (AF) and the other (TX). */
  leadZone: number;
  otherZone: number;
  /** The roster of every zone, and one of TX alone the week after. */
  rosterId: number;
  otherRosterId: number;
  own: Seat;
  other: Seat;
  /** A proposal (unapplied, current) swapping `own`'s Tuesday window with a colleague of the lead's zone, and one swapping `other`'s with a colleague of theirs. */
  ownProposalId: number;
  otherProposalId: number;
}

export async function zoneIdOf(backend: Backend, code: string): Promise<number> {
  return (await backend.context.session.use((db) => db.get<{ id: number }>('SELECT id FROM zones WHERE code = ?', [code])))!.id;
}

function ok<T>(envelope: Envelope<unknown>, what: string): T {
  if (!envelope.ok) throw new Error(`${what} refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/**
 * Builds the hall through `dial` as the dispatcher (the roster through the channels, as the app does),
 * and the two proposals straight into the database (a solve per proposal would take seconds). The
 * rosters are solved first (tests/support/valid-roster.ts): a hand-made one breaks the hall's presence
 * rule. `own` and `other` are picked from the solved duties: a person of the zone without leave, at a
 * window of a post of the zone on Monday and Tuesday mornings, beside a colleague of the zone at another
 * window of that post on Tuesday morning, with whom their proposal swaps windows (a move that keeps
 * every hard rule, so the lead's proposal applies).
 */
export async function zoneHall(backend: Backend, dial: Dial): Promise<ZoneHall> {
  const leadZone = await zoneIdOf(backend, 'AF');
  const otherZone = await zoneIdOf(backend, 'TX');
  const zones = await backend.context.session.use((db) => db.all<{ id: number }>('SELECT id FROM zones ORDER BY id'));
  const zoneIds = zones.map((zone) => zone.id);
  const solved = async (from: string, ids: number[]) => {
    const scenario = scenarioOfFile(ok<{ base64: string }>(await dial('dispatcher', 'roster/exportScenario', { from, days: 7, zoneIds: ids }), 'roster/exportScenario'));
    return { scenario, assignments: await validRoster(scenario) };
  };
  const { scenario, assignments } = await solved(WEEK.from, zoneIds);
  const home = new Map((await backend.context.session.use((db) => db.all<{ id: number; zone: number }>('SELECT id, home_zone_id AS zone FROM staff'))).map((row) => [String(row.id), row.zone]));
  const postZone = new Map((await backend.context.session.use((db) => db.all<{ id: number; zone: number | null }>('SELECT id, zone_id AS zone FROM posts'))).map((row) => [String(row.id), row.zone]));
  const withoutLeave = new Set(scenario.staff.filter((person) => !(person.unavailable ?? []).length).map((person) => person.id));
  const seatedMornings = (date: string) => assignments.filter((a) => a.date === date && a.shift === 'AM' && a.learner !== true && a.window !== undefined);
  const monday = seatedMornings(WEEK.from);
  const tuesday = seatedMornings(TUESDAY);
  const seatIn = (zoneId: number, taken: string[]): { seat: Seat; at: Assignment; partner: Assignment } => {
    const ofZone = (a: Assignment) => !taken.includes(a.staff) && home.get(a.staff) === zoneId && postZone.get(a.post) === zoneId;
    for (const at of tuesday.filter((a) => ofZone(a) && withoutLeave.has(a.staff) && monday.some((m) => m.staff === a.staff && m.post === a.post))) {
      const partner = tuesday.find((a) => a.post === at.post && a.staff !== at.staff && ofZone(a));
      if (partner) return { seat: { staffId: Number(at.staff), postId: Number(at.post), zoneId }, at, partner };
    }
    throw new Error(`no person of zone ${zoneId} seated at a window of the zone on Monday and Tuesday mornings beside a colleague of the zone`);
  };
  const own = seatIn(leadZone, []);
  const other = seatIn(otherZone, [own.at.staff, own.partner.staff]);
  const importRoster = async (from: string, ids: number[], duties: readonly Assignment[]) =>
    ok<{ id: number }>(await dial('dispatcher', 'roster/importRoster', { from, days: 7, zoneIds: ids, ...rosterFileOf(duties) }), 'roster/importRoster').id;
  const rosterId = await importRoster(WEEK.from, zoneIds, assignments);
  const otherRosterId = await importRoster('2026-11-30', [otherZone], (await solved('2026-11-30', [otherZone])).assignments);
  const swap = (x: Assignment, y: Assignment) => ({ staffId: Number(x.staff), staffName: '', date: TUESDAY, shiftCode: 'AM', fromPostId: Number(x.post), toPostId: Number(y.post), fromWindowId: Number(x.window), toWindowId: Number(y.window), learner: false });
  const proposal = ({ at, partner }: { at: Assignment; partner: Assignment }) =>
    backend.context.session.use(async (db) =>
      insertProposal(db, {
        rosterId,
        kind: 'reoptimise',
        createdAt: '2026-11-22T02:00:00.000Z',
        basedOnChangeId: await lastChangeIdOf(db, rosterId),
        absence: null,
        moves: [swap(at, partner), swap(partner, at)],
        stats: { before: { unmet: 0, withoutBackup: 0 }, after: { unmet: 0, withoutBackup: 0 }, solveStatus: 'optimal', gap: 0 },
      }),
    );
  return { leadZone, otherZone, rosterId, otherRosterId, own: own.seat, other: other.seat, ownProposalId: await proposal(own), otherProposalId: await proposal(other) };
}

/** A channel's zone cases: the argument of the lead's own zone and of another zone. */
export interface ZoneCase {
  own: unknown;
  other: unknown;
  /** Allowed calls that start a solve: what to call after, so the sweep leaves no job running. */
  startsJob?: boolean;
}

/** Every channel the role table scopes for a lead (leadScope) or trims for a lead (rows with `lead`). */
export function zoneScopedChannels(): Channel[] {
  return channelNames.filter((channel) => CHANNEL_ACCESS[channel].leadScope !== undefined || (CHANNEL_ACCESS[channel].rows ?? []).some((rule) => rule.lead !== undefined));
}

export function zoneCases(hall: ZoneHall): Partial<Record<Channel, ZoneCase>> {
  // Taking someone off a duty breaks the presence rule: accepted in writing, so the edit let through is saved.
  const off = (seat: Seat) => ({ rosterId: hall.rosterId, ops: [{ staffId: seat.staffId, date: TUESDAY, shiftCode: 'AM', postId: null, expectedPostId: seat.postId }], reason: '调整', overrideReason: '临时调整，已知缺岗' });
  const byPerson = (make: (staffId: number) => unknown): ZoneCase => ({ own: make(hall.own.staffId), other: make(hall.other.staffId) });
  const month = { year: 2026, month: 11 };
  return {
    'leave/list': { own: { from: '2026-11-01', to: '2026-11-30' }, other: { from: '2026-11-01', to: '2026-11-30' } },
    'leave/check': byPerson((staffId) => ({ staffId, type: 'personal', from: '2026-11-26', to: '2026-11-26', part: 'full' })),
    'leave/request': byPerson((staffId) => ({ staffId, type: 'personal', from: '2026-11-26', to: '2026-11-26', part: 'full', reason: '家事', acknowledgeConflicts: true })),
    'leave/balances': { own: { year: 2026 }, other: { year: 2026 } },
    'leave/timeAccount': byPerson((staffId) => ({ staffId, year: 2026, month: 11 })),
    'punches/list': byPerson((staffId) => ({ staffId, from: '2026-11-01', to: '2026-11-21' })),
    'attendance/correct': byPerson((staffId) => ({ staffId, date: '2026-11-20', status: 'on_time', reason: '打卡机故障' })),
    'attendance/day': byPerson((staffId) => ({ staffId, date: '2026-11-20' })),
    'attendance/month': { own: month, other: month },
    'attendance/export': { own: month, other: month },
    'overtime/month': { own: month, other: month },
    'overtime/request': byPerson((staffId) => ({ staffId, date: '2026-11-26', startsAt: 1050, endsAt: 1140, reason: '月末高峰' })),
    'board/edit': { own: off(hall.own), other: off(hall.other) },
    'board/setPinned': {
      own: { rosterId: hall.rosterId, cells: [{ staffId: hall.own.staffId, date: TUESDAY, shiftCode: 'AM' }], pinned: true },
      other: { rosterId: hall.rosterId, cells: [{ staffId: hall.other.staffId, date: TUESDAY, shiftCode: 'AM' }], pinned: true },
    },
    'board/repairStart': {
      ...byPerson((staffId) => ({ rosterId: hall.rosterId, staffId, date: TUESDAY, shiftCode: 'AM', kind: 'sick', timeLimitSeconds: 5 })),
      startsJob: true,
    },
    'board/reoptimiseStart': { own: { rosterId: hall.rosterId, timeLimitSeconds: 5 }, other: { rosterId: hall.otherRosterId, timeLimitSeconds: 5 }, startsJob: true },
    'board/applyProposal': { own: { proposalId: hall.ownProposalId }, other: { proposalId: hall.otherProposalId } },
  };
}

/** Whether a row belongs to the lead's zone: by its person, else its own zone. */
export function rowZone(row: { staffId?: number; zoneId?: number }, homes: ReadonlyMap<number, number>): number | undefined {
  return row.staffId === undefined ? row.zoneId : homes.get(row.staffId);
}

/** The rows a row-rule channel answers with: the array itself, or its `rows`. */
export function rowsOf(value: unknown): { staffId?: number; zoneId?: number }[] | null {
  if (Array.isArray(value)) return value as { staffId?: number }[];
  const rows = (value as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as { staffId?: number }[]) : null;
}

/** Arguments for the channels whose rows rule hides fields or rows from a role (no zone in them). */
export const ROW_RULE_ARGUMENTS: Partial<Record<Channel, unknown>> = {
  'staff/list': {},
  'dashboard/today': {},
};

function refusedAtTheDoor(envelope: Envelope<unknown>): boolean {
  return !envelope.ok && (envelope.error.code === 'forbidden' || envelope.error.code === 'unauthenticated');
}

function short(envelope: Envelope<unknown>): string {
  return JSON.stringify(envelope.ok ? { ok: true } : envelope).slice(0, 200);
}

/**
 * Every zone-scoped channel × role × (own zone, other zone): a lead is let through for their own zone
 * and refused ('forbidden') for the other; a dispatcher for both; the rest as the role table says.
 * For row rules: a lead's rows are all of their zone while the dispatcher's are not; a redacted field
 * never reaches its role while the dispatcher gets it. Returns what did not hold, in words.
 */
export async function sweepZones(backend: Backend, hall: ZoneHall, dial: Dial): Promise<string[]> {
  const problems: string[] = [];
  const cases = zoneCases(hall);
  const homes = new Map((await backend.context.session.use((db) => db.all<{ id: number; zone: number }>('SELECT id, home_zone_id AS zone FROM staff'))).map((row) => [row.id, row.zone]));
  // Leave of both people in the month, so the leave list has rows of both zones to trim.
  for (const seat of [hall.own, hall.other]) {
    ok(await dial('dispatcher', 'leave/request', { staffId: seat.staffId, type: 'personal', from: '2026-11-27', to: '2026-11-27', part: 'full', reason: '家事', acknowledgeConflicts: true }), 'leave/request');
    // And planned overtime, so the month's overtime list has rows of both zones whatever the punches show.
    ok(await dial('dispatcher', 'overtime/request', { staffId: seat.staffId, date: '2026-11-25', minutes: 60, reason: '月末高峰' }), 'overtime/request');
  }
  const cancelJob = async (envelope: Envelope<unknown>) => {
    const jobId = envelope.ok ? (envelope.value as { jobId?: string }).jobId : undefined;
    if (jobId) await dial('dispatcher', 'roster/solveCancel', { jobId });
  };
  for (const channel of zoneScopedChannels()) {
    const zoneCase = cases[channel];
    if (!zoneCase) {
      problems.push(`${channel}: the role table scopes it to a lead's zones, but the sweep has no own/other zone case for it`);
      continue;
    }
    const access = CHANNEL_ACCESS[channel];
    const leadRows = (access.rows ?? []).some((rule) => rule.lead !== undefined);
    for (const who of ['lead', 'dispatcher', 'viewer', 'anonymous'] as const) {
      for (const zone of ['other', 'own'] as const) {
        const envelope = await dial(who, channel, zoneCase[zone]);
        if (zoneCase.startsJob) await cancelJob(envelope);
        const admitted = who !== 'anonymous' && access.roles !== 'public' && access.roles.includes(who);
        const expectRefused = !admitted || (who === 'lead' && zone === 'other' && access.leadScope !== undefined);
        if (refusedAtTheDoor(envelope) !== expectRefused) {
          problems.push(`${who} ${channel} (${zone} zone): expected ${expectRefused ? 'refused' : 'let through'}, got ${short(envelope)}`);
          continue;
        }
        if (expectRefused && admitted && (envelope.ok || envelope.error.code !== 'forbidden')) problems.push(`${who} ${channel} (${zone} zone): expected forbidden, got ${short(envelope)}`);
        if (!leadRows || !envelope.ok) continue;
        const rows = rowsOf(envelope.value);
        if (rows === null) continue; // A file: its rows are checked by reading it.
        const zones = new Set(rows.map((row) => rowZone(row, homes)));
        if (who === 'lead' && [...zones].some((zoneId) => zoneId !== hall.leadZone)) problems.push(`lead ${channel}: rows of other zones (${[...zones].join(', ')})`);
        if (who === 'dispatcher' && !zones.has(hall.otherZone)) problems.push(`dispatcher ${channel}: no row of the other zone, so the lead's trim proves nothing`);
      }
    }
  }
  for (const channel of channelNames.filter((name) => (CHANNEL_ACCESS[name].rows ?? []).some((rule) => rule.redact !== undefined || rule.none !== undefined))) {
    if (!(channel in ROW_RULE_ARGUMENTS)) {
      problems.push(`${channel}: the role table hides fields or rows of it, but the sweep has no argument for it`);
      continue;
    }
    const dispatcherAnswer = await dial('dispatcher', channel, ROW_RULE_ARGUMENTS[channel]);
    for (const rule of CHANNEL_ACCESS[channel].rows ?? []) {
      const full = rowsAt(dispatcherAnswer, rule.at);
      for (const role of ['lead', 'viewer'] as const) {
        const hidden = rule.redact?.[role] ?? [];
        const none = rule.none?.includes(role) ?? false;
        if (hidden.length === 0 && !none) continue;
        const answer = await dial(role, channel, ROW_RULE_ARGUMENTS[channel]);
        if (!answer.ok) {
          problems.push(`${role} ${channel}: ${short(answer)}`);
          continue;
        }
        const rows = rowsAt(answer, rule.at);
        if (none && rows.length > 0) problems.push(`${role} ${channel}: ${rule.at} should be empty, has ${rows.length}`);
        if (none && full.length === 0) problems.push(`dispatcher ${channel}: ${rule.at} is empty, so the ${role}'s empty list proves nothing`);
        for (const field of hidden) {
          if (rows.some((row) => field in row)) problems.push(`${role} ${channel}: ${field} reaches the ${role}`);
          if (!full.some((row) => field in row)) problems.push(`dispatcher ${channel}: no row has ${field}, so its absence for the ${role} proves nothing`);
        }
      }
    }
  }
  return problems;
}

function rowsAt(envelope: Envelope<unknown>, at: string): Record<string, unknown>[] {
  if (!envelope.ok) return [];
  const value = at === '' ? envelope.value : at.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], envelope.value);
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}
