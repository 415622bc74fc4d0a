import type { Migration } from './migration.ts';

/** User preferences that must survive a restart, and the trail of who changed what. */
export const migration003SettingsAudit: Migration = {
  version: 3,
  name: 'settings and audit trail',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
    `);
  },
};
