import { BookOutlined, CheckCircleFilled, FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  hasSystem: boolean;
  /** Items in the project (not in the trash), and how many are in 待归类. */
  materials: number;
  inbox: number;
  /** The gap check's counts of leaf indicators, when it has run. */
  gaps: { complete: number; partial: number; missing: number } | null;
  onInbox: () => void;
  onGaps: () => void;
  onBinder: () => void;
};

type Step = { title: string; done: boolean; text: string; action?: ReactNode };

/**
 * 工作步骤: shown in the right pane while nothing is selected, so a new user always sees where
 * they are in the work and what comes next; each step says in words whether it is done.
 */
export function NextSteps({ hasSystem, materials, inbox, gaps, onInbox, onGaps, onBinder }: Props) {
  const open = gaps ? gaps.missing + gaps.partial : 0;
  const steps: Step[] = [
    {
      title: '导入测评体系',
      done: hasSystem,
      text: hasSystem
        ? '已导入。可在指标详情里标出本单位不适用的指标、填写收集人。'
        : '在左侧点“导入Excel”导入市里下发的指标表，或点“打开示例”先试一试。',
    },
    {
      title: '添加材料，归到指标下',
      done: materials > 0 && inbox === 0,
      text:
        materials === 0
          ? '选中指标后点“添加材料”或“添加文件夹”，也可以把文件、文件夹直接拖到左侧的指标上。'
          : inbox > 0
            ? `还有 ${inbox} 件材料待归类：打开后拖到对应指标上，或在材料详情里关联指标。`
            : `已添加 ${materials} 件材料，都已归到指标下。`,
      action:
        inbox > 0 ? (
          <Button size="small" icon={<InboxOutlined />} onClick={onInbox}>
            查看待归类（{inbox}）
          </Button>
        ) : undefined,
    },
    {
      title: '查漏补缺',
      done: gaps !== null && hasSystem && open === 0,
      text: !gaps
        ? '导入测评体系并添加材料后，这里会显示哪些指标还缺材料。'
        : open > 0
          ? `${gaps.complete} 个指标齐全，${gaps.missing} 个缺失，${gaps.partial} 个部分齐全。`
          : `${gaps.complete} 个指标齐全。`,
      action: hasSystem ? (
        <Button size="small" icon={<FileSearchOutlined />} onClick={onGaps}>
          打开查漏补缺
        </Button>
      ) : undefined,
    },
    {
      title: '装订成卷',
      done: false,
      text: '生成封面、卷内目录、页号和备考表，可随时重新装订；打开、打印或导出网上申报。',
      action: hasSystem ? (
        <Button size="small" type="primary" icon={<BookOutlined />} onClick={onBinder}>
          装订成卷
        </Button>
      ) : undefined,
    },
  ];
  return (
    <section className="tz-next-steps" aria-label="工作步骤">
      <ol>
        {steps.map((step, i) => (
          <li key={step.title} className={step.done ? 'tz-step-done' : undefined}>
            <span className="tz-step-no" aria-hidden>
              {step.done ? <CheckCircleFilled /> : i + 1}
            </span>
            <div>
              <div className="tz-step-title">
                {step.title}
                {step.done && <span className="tz-step-state">已完成</span>}
              </div>
              <div className="tz-step-text">{step.text}</div>
              {step.action && <div className="tz-step-action">{step.action}</div>}
            </div>
          </li>
        ))}
      </ol>
      <p className="tz-muted tz-next-steps-foot">选中一个指标查看要求和材料；选中一件材料查看详情。</p>
    </section>
  );
}
