import type { Migration } from './migration.ts';

/**
 * Accounts and their sessions. A password is kept only as a slow salted hash (scrypt, with its
 * parameters beside it so they can be raised later); a session only as the SHA-256 of its token,
 * so a copied database file signs nobody in. Failed attempts and the lock they lead to live on
 * the account, so they hold across restarts and across every desktop sharing the file.
 */
export const migration010Accounts: Migration = {
  version: 10,
  name: 'accounts and sessions',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(username) BETWEEN 2 AND 32),
        display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
        role TEXT NOT NULL CHECK (role IN ('dispatcher', 'lead', 'viewer')),
        -- The zones a shift lead answers for, as a JSON array of ids.
        zone_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(zone_ids) AND json_type(zone_ids) = 'array'),
        -- scrypt$N$r$p$salt$hash, salt and hash in base64.
        password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        last_sign_in_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        -- Moves on with use: a desktop left signed in overnight signs out by itself.
        expires_at TEXT NOT NULL,
        CHECK (expires_at > created_at)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sessions_by_account ON sessions (account_id);
    `);
  },
};
