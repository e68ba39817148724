import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Notification } from '../../../shared/ipc/contract-review';
import { api } from '../api';
import { formatWhen } from '../format';
import { useCoreEvent } from '../hooks/use-core-event';
import { useReadOnly } from './read-only';
import './review.css';

/** The bell in the top bar: how many notifications are unread, and the list of them. */
export function NotificationBell({ onOpenItem }: { onOpenItem: (materialId: number) => void }) {
  const readOnly = useReadOnly();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);

  const load = useCallback(async () => {
    const r = await api.tryCall('notifications.list', { limit: 50 });
    if (r.ok) {
      setItems(r.value.items);
      setUnread(r.value.unread);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useCoreEvent((event) => {
    if (event.type === 'project.changed') void load();
  });

  const markRead = async (ids?: number[]) => {
    if (readOnly) return;
    await api.tryCall('notifications.markRead', ids ? { ids } : {});
    await load();
  };

  const choose = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) void markRead([n.id]);
    if (n.materialId !== null) onOpenItem(n.materialId);
  };

  const list =
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有通知。审阅时标为“需补充”的材料会通知收集人。" />
    ) : (
      <ul className="tz-bell-list" aria-label="通知">
        {items.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className={n.readAt ? 'tz-bell-item' : 'tz-bell-item tz-bell-item-unread'}
              onClick={() => choose(n)}
            >
              <span className="tz-bell-item-title">
                {!n.readAt && <span className="tz-bell-dot" aria-label="未读" />}
                {n.title}
              </span>
              {n.body && <span className="tz-bell-item-body">{n.body}</span>}
              <span className="tz-bell-item-meta">
                致 {n.personName || '收集人（未指定）'} · {n.createdBy} · {formatWhen(n.createdAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div className="tz-bell-head">
          <span>通知</span>
          {unread > 0 && !readOnly && (
            <Button size="small" type="link" onClick={() => void markRead()}>
              全部标为已读
            </Button>
          )}
        </div>
      }
      content={list}
    >
      <Badge count={unread} size="small" offset={[-6, 6]} className="tz-bell">
        <Tooltip title="审阅意见和待补充的通知" placement="bottom">
          <Button
            className="tz-topbar-icon"
            type="text"
            icon={<BellOutlined />}
            aria-label={unread ? `通知：${unread} 条未读` : '通知'}
          />
        </Tooltip>
      </Badge>
    </Popover>
  );
}
