import type { CoreContext } from '../context';
import { BUILTIN_EVENT_NAMES } from '../../../shared/gaps/calendar';
import { deleteCalendarEvent, saveCalendarEvent } from '../gaps/calendar-repo';
import { readCalendarEvents } from '../gaps/gap-input';
import { checkGaps, gapReport } from '../gaps/gap-service';
import type { HandlerTable } from '../rpc/dispatcher';
import { deliverFile } from './deliver-file';
import { requireProject, requireWritable } from './require-project';

export function gapHandlers(ctx: CoreContext): HandlerTable {
  const changed = () => ctx.bus.emit({ type: 'project.changed', dir: ctx.session.current()?.dir ?? null });
  return {
    'gaps.check': ({ systemId }) => checkGaps(requireProject(ctx).db, systemId).result,
    'gaps.export': async ({ systemId, format, path, person, unit, statuses }) => {
      const filter = { person, unit, statuses };
      const { fileName, bytes } = await gapReport(requireProject(ctx).db, systemId, format, filter);
      return deliverFile(fileName, bytes, path);
    },
    'gaps.eventNames': () => {
      const own = readCalendarEvents(requireProject(ctx).db).map((e) => e.name);
      return [...new Set([...BUILTIN_EVENT_NAMES, ...own])];
    },
    'gaps.events': () => readCalendarEvents(requireProject(ctx).db),
    'gaps.saveEvent': (event) => {
      const saved = saveCalendarEvent(requireWritable(ctx), event);
      changed();
      return saved;
    },
    'gaps.deleteEvent': ({ id }) => {
      deleteCalendarEvent(requireWritable(ctx), id);
      changed();
      return {};
    },
  };
}
