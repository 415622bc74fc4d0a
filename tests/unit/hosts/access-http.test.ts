/**
 * The role table over the real browser host, as a hall desktop's browser meets it: every channel ×
 * role (dispatcher, lead, viewer, anonymous) through HTTP with session cookies, and every channel the
 * table scopes to a lead's zones × (own zone, other zone). Driven by the table, so a new channel is
 * swept without anyone adding it here.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../../electron/serve/server.ts';
import { CHANNEL_ACCESS } from '../../../electron/contract/access.ts';
import { channelNames, type Channel } from '../../../electron/contract/channels.ts';
import type { Envelope } from '../../../electron/contract/errors.ts';
import type { Role } from '../../../electron/contract/areas/auth.ts';
import { listAssignments } from '../../../data/repositories/board.ts';
import { withBrowserHost } from '../../support/browser-host.ts';
import { sweepZones, TUESDAY, zoneHall, zoneIdOf, type Dial, type Who } from '../../support/zone-sweep.ts';

interface Reply {
  status: number;
  cookie: string | null;
  envelope: Envelope<unknown>;
}

function post(host: BrowserHost, channel: string, argument: unknown, cookie: string | null): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
    const req = httpRequest(new URL(`/api/${encodeURIComponent(channel)}`, host.url), { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const setCookie = [res.headers['set-cookie']].flat()[0];
        resolve({ status: res.statusCode ?? 0, cookie: setCookie ? setCookie.split(';')[0]! : null, envelope: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope<unknown> });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(argument));
  });
}

interface Hall {
  host: BrowserHost;
  dial: Dial;
}

/** The host on a fresh data folder, its dispatcher, a lead of 农林水务 and a viewer, each with their own cookie. */
async function withHall(work: (hall: Hall) => Promise<void>): Promise<void> {
  await withBrowserHost(async (host) => {
    const cookies: Record<Who, string | null> = { dispatcher: null, lead: null, viewer: null, anonymous: null };
    cookies.dispatcher = (await post(host, 'auth/setup', { username: 'dispatcher', displayName: '调度员', password: 'dispatch-2026' }, null)).cookie;
    const leadZone = await zoneIdOf(host.backend, 'AF');
    for (const [role, zoneIds] of [['lead', [leadZone]], ['viewer', []]] as [Role, number[]][]) {
      const created = await post(host, 'accounts/create', { username: `${role}1`, displayName: role, role, zoneIds, password: 'pass-word-1' }, cookies.dispatcher);
      expect(created.envelope.ok, JSON.stringify(created.envelope)).toBe(true);
      cookies[role] = (await post(host, 'auth/signIn', { username: `${role}1`, password: 'pass-word-1' }, null)).cookie;
    }
    expect(Object.values(cookies).filter(Boolean)).toHaveLength(3);
    await work({ host, dial: async (who, channel, argument) => (await post(host, channel, argument, cookies[who])).envelope });
  });
}

function allowedFor(who: Who, channel: Channel, settings: boolean): boolean {
  const access = CHANNEL_ACCESS[channel];
  if (access.roles === 'public') return true;
  if (who === 'anonymous' || !access.roles.includes(who)) return false;
  return settings ? (access.setRoles ?? []).includes(who) : true;
}

describe('the role table over HTTP', () => {
  it('lets each role through, or refuses it at the door, exactly as the table says, for every channel', () =>
    withHall(async ({ dial }) => {
      const mismatches: string[] = [];
      for (const channel of channelNames) {
        const settings = CHANNEL_ACCESS[channel].writes === 'when-set';
        for (const who of ['dispatcher', 'lead', 'viewer', 'anonymous'] as const) {
          // A key no channel has: the door answers before the argument is read, and past it the
          // argument is refused, so no handler runs (nobody is signed out, nothing is written).
          for (const argument of settings ? [{ sweep: 1 }, { set: {}, sweep: 1 }] : [{ sweep: 1 }]) {
            const envelope = await dial(who, channel, argument);
            const atTheDoor = !envelope.ok && (envelope.error.code === 'forbidden' || envelope.error.code === 'unauthenticated');
            const expected = allowedFor(who, channel, 'set' in argument);
            if (atTheDoor === expected || (!atTheDoor && envelope.ok)) mismatches.push(`${who} ${channel} ${JSON.stringify(argument)}: ${JSON.stringify(envelope).slice(0, 160)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }), 90_000);

  it('holds a lead to their zones cell by cell, and trims what each role reads, on every channel the table scopes', () =>
    withHall(async ({ host, dial }) => {
      const hall = await zoneHall(host.backend, dial);
      expect(await sweepZones(host.backend, hall, dial)).toEqual([]);
    }), 180_000);

  it('refuses a lead’s edit of another zone’s cell on a roster of every zone, and saves the edit of their own', () =>
    withHall(async ({ host, dial }) => {
      const hall = await zoneHall(host.backend, dial);
      // Taking someone off a duty breaks the presence rule: the lead accepts the breach in writing.
      const off = (seat: typeof hall.own) => ({ rosterId: hall.rosterId, ops: [{ staffId: seat.staffId, date: TUESDAY, shiftCode: 'AM', postId: null, expectedPostId: seat.postId }], reason: '调整', overrideReason: '临时调整，已知缺岗' });
      const theirs = await dial('lead', 'board/edit', off(hall.other));
      expect(theirs).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await dial('lead', 'board/edit', off(hall.own))).toMatchObject({ ok: true });
      // Of the two, only the other zone's person still holds Tuesday morning (the solved roster seats everyone else too).
      const seats = [hall.own.staffId, hall.other.staffId];
      const tuesday = (await host.backend.context.session.use((db) => listAssignments(db, hall.rosterId))).filter((duty) => duty.date === TUESDAY && duty.shiftCode === 'AM' && seats.includes(duty.staffId)).map((duty) => duty.staffId);
      expect(tuesday).toEqual([hall.other.staffId]);
    }), 90_000);

  it('gives the viewer a staff list with no phone number in it', () =>
    withHall(async ({ host }) => {
      const cookie = (await post(host, 'auth/signIn', { username: 'viewer1', password: 'pass-word-1' }, null)).cookie;
      const reply = await post(host, 'staff/list', {}, cookie);
      expect(reply.status).toBe(200);
      const rows = (reply.envelope as { ok: true; value: Record<string, unknown>[] }).value;
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.filter((row) => 'phone' in row || 'wageGrade' in row || 'leaveReason' in row || 'idNumberMasked' in row)).toEqual([]);
      // The phone numbers themselves appear nowhere in the answer.
      const phones = await host.backend.context.session.use((db) => db.all<{ phone: string }>('SELECT phone FROM staff'));
      const body = JSON.stringify(reply.envelope);
      expect(phones.filter(({ phone }) => body.includes(phone))).toEqual([]);
    }), 90_000);
});
