import {
  AuditOutlined,
  BookOutlined,
  CloseCircleOutlined,
  DownOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  InfoCircleOutlined,
  SafetyCertificateOutlined,
  SaveOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { BACKUP_FILTERS, backupFileName } from '../../../shared/ipc/contract-backup';
import { api } from '../api';
import { useAction } from '../hooks/use-action';
import { useAppInfo } from '../hooks/use-app-info';
import { BackupProjectModal } from './BackupProjectModal';
import { DbBackupsModal } from './DbBackupsModal';
import { Logo } from './Logo';

type Props = {
  project: ProjectInfo;
  onClose: () => Promise<void>;
  onNew: () => void;
  onOpen: () => void;
  onShowInfo: () => void;
  onGaps: () => void;
  onBinder: () => void;
  onReview: () => void;
  onSettings: () => void;
  /** The search box (Ctrl+K). */
  search: ReactNode;
  /** The notification bell. */
  bell: ReactNode;
};

export function TopBar({
  project,
  onClose,
  onNew,
  onOpen,
  onShowInfo,
  onGaps,
  onBinder,
  onReview,
  onSettings,
  search,
  bell,
}: Props) {
  const { busy, run } = useAction();
  const nativeDialogs = useAppInfo()?.nativeDialogs ?? false;
  const [dialog, setDialog] = useState<'backup' | 'dbBackups' | null>(null);

  // Native hosts ask where to save with the system's dialog; the browser preview asks for a folder.
  const backup = async () => {
    if (!nativeDialogs) return setDialog('backup');
    const { path } = await api.call('dialog.saveFile', {
      title: '备份项目',
      defaultName: backupFileName(project),
      filters: BACKUP_FILTERS,
    });
    // Progress and the result appear in the jobs bar.
    if (path) await api.call('projects.backup', { path });
  };

  const items: MenuProps['items'] = [
    { key: 'info', icon: <InfoCircleOutlined />, label: '项目信息' },
    { key: 'verify', icon: <SafetyCertificateOutlined />, label: '校验文件', disabled: busy },
    { key: 'backup', icon: <SaveOutlined />, label: '备份项目…', disabled: busy },
    { key: 'dbBackups', icon: <HistoryOutlined />, label: '自动备份…' },
    { type: 'divider' },
    { key: 'new', icon: <FileAddOutlined />, label: '新建项目…' },
    { key: 'open', icon: <FolderOpenOutlined />, label: '打开其他项目…' },
    { type: 'divider' },
    { key: 'close', icon: <CloseCircleOutlined />, label: '关闭项目', disabled: busy },
  ];

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'info') onShowInfo();
    else if (key === 'new') onNew();
    else if (key === 'open') onOpen();
    else if (key === 'close') void run(onClose);
    else if (key === 'backup') void run(backup);
    else if (key === 'dbBackups') setDialog('dbBackups');
    else if (key === 'verify')
      // Progress and the result appear in the jobs bar; the call itself only starts the job.
      void run(() => api.call('projects.verify', {}));
  };

  return (
    <header className="tz-topbar">
      <Logo />
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomLeft">
        <button type="button" className="tz-project-switch" title={project.dir}>
          <span className="tz-project-name">{project.name}</span>
          <span className="tz-project-year">{project.year}年度</span>
          <DownOutlined className="tz-project-caret" />
        </button>
      </Dropdown>
      {search}
      <div className="tz-topbar-actions">
        <Tooltip title="逐件翻看材料，标记合格或需补充（也供检查组只读审阅）">
          <Button className="tz-topbar-button" aria-label="审阅" icon={<AuditOutlined />} onClick={onReview}>
            审阅
          </Button>
        </Tooltip>
        <Tooltip title="看哪些指标齐全、哪些还缺材料，导出缺项清单">
          <Button className="tz-topbar-button" aria-label="查漏补缺" icon={<FileSearchOutlined />} onClick={onGaps}>
            查漏补缺
          </Button>
        </Tooltip>
        <Tooltip title="生成封面、卷内目录、页号和备考表，打开、打印或导出网上申报">
          <Button className="tz-topbar-button" aria-label="装订成卷" icon={<BookOutlined />} onClick={onBinder}>
            装订成卷
          </Button>
        </Tooltip>
        {bell}
        <Tooltip title="使用人、程序版本和设置保存位置">
          <Button
            className="tz-topbar-icon"
            type="text"
            aria-label="设置"
            icon={<SettingOutlined />}
            onClick={onSettings}
          >
            设置
          </Button>
        </Tooltip>
      </div>
      <BackupProjectModal
        open={dialog === 'backup'}
        project={project}
        nativeDialogs={nativeDialogs}
        onCancel={() => setDialog(null)}
        onStarted={() => setDialog(null)}
      />
      <DbBackupsModal open={dialog === 'dbBackups'} readOnly={project.readOnly} onClose={() => setDialog(null)} />
    </header>
  );
}
