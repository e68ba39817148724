import type { CoreContext } from '../context';
import { listNotifications, markNotificationsRead } from '../review/notifications';
import { markItem, reviewItems } from '../review/review-repo';
import type { HandlerTable } from '../rpc/dispatcher';
import { requireProject, requireWritable } from './require-project';

export function reviewHandlers(ctx: CoreContext): HandlerTable {
  const changed = () => ctx.bus.emit({ type: 'project.changed', dir: ctx.session.current()?.dir ?? null });
  return {
    // Reading only: an inspector's read-only copy pages through the evidence too.
    'review.items': ({ indicatorId }) => ({ items: reviewItems(requireProject(ctx).db, indicatorId) }),
    'review.mark': (input) => {
      const result = markItem(requireWritable(ctx), input);
      changed();
      return result;
    },
    'notifications.list': (input) => listNotifications(requireProject(ctx).db, input),
    // No project.changed: only the bell shows it, and it reloads itself.
    'notifications.markRead': ({ ids }) => markNotificationsRead(requireWritable(ctx), ids),
  };
}
