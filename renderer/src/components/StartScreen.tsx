import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import type { AppInfo } from '../hooks/use-app-info';
import { Logo } from './Logo';
import { RecentProjects } from './RecentProjects';

type Props = {
  appInfo: AppInfo | null;
  onNew: () => void;
  onOpen: () => void;
  onOpened: (info: ProjectInfo) => void;
};

const STEPS = [
  { title: '明确要求', text: '导入测评体系，写明每个指标要哪些材料' },
  { title: '收集归类', text: '把文件、照片归到对应指标下，甄选补充' },
  { title: '查漏补缺', text: '一眼看出哪些指标齐全、哪些还缺材料' },
  { title: '装订成卷', text: '生成封面、卷内目录、备考表，编好页号' },
];

/** Shown when no project is open: what the product is, the recent projects, and how to start. */
export function StartScreen({ appInfo, onNew, onOpen, onOpened }: Props) {
  return (
    <div className="tz-start">
      <aside className="tz-start-brand">
        <Logo size="large" />
        <p className="tz-start-tagline">创文创卫台账资料的收集、查漏补缺与装订成卷</p>
        <ol className="tz-start-steps">
          {STEPS.map((step, i) => (
            <li key={step.title}>
              <span className="tz-start-step-no">{i + 1}</span>
              <div>
                <div className="tz-start-step-title">{step.title}</div>
                <div className="tz-start-step-text">{step.text}</div>
              </div>
            </li>
          ))}
        </ol>
        <div className="tz-start-foot">
          {appInfo ? `版本 ${appInfo.version} · ` : ''}所有资料只保存在本机，不上传网络
        </div>
      </aside>

      <main className="tz-start-main">
        <div className="tz-start-actions">
          <button type="button" className="tz-action-card" onClick={onNew}>
            <span className="tz-action-icon tz-action-icon-primary">
              <PlusOutlined />
            </span>
            <span>
              <span className="tz-action-title">新建项目</span>
              <span className="tz-action-text">为一个单位、一个年度建立台账</span>
            </span>
          </button>
          <button type="button" className="tz-action-card" onClick={onOpen}>
            <span className="tz-action-icon">
              <FolderOpenOutlined />
            </span>
            <span>
              <span className="tz-action-title">打开项目</span>
              <span className="tz-action-text">打开电脑上已有的项目文件夹</span>
            </span>
          </button>
        </div>
        <RecentProjects onOpened={onOpened} />
        <p className="tz-start-hint">提示：项目文件夹可以整体拷贝到U盘或其他电脑，在那里点“打开项目”即可接着整理。</p>
      </main>
    </div>
  );
}
