import { App } from 'antd';
import { useCallback } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { api } from '../api';
import { offerDailyRestore } from '../components/DamagedProject';

/**
 * Opens a project folder; when it cannot be written (a CD, a write-protected USB stick, no
 * permission) it asks whether to open it read-only instead, and when its database is damaged
 * it offers the daily copies. Resolves with null when the user declines or goes that way;
 * other failures reject with the core's error, as api.call does.
 */
export function useOpenProject(): (dir: string, readOnly?: boolean) => Promise<ProjectInfo | null> {
  const { modal } = App.useApp();
  return useCallback(
    async (dir, readOnly = false) => {
      const result = await api.tryCall('projects.open', { dir, readOnly });
      if (result.ok) return result.value;
      if (result.error.code === 'DB_CORRUPT') {
        // Not a dead end: the project's own daily copies are offered to put back.
        const restore = await modal.confirm({
          title: '项目数据库已损坏',
          content: result.error.message,
          okText: '从自动备份恢复…',
          cancelText: '取消',
          width: 560,
        });
        if (restore) offerDailyRestore(dir);
        return null;
      }
      if (result.error.code !== 'FOLDER_READ_ONLY') throw new AppError(result.error.code, result.error.message);
      const accepted = await modal.confirm({
        title: '这个项目文件夹不能写入',
        content: result.error.message,
        okText: '以只读方式打开',
        cancelText: '取消',
        width: 520,
      });
      return accepted ? api.call('projects.open', { dir, readOnly: true }) : null;
    },
    [modal],
  );
}
