import { App, Button, Empty, Modal, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DbBackup } from '../../../shared/ipc/contract-backup';
import { api } from '../api';
import { errorText } from '../errors';
import { formatBytes } from '../format';

type Props = {
  open: boolean;
  /** 只读 projects list their copies but cannot go back to one. */
  readOnly: boolean;
  onClose: () => void;
  /** A project folder that could not be opened (its database is damaged): its copies, not the open project's. */
  dir?: string;
};

/**
 * 自动备份: the daily copies of the database in the project's backups folder, and going back
 * to one of them (after saying which day, and that today's state is kept too).
 */
export function DbBackupsModal({ open, readOnly, onClose, dir }: Props) {
  const { message, modal } = App.useApp();
  const [list, setList] = useState<DbBackup[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.tryCall('projects.dbBackups', dir ? { dir } : {});
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [dir]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const restore = (b: DbBackup) =>
    modal.confirm({
      title: `恢复到 ${b.date} 的自动备份？`,
      content: `项目的材料信息、归类和审核记录将回到 ${b.date} 的状态，之后所做的修改将不再显示。恢复前，当前的数据会先另存一份，可在本列表中找回。`,
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          // With `dir`, the core puts the copy back into that folder and opens it (the window follows).
          const { before } = await api.call('projects.restoreDbBackup', dir ? { file: b.file, dir } : { file: b.file });
          void message.success(`已恢复到 ${b.date} 的自动备份。恢复前的数据已另存为《${before}》。`, 8);
          onClose();
        } catch (e) {
          void message.error(errorText(e));
          void load();
        }
      },
    });

  return (
    <Modal title="自动备份" open={open} width={640} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
      {dir && (
        <p className="tz-modal-lead tz-tone-error">
          项目《{dir}》的数据库已损坏，无法打开。请选一份自动备份恢复：损坏的数据库会先原样另存一份，不会丢失。
        </p>
      )}
      <p className="tz-modal-lead">
        每天第一次打开项目时，台账通会把数据库（材料信息、归类、审核记录）另存一份到项目文件夹的 backups 里，保留最近 7
        份。原始文件从不被修改，所以不在其中。要备份整个项目，请用“备份项目…”。
      </p>
      {error ? (
        <p className="tz-tone-error">{error}</p>
      ) : (
        <Table<DbBackup>
          size="small"
          rowKey="file"
          loading={list === null}
          dataSource={list ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="还没有自动备份。下次打开项目时会自动生成。" /> }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 130 },
            {
              title: '类型',
              dataIndex: 'beforeRestore',
              render: (before: boolean) => (before ? <Tag>恢复前自动保存</Tag> : <Tag color="blue">每日自动备份</Tag>),
            },
            { title: '大小', dataIndex: 'bytes', width: 100, render: (bytes: number) => formatBytes(bytes) },
            {
              title: '',
              key: 'action',
              width: 130,
              render: (_: unknown, b: DbBackup) => (
                <Button size="small" disabled={readOnly} onClick={() => restore(b)}>
                  恢复到此备份
                </Button>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
