import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import type { Person } from '../../../shared/systems/api-types';
import type { Project } from '../project/project';

/*
 * People (收集人/审核人) and units (牵头单位/责任单位). Sheets name people by name only, so
 * a name is the identity on import: the same name is the same person.
 */

type PersonRow = { id: number; name: string; unit: string | null; phone: string; note: string };

export function listPeople(db: Database): Person[] {
  return (
    db
      .prepare(
        'SELECT p.id, p.name, u.name AS unit, p.phone, p.note FROM people p LEFT JOIN units u ON u.id = p.unit_id ORDER BY p.id',
      )
      .all() as PersonRow[]
  ).map((r) => ({ ...r, unit: r.unit ?? '' }));
}

function unitId(db: Database, name: string): number | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const row = db.prepare('SELECT id FROM units WHERE name = ?').get(trimmed) as { id: number } | undefined;
  if (row) return row.id;
  return Number(db.prepare('INSERT INTO units (name) VALUES (?)').run(trimmed).lastInsertRowid);
}

/** The id of the person with this name, created when new; null for an empty name. Call inside a transaction. */
export function personIdByName(db: Database, name: string, unit = ''): number | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const row = db.prepare('SELECT id FROM people WHERE name = ? ORDER BY id LIMIT 1').get(trimmed) as
    { id: number } | undefined;
  if (row) return row.id;
  return Number(
    db.prepare('INSERT INTO people (name, unit_id) VALUES (?, ?)').run(trimmed, unitId(db, unit)).lastInsertRowid,
  );
}

export type PersonInput = { name: string; unit: string; phone: string; note: string };

/** Adds or (with id) edits a person. */
export function savePerson(project: Project, input: PersonInput & { id?: number }): Person {
  const db = project.db;
  const name = input.name.trim();
  if (!name) throw new AppError('INVALID_INPUT', '请填写姓名。');
  return db.transaction(() => {
    const unit = unitId(db, input.unit);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO people (name, unit_id, phone, note) VALUES (?, ?, ?, ?)')
          .run(name, unit, input.phone.trim(), input.note.trim()).lastInsertRowid,
      );
    } else {
      const r = db
        .prepare('UPDATE people SET name = ?, unit_id = ?, phone = ?, note = ? WHERE id = ?')
        .run(name, unit, input.phone.trim(), input.note.trim(), id);
      if (r.changes === 0) throw new AppError('NOT_FOUND', `找不到人员“${name}”，可能已被删除。`);
    }
    project.audit({
      action: input.id === undefined ? 'person.add' : 'person.update',
      entity: 'person',
      entityId: id,
      detail: { name },
    });
    return listPeople(db).find((p) => p.id === id)!;
  })();
}

/** Removes a person; indicators they were responsible for keep existing with nobody assigned. */
export function deletePerson(project: Project, id: number): void {
  project.db.transaction(() => {
    const r = project.db.prepare('DELETE FROM people WHERE id = ?').run(id);
    if (r.changes === 0) throw new AppError('NOT_FOUND', '找不到这个人员，可能已被删除。');
    project.audit({ action: 'person.delete', entity: 'person', entityId: id });
  })();
}

/**
 * Adds people from a simple sheet (姓名, 单位/部门, 电话, 备注 in any order, header row
 * first). Existing names are updated, not duplicated. Returns how many were added/updated.
 */
export function importPeople(project: Project, rows: string[][]): { added: number; updated: number } {
  const headerIndex = rows.findIndex((r) => r.some((c) => /姓名|名字/.test(c.replace(/\s/g, ''))));
  if (headerIndex < 0) {
    throw new AppError('INVALID_INPUT', '人员表里找不到“姓名”列。请在第一行写上列名：姓名、单位、电话、备注。');
  }
  const header = rows[headerIndex]!.map((c) => c.replace(/\s/g, ''));
  const col = (re: RegExp) => header.findIndex((c) => re.test(c));
  const cName = col(/姓名|名字/);
  const cUnit = col(/单位|部门|科室/);
  const cPhone = col(/电话|手机|联系方式/);
  const cNote = col(/备注|职务|说明/);
  const cell = (r: string[], c: number) => (c >= 0 ? (r[c] ?? '').trim() : '');
  let added = 0;
  let updated = 0;
  project.db.transaction(() => {
    for (const r of rows.slice(headerIndex + 1)) {
      const name = cell(r, cName);
      if (!name) continue;
      const existing = project.db.prepare('SELECT id FROM people WHERE name = ?').get(name) as
        { id: number } | undefined;
      const input = { name, unit: cell(r, cUnit), phone: cell(r, cPhone), note: cell(r, cNote) };
      if (existing) {
        project.db
          .prepare('UPDATE people SET unit_id = coalesce(?, unit_id), phone = ?, note = ? WHERE id = ?')
          .run(unitId(project.db, input.unit), input.phone, input.note, existing.id);
        updated++;
      } else {
        project.db
          .prepare('INSERT INTO people (name, unit_id, phone, note) VALUES (?, ?, ?, ?)')
          .run(name, unitId(project.db, input.unit), input.phone, input.note);
        added++;
      }
    }
    project.audit({ action: 'people.import', entity: 'person', detail: { added, updated } });
  })();
  return { added, updated };
}
