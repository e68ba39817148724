import type { Database } from 'better-sqlite3';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
};

/** Records who changed what and when; call inside the same transaction as the change. */
export function writeAudit(db: Database, userName: string, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, user_name, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    userName,
    entry.action,
    entry.entity,
    entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    JSON.stringify(entry.detail ?? {}),
  );
}
