import {
  AuditOutlined,
  BookOutlined,
  CloseCircleOutlined,
  DownOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InfoCircleOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import { useAction } from '../hooks/use-action';
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

  const items: MenuProps['items'] = [
    { key: 'info', icon: <InfoCircleOutlined />, label: '项目信息' },
    { key: 'verify', icon: <SafetyCertificateOutlined />, label: '校验文件', disabled: busy },
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
        <Button className="tz-topbar-button" icon={<AuditOutlined />} onClick={onReview}>
          审阅
        </Button>
        <Button className="tz-topbar-button" icon={<FileSearchOutlined />} onClick={onGaps}>
          查漏补缺
        </Button>
        <Button className="tz-topbar-button" icon={<BookOutlined />} onClick={onBinder}>
          装订成卷
        </Button>
        {bell}
        <Button className="tz-topbar-icon" type="text" icon={<SettingOutlined />} onClick={onSettings}>
          设置
        </Button>
      </div>
    </header>
  );
}
