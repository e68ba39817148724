import {
  ExperimentOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  LoadingOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button } from 'antd';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import type { AppInfo } from '../hooks/use-app-info';
import { useAction } from '../hooks/use-action';
import { Logo } from './Logo';
import { RecentProjects } from './RecentProjects';

type Props = {
  appInfo: AppInfo | null;
  onNew: () => void;
  onOpen: () => void;
  onOpened: (info: ProjectInfo) => void;
  /** 从备份恢复: a .taizhang backup into an empty folder. */
  onRestore: () => void;
};

const STEPS = [
  { title: '导入测评体系', text: '导入市里下发的指标表，标出本单位负责的指标，分好工' },
  { title: '收集材料、查漏补缺', text: '把文件夹整个拖进来归到指标下，一眼看出哪些指标还缺材料' },
  { title: '一键装订成卷', text: '自动生成封面、卷内目录、页号和备考表，可直接打印' },
];

/** Shown when no project is open (and on first run): what the product does, how to start, the recent projects. */
export function StartScreen({ appInfo, onNew, onOpen, onOpened, onRestore }: Props) {
  const { message } = App.useApp();
  const sample = useAction();
  const openSample = () =>
    void sample.run(async () => {
      const info = await api.call('projects.openSample', {});
      onOpened(info);
      void message.success(
        info.created
          ? `示例项目已生成。示例材料另存在《${info.sourcesDir}》，可拖进来练习。`
          : '已打开示例项目（保留了您上次的练习）。',
      );
    });
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
        <h1 className="tz-start-welcome">欢迎使用台账通</h1>
        <p className="tz-start-welcome-text">
          第一次使用？先打开示例项目看一看：示例已备好一套测评体系和部分材料，可以直接查漏补缺、装订成卷，随意练习。
        </p>
        <div className="tz-start-actions">
          <button
            type="button"
            className="tz-action-card tz-action-card-wide"
            onClick={openSample}
            disabled={sample.busy}
            aria-busy={sample.busy}
          >
            <span className="tz-action-icon tz-action-icon-sample">
              {sample.busy ? <LoadingOutlined /> : <ExperimentOutlined />}
            </span>
            <span>
              <span className="tz-action-title">打开示例项目</span>
              <span className="tz-action-text">
                {sample.busy ? '正在生成示例材料，约需半分钟…' : '用示例街道的材料试一试，不影响您自己的项目'}
              </span>
            </span>
          </button>
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
        <p className="tz-start-hint">
          有台账通备份文件（.taizhang）？
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={onRestore}>
            从备份恢复
          </Button>
        </p>
        <RecentProjects onOpened={onOpened} />
        <p className="tz-start-hint">提示：项目文件夹可以整体拷贝到U盘或其他电脑，在那里点“打开项目”即可接着整理。</p>
      </main>
    </div>
  );
}
