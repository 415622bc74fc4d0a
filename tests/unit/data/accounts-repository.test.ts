import { describe, expect, it } from 'vitest';
import { migrate } from '../../../data/migrations/index.ts';
import {
  countAccounts,
  deleteExpiredSessions,
  deleteSessionsOf,
  findAccountByUsername,
  getSession,
  insertAccount,
  insertSession,
  recordFailedSignIn,
  updateAccount,
} from '../../../data/repositories/accounts.ts';
import { putSetting, getSetting } from '../../../data/repositories/settings.ts';
import { withMigratedDb } from '../../support/db.ts';

const NOW = '2026-11-22T02:00:00.000Z';
const LATER = '2026-11-22T12:00:00.000Z';
const HASH = 'scrypt$1024$8$1$c2FsdA==$a2V5';

const withDb = withMigratedDb;

describe('migration 010', () => {
  it('adds accounts and sessions as STRICT tables, keeping what was written before it', () =>
    withDb(async (db) => {
      await putSetting(db, 'language', 'en');
      await migrate(db, 10);
      expect(await getSetting(db, 'language')).toBe('en');
      const tables = await db.all<{ name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name IN ('accounts', 'sessions') ORDER BY name");
      expect(tables).toEqual([{ name: 'accounts', strict: 1 }, { name: 'sessions', strict: 1 }]);
      expect(await countAccounts(db)).toBe(0);
    }, 9));

  it('refuses an unknown role, a password kept in clear, and a name used twice in another case', () =>
    withDb(async (db) => {
      const insert = (username: string, role: string, hash: string) =>
        db.run('INSERT INTO accounts (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [username, '某人', role, hash, NOW, NOW]);
      await expect(insert('boss', 'admin', HASH)).rejects.toThrow(/CHECK/);
      await expect(insert('plain', 'viewer', 'hunter2-clear')).rejects.toThrow(/CHECK/);
      await insert('Lead1', 'lead', HASH);
      await expect(insert('lead1', 'viewer', HASH)).rejects.toThrow(/UNIQUE/);
      expect((await findAccountByUsername(db, 'LEAD1'))?.username).toBe('Lead1');
    }));
});

describe('the accounts repository', () => {
  it('updates an account only at the version read, and keeps a lead’s zones', () =>
    withDb(async (db) => {
      const id = await insertAccount(db, { username: 'lead1', displayName: '王班长', role: 'lead', zoneIds: [3], passwordHash: HASH }, NOW);
      expect(await updateAccount(db, id, 1, { displayName: '王班长', role: 'lead', zoneIds: [3, 4], active: true }, LATER)).toBe(true);
      expect(await updateAccount(db, id, 1, { displayName: '迟到的修改', role: 'viewer', zoneIds: [], active: true }, LATER)).toBe(false);
      expect(await findAccountByUsername(db, 'lead1')).toMatchObject({ displayName: '王班长', zoneIds: [3, 4], version: 2, active: true });
      await recordFailedSignIn(db, id, 0, LATER);
      expect((await findAccountByUsername(db, 'lead1'))?.lockedUntil).toBe(LATER);
    }));

  it('drops sessions with their account, when they expire, and all of an account’s but one', () =>
    withDb(async (db) => {
      const id = await insertAccount(db, { username: 'viewer1', displayName: '监督', role: 'viewer', zoneIds: [], passwordHash: HASH }, NOW);
      for (const [hash, expires] of [['a', LATER], ['b', LATER], ['c', '2026-11-22T03:00:00.000Z']] as const) {
        await insertSession(db, { tokenHash: hash, accountId: id, createdAt: NOW, lastSeenAt: NOW, expiresAt: expires });
      }
      await deleteExpiredSessions(db, '2026-11-22T04:00:00.000Z');
      expect(await getSession(db, 'c')).toBeUndefined();
      await deleteSessionsOf(db, id, 'a');
      expect(await getSession(db, 'a')).toBeDefined();
      expect(await getSession(db, 'b')).toBeUndefined();
      await db.run('DELETE FROM accounts WHERE id = ?', [id]);
      expect(await getSession(db, 'a')).toBeUndefined();
    }));
});
