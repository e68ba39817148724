import type { Database } from 'better-sqlite3';
import type { Notification } from '../../../shared/ipc/contract-review';
import type { Project } from '../project/project';

/*
 * In-app notifications (通知). The project folder is the shared thing (one office PC, or a
 * copy handed over), so notifications live in its database and everyone who opens it sees
 * them, each addressed to a person of 人员名单 by name.
 */

type Row = {
  id: number;
  kind: string;
  person_id: number | null;
  person_name: string;
  material_id: number | null;
  indicator_id: number | null;
  title: string;
  body: string;
  created_at: string;
  created_by: string;
  read_at: string | null;
};

const toNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  personId: r.person_id,
  personName: r.person_name,
  materialId: r.material_id,
  indicatorId: r.indicator_id,
  title: r.title,
  body: r.body,
  createdAt: r.created_at,
  createdBy: r.created_by,
  readAt: r.read_at,
});

export type NewNotification = {
  kind: string;
  personId: number | null;
  personName: string;
  materialId: number | null;
  indicatorId: number | null;
  title: string;
  body: string;
};

/** Adds a notification; call inside the transaction of the change it tells about. */
export function notify(project: Project, n: NewNotification): number {
  const r = project.db
    .prepare(
      `INSERT INTO notifications (kind, person_id, person_name, material_id, indicator_id, title, body, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      n.kind,
      n.personId,
      n.personName,
      n.materialId,
      n.indicatorId,
      n.title,
      n.body,
      new Date().toISOString(),
      project.userName,
    );
  return Number(r.lastInsertRowid);
}

/** Newest first; with a person, theirs and those for no one in particular. */
export function listNotifications(
  db: Database,
  options: { unreadOnly: boolean; personId?: number; limit: number },
): { items: Notification[]; unread: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.personId !== undefined) {
    where.push('(person_id = ? OR person_id IS NULL)');
    params.push(options.personId);
  }
  const whereAll = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const unread = (
    db
      .prepare(`SELECT count(*) AS n FROM notifications ${whereAll ? `${whereAll} AND` : 'WHERE'} read_at IS NULL`)
      .get(...params) as { n: number }
  ).n;
  if (options.unreadOnly) where.push('read_at IS NULL');
  const rows = db
    .prepare(
      `SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, options.limit) as Row[];
  return { items: rows.map(toNotification), unread };
}

/** Marks the given notifications (or all) read; returns how many were unread. */
export function markNotificationsRead(project: Project, ids?: number[]): { marked: number } {
  const now = new Date().toISOString();
  const r = ids
    ? project.db
        .prepare(
          'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND id IN (SELECT value FROM json_each(?))',
        )
        .run(now, JSON.stringify(ids))
    : project.db.prepare('UPDATE notifications SET read_at = ? WHERE read_at IS NULL').run(now);
  return { marked: r.changes };
}
