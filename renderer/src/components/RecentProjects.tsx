import { FolderFilled, FolderOutlined } from '@ant-design/icons';
import { App, Button, Form, Skeleton, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo, RecentProject } from '../../../shared/ipc/contract';
import { api } from '../api';
import { errorText } from '../errors';
import { formatDateTime, formatWhen } from '../format';
import { useAppInfo } from '../hooks/use-app-info';
import { useOpenProject } from '../hooks/use-open-project';
import { FolderField } from './FolderField';
import { FormDialog } from './FormDialog';

type Props = { onOpened: (info: ProjectInfo) => void };

/** The recent list on the start screen. Opening or removing one entry disables the others. */
export function RecentProjects({ onOpened }: Props) {
  const { message } = App.useApp();
  const [items, setItems] = useState<RecentProject[] | null>(null);
  /** The folder of the entry being opened or removed, if any. */
  const [pending, setPending] = useState<string | null>(null);
  /** The moved entry whose new place is being typed in (the browser has no folder dialog). */
  const [relocating, setRelocating] = useState<RecentProject | null>(null);
  const nativeDialogs = useAppInfo()?.nativeDialogs ?? false;
  const openProject = useOpenProject();

  const load = useCallback(async () => {
    const result = await api.tryCall('projects.recent', {});
    if (result.ok) setItems(result.value);
    else {
      setItems([]);
      void message.error(result.error.message);
    }
  }, [message]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = async (item: RecentProject) => {
    setPending(item.dir);
    try {
      const info = await openProject(item.dir);
      if (info) onOpened(info);
    } catch (e) {
      void message.error(errorText(e));
      // The folder may have gone since the list was read; show it as it is now.
      await load();
    } finally {
      setPending(null);
    }
  };

  const forget = async (item: RecentProject) => {
    setPending(item.dir);
    try {
      await api.call('projects.forget', { dir: item.dir });
      await load();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setPending(null);
    }
  };

  /** Opens a moved project at its new place; it then replaces the old entry in the list. Throws the open's error. */
  const openMoved = async (item: RecentProject, dir: string) => {
    const info = await openProject(dir);
    if (!info) return;
    if (!sameDir(info.dir, item.dir)) await api.tryCall('projects.forget', { dir: item.dir });
    setRelocating(null);
    onOpened(info);
  };

  const relocate = async (item: RecentProject) => {
    if (!nativeDialogs) {
      setRelocating(item);
      return;
    }
    setPending(item.dir);
    try {
      const { path } = await api.call('dialog.pickFolder', { title: `重新查找项目“${item.name}”的文件夹` });
      if (path) await openMoved(item, path);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="tz-recent" aria-labelledby="tz-recent-title">
      <h2 id="tz-recent-title" className="tz-section-title">
        最近的项目
      </h2>
      {items === null ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : items.length === 0 ? (
        <div className="tz-recent-empty">
          <FolderOutlined />
          <div>
            <div>还没有打开过项目</div>
            <div className="tz-muted">点击上方“新建项目”开始；如果同事拷给您一个项目文件夹，请点“打开项目”。</div>
          </div>
        </div>
      ) : (
        <ul className="tz-recent-list">
          {items.map((item) => {
            const busy = pending === item.dir;
            const disabled = pending !== null;
            return (
              <li key={item.dir} className={item.exists ? 'tz-recent-item' : 'tz-recent-item tz-recent-item-missing'}>
                <button
                  type="button"
                  className="tz-recent-open"
                  disabled={!item.exists || disabled}
                  onClick={() => void open(item)}
                  title={item.exists ? `打开 ${item.dir}` : undefined}
                >
                  <FolderFilled className="tz-recent-icon" />
                  <span className="tz-recent-body">
                    <span className="tz-recent-name">
                      {item.name}
                      {item.year !== null && <span className="tz-recent-year">{item.year}年度</span>}
                      {!item.exists && (
                        <Tag className="tz-recent-gone" variant="filled">
                          找不到（可能已移动或U盘未插入）
                        </Tag>
                      )}
                    </span>
                    <span className="tz-recent-path">{item.dir}</span>
                  </span>
                  <Tooltip title={`上次打开：${formatDateTime(item.openedAt)}`}>
                    <span className="tz-recent-when">
                      {busy && item.exists ? '正在打开…' : formatWhen(item.openedAt)}
                    </span>
                  </Tooltip>
                </button>
                {!item.exists && (
                  <Tooltip title="项目文件夹被移动或改名后，选择它现在的位置">
                    <Button
                      className="tz-recent-remove"
                      type="link"
                      size="small"
                      disabled={disabled}
                      onClick={() => void relocate(item)}
                    >
                      重新查找…
                    </Button>
                  </Tooltip>
                )}
                <Tooltip title="只从列表中移除，不删除文件夹">
                  <Button
                    className="tz-recent-remove"
                    type="link"
                    size="small"
                    disabled={disabled}
                    loading={busy && !item.exists}
                    onClick={() => void forget(item)}
                  >
                    {item.exists ? '移除' : '从列表中移除'}
                  </Button>
                </Tooltip>
              </li>
            );
          })}
        </ul>
      )}
      <FormDialog<{ dir: string }>
        name="relocateProject"
        title="重新查找项目"
        okText="打开"
        open={relocating !== null}
        onCancel={() => setRelocating(null)}
        initialValues={{ dir: '' }}
        lead={
          relocating &&
          `找不到“${relocating.name}”原来的文件夹《${relocating.dir}》。请填写它现在的位置，打开后最近列表中的旧位置会被替换。`
        }
        onSubmit={async ({ dir }) => {
          if (relocating) await openMoved(relocating, dir.trim());
        }}
      >
        <Form.Item
          label="项目文件夹现在的位置"
          name="dir"
          rules={[{ required: true, whitespace: true, message: '请填写项目文件夹现在的位置' }]}
        >
          <FolderField
            nativeDialogs={nativeDialogs}
            dialogTitle="选择项目文件夹现在的位置"
            placeholder="例如：E:\台账资料\2026年创文迎检"
          />
        </Form.Item>
      </FormDialog>
    </section>
  );
}

/** Folders compared as the OS does: Windows paths (a drive letter or backslashes) without case. */
function sameDir(a: string, b: string): boolean {
  const windows = /^[A-Za-z]:|\\/.test(a);
  return windows ? a.toLowerCase() === b.toLowerCase() : a === b;
}
