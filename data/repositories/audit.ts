import type { Queryable } from '../connection.ts';

export interface AuditEntry {
  at: string;
  actor: string;
  entity: string;
  entityId: number | null;
  action: string;
  detail: Record<string, unknown>;
}

export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.run(
    'INSERT INTO audit_log (at, actor, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
    [entry.at, entry.actor, entry.entity, entry.entityId, entry.action, JSON.stringify(entry.detail)],
  );
}

export async function listAudit(db: Queryable, entity: string, entityId: number): Promise<AuditEntry[]> {
  const rows = await db.all<Omit<AuditEntry, 'detail'> & { detail: string }>(
    `SELECT at, actor, entity, entity_id AS entityId, action, detail
     FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`,
    [entity, entityId],
  );
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
