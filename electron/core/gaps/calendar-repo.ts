import { AppError } from '../../../shared/ipc/result';
import type { Project } from '../project/project';
import { readCalendarEvents } from './gap-input';

/* The office's own calendar events (校运会, 邻里节 …) that `event` rules can name. */

export type CalendarEventRow = { id: number; name: string; date: string; note: string };

export function saveCalendarEvent(
  project: Project,
  event: { id?: number; name: string; date: string; note: string },
): CalendarEventRow {
  return project.db.transaction(() => {
    let id = event.id;
    if (id === undefined) {
      id = Number(
        project.db
          .prepare('INSERT INTO calendar_events (name, date, note) VALUES (?, ?, ?)')
          .run(event.name, event.date, event.note).lastInsertRowid,
      );
    } else if (
      project.db
        .prepare('UPDATE calendar_events SET name = ?, date = ?, note = ? WHERE id = ?')
        .run(event.name, event.date, event.note, id).changes === 0
    ) {
      throw new AppError('NOT_FOUND', '找不到这个活动，它可能已被删除。请刷新后重试。');
    }
    project.audit({ action: 'calendar.save', entity: 'calendar_event', entityId: id, detail: event });
    return readCalendarEvents(project.db).find((e) => e.id === id)!;
  })();
}

export function deleteCalendarEvent(project: Project, id: number): void {
  project.db.transaction(() => {
    project.db.prepare('DELETE FROM calendar_events WHERE id = ?').run(id);
    project.audit({ action: 'calendar.delete', entity: 'calendar_event', entityId: id, detail: {} });
  })();
}
