import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { api } from '../api';
import { formatBytes } from '../format';
import { useAction } from '../hooks/use-action';

type Props = {
  /** The items chosen in the trash; empty: the whole trash. */
  ids: number[];
  /** How many items the trash holds (for the whole-trash wording). */
  total: number;
  onDone: () => void;
};

/**
 * The trash's own actions: restore the chosen items, or delete for good — the chosen ones
 * or all. Deleting for good is the one act that cannot be undone, so it always asks first
 * and says how many items it will remove.
 */
export function TrashActions({ ids, total, onDone }: Props) {
  const { modal, message } = App.useApp();
  const { busy, run } = useAction();
  const count = ids.length > 0 ? ids.length : total;
  const purge = () =>
    modal.confirm({
      title: ids.length > 0 ? `永久删除选中的 ${count} 件材料？` : `清空回收站（${count} 件材料）？`,
      content: '这些材料及其文件将从项目中永久删除，不能恢复。其他材料仍在使用的文件会保留。',
      okText: '永久删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        run(async () => {
          const r = await api.call('materials.emptyTrash', ids.length > 0 ? { ids } : {});
          void message.success(
            `已永久删除 ${r.deleted} 件材料${r.bytesFreed > 0 ? `，释放 ${formatBytes(r.bytesFreed)}` : ''}`,
          );
          onDone();
        }),
    });
  return (
    <Space size={4}>
      {ids.length > 0 && (
        <Tooltip title="放回原来的指标下（关联和顺序都保留）">
          <Button
            size="small"
            icon={<UndoOutlined />}
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const r = await api.call('materials.restore', { ids });
                void message.success(`已恢复 ${r.restored} 件`);
                onDone();
              })
            }
          >
            恢复
          </Button>
        </Tooltip>
      )}
      <Tooltip title={count === 0 ? '回收站是空的' : '永久删除，不能恢复'}>
        <Button size="small" danger icon={<DeleteOutlined />} disabled={busy || count === 0} onClick={purge}>
          {ids.length > 0 ? '永久删除' : '清空回收站'}
        </Button>
      </Tooltip>
    </Space>
  );
}
