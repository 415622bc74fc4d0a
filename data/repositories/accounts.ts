import type { Queryable } from '../connection.ts';

export type RoleRecord = 'dispatcher' | 'lead' | 'viewer';

export interface AccountRecord {
  id: number;
  username: string;
  displayName: string;
  role: RoleRecord;
  zoneIds: number[];
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  active: boolean;
  lastSignInAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type NewAccount = Pick<AccountRecord, 'username' | 'displayName' | 'role' | 'zoneIds' | 'passwordHash'>;

const COLUMNS = `id, username, display_name AS displayName, role, zone_ids AS zoneIds, password_hash AS passwordHash,
  failed_attempts AS failedAttempts, locked_until AS lockedUntil, active, last_sign_in_at AS lastSignInAt, version,
  created_at AS createdAt, updated_at AS updatedAt`;

type AccountRow = Omit<AccountRecord, 'zoneIds' | 'active'> & { zoneIds: string; active: number };

function fromRow(row: AccountRow): AccountRecord {
  return { ...row, zoneIds: JSON.parse(row.zoneIds) as number[], active: row.active === 1 };
}

export async function countAccounts(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM accounts'))?.n ?? 0;
}

export async function listAccounts(db: Queryable): Promise<AccountRecord[]> {
  return (await db.all<AccountRow>(`SELECT ${COLUMNS} FROM accounts ORDER BY role, username`)).map(fromRow);
}

export async function getAccount(db: Queryable, id: number): Promise<AccountRecord | undefined> {
  const row = await db.get<AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`, [id]);
  return row && fromRow(row);
}

export async function findAccountByUsername(db: Queryable, username: string): Promise<AccountRecord | undefined> {
  const row = await db.get<AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE username = ?`, [username]);
  return row && fromRow(row);
}

export async function insertAccount(db: Queryable, account: NewAccount, at: string): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO accounts (username, display_name, role, zone_ids, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [account.username, account.displayName, account.role, JSON.stringify(account.zoneIds), account.passwordHash, at, at],
  );
  return lastId;
}

/** Changes what a dispatcher edits; false when `version` is no longer the stored one. */
export async function updateAccount(
  db: Queryable,
  id: number,
  version: number,
  fields: Pick<AccountRecord, 'displayName' | 'role' | 'zoneIds' | 'active'>,
  at: string,
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE accounts SET display_name = ?, role = ?, zone_ids = ?, active = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
    [fields.displayName, fields.role, JSON.stringify(fields.zoneIds), fields.active ? 1 : 0, at, id, version],
  );
  return changes > 0;
}

export async function setPasswordHash(db: Queryable, id: number, passwordHash: string, at: string): Promise<void> {
  await db.run('UPDATE accounts SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?', [passwordHash, at, id]);
}

export async function recordFailedSignIn(db: Queryable, id: number, failedAttempts: number, lockedUntil: string | null): Promise<void> {
  await db.run('UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?', [failedAttempts, lockedUntil, id]);
}

export async function recordSignIn(db: Queryable, id: number, at: string): Promise<void> {
  await db.run('UPDATE accounts SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?', [at, id]);
}

export interface SessionRecord {
  tokenHash: string;
  accountId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(db: Queryable, session: SessionRecord): Promise<void> {
  await db.run('INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
    session.tokenHash,
    session.accountId,
    session.createdAt,
    session.lastSeenAt,
    session.expiresAt,
  ]);
}

export async function getSession(db: Queryable, tokenHash: string): Promise<SessionRecord | undefined> {
  return db.get<SessionRecord>(
    'SELECT token_hash AS tokenHash, account_id AS accountId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?',
    [tokenHash],
  );
}

export async function touchSession(db: Queryable, tokenHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?', [lastSeenAt, expiresAt, tokenHash]);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
}

/** Every session of an account but `keep` (a password change signs the other desktops out). */
export async function deleteSessionsOf(db: Queryable, accountId: number, keep: string | null = null): Promise<void> {
  await db.run('DELETE FROM sessions WHERE account_id = ? AND token_hash IS NOT ?', [accountId, keep]);
}

export async function deleteExpiredSessions(db: Queryable, now: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
}
