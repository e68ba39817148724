import { BookOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { IndicatorNode, SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { BinderOptions } from './BinderOptions';
import { BindResultList, EarlierOutputs, JobProgress, type BindResultView } from './BindResults';
import { ExportSubmission } from './ExportSubmission';
import { PrintModal, useOutputActions } from './FileActions';
import { PlanPreview } from './PlanPreview';
import { useBinder, type Scope } from './use-binder';
import { useTrackedJob } from './use-tracked-job';
import './binder.css';

type Props = {
  open: boolean;
  onClose: () => void;
  system: SystemSummary | null;
  indicators: IndicatorNode[];
  nativeDialogs: boolean;
  userName: string;
};

/**
 * 装订成卷: what to bind and how (saved per project), the 卷内目录 of each volume before it is
 * made, the build with progress and 取消, and the volumes with 打开 / 在文件夹中显示 / 打印.
 */
export function BinderScreen({ open, onClose, system, indicators, nativeDialogs, userName }: Props) {
  const { message } = App.useApp();
  const [scope, setScope] = useState<Scope>({ mode: 'by' });
  const [tab, setTab] = useState<'preview' | 'results'>('preview');
  const [printing, setPrinting] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const systemId = system?.id ?? null;
  const binder = useBinder(open, systemId, scope);
  const build = useTrackedJob<BindResultView>('binder.build');
  const actions = useOutputActions();
  const building = build.job.status === 'starting' || build.job.status === 'running';
  const indicatorIds = scope.mode === 'pick' ? scope.indicatorIds : null;

  // Another system: the picked indicators belong to the old one.
  useEffect(() => {
    setScope({ mode: 'by' });
  }, [systemId]);

  // A run that ended: the output folder has new files (or, cancelled, none).
  const ended = build.job.status === 'done' || build.job.status === 'cancelled' || build.job.status === 'failed';
  const { reloadOutputs } = binder;
  useEffect(() => {
    if (ended) reloadOutputs();
  }, [ended, reloadOutputs]);

  const volumes = binder.plan?.volumes.length ?? 0;
  const hint = !system
    ? '还没有测评体系。请先在左侧导入测评体系或打开示例，再添加材料、装订成卷。'
    : scope.mode === 'pick' && scope.indicatorIds.length === 0
      ? '请在左侧“选定指标”中选择要装订的指标。'
      : null;

  const startBuild = async () => {
    if (systemId === null) return;
    if (!(await binder.flush())) {
      void message.error('选项还没有保存：请先改正左侧标红的内容。');
      return;
    }
    setTab('results');
    await build.start(() => api.call('binder.build', { systemId, ...(indicatorIds ? { indicatorIds } : {}) }));
  };

  const results = (
    <div className="tz-binder-results-pane">
      {building && <JobProgress job={build.job} title="正在装订" onCancel={() => void build.cancel()} />}
      {build.job.status === 'failed' && (
        <Alert className="tz-binder-alert" type="error" showIcon title={`装订没有完成：${build.job.error ?? ''}`} />
      )}
      {build.job.status === 'cancelled' && (
        <Alert
          className="tz-binder-alert"
          type="info"
          showIcon
          title="已取消装订。取消前已装订好的卷已保存，其余的卷没有生成。"
        />
      )}
      {build.job.status === 'done' && build.job.result ? (
        <BindResultList
          result={build.job.result}
          actions={actions}
          onPrint={setPrinting}
          sizeLimitMb={binder.settings?.sizeLimitMb ?? 100}
          onSplitBySize={() => {
            binder.change({ maxVolumeMb: binder.settings?.sizeLimitMb ?? 100 });
            void startBuild();
          }}
        />
      ) : (
        !building && <EarlierOutputs outputs={binder.outputs} actions={actions} onPrint={setPrinting} />
      )}
    </div>
  );

  const title = (
    <span className="tz-gaps-title">
      装订成卷
      {system && <span className="tz-gaps-system">{system.name}</span>}
    </span>
  );

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size="min(1180px, calc(100vw - 160px))"
      className="tz-binder-drawer"
      extra={
        <Button icon={<CloudUploadOutlined />} onClick={() => setExporting(true)} disabled={!system}>
          网上申报导出
        </Button>
      }
    >
      {!system ? (
        <Empty className="tz-empty" description={hint} />
      ) : (
        <div className="tz-binder-layout">
          <aside className="tz-binder-side" aria-label="装订选项">
            {binder.settings ? (
              <BinderOptions
                settings={binder.settings}
                change={binder.change}
                fonts={binder.fonts}
                scope={scope}
                onScope={setScope}
                indicators={indicators}
                nativeDialogs={nativeDialogs}
                userName={userName}
                disabled={building}
              />
            ) : (
              !binder.saveError && <div className="tz-muted">正在读取选项…</div>
            )}
            <div className="tz-binder-save-state" role="status">
              {binder.saveError ? (
                <Alert type="error" showIcon title={binder.saveError} />
              ) : binder.saving ? (
                <span className="tz-muted">正在保存选项…</span>
              ) : binder.settings ? (
                <span className="tz-muted">选项改动后自动保存，下次装订沿用。</span>
              ) : null}
            </div>
          </aside>
          <section className="tz-binder-main" aria-label="装订">
            <div className="tz-binder-toolbar">
              <Button
                type="primary"
                size="large"
                icon={<BookOutlined />}
                onClick={() => void startBuild()}
                disabled={building || volumes === 0 || !!hint || binder.planning}
                loading={build.job.status === 'starting'}
              >
                开始装订
              </Button>
              <span className="tz-muted tz-binder-toolbar-note">
                生成封面、卷内目录、备考表并连续编页号，每卷一个PDF文件。
              </span>
            </div>
            <Tabs
              className="tz-binder-tabs"
              activeKey={tab}
              onChange={(key) => setTab(key as 'preview' | 'results')}
              items={[
                {
                  key: 'preview',
                  label: '卷内目录预览',
                  children: (
                    <PlanPreview plan={binder.plan} planning={binder.planning} error={binder.planError} hint={hint} />
                  ),
                },
                {
                  key: 'results',
                  label: building ? '装订结果（进行中）' : '装订结果',
                  children: results,
                },
              ]}
            />
          </section>
        </div>
      )}
      <PrintModal
        file={printing}
        duplex={binder.settings?.duplex ?? true}
        onClose={() => setPrinting(null)}
        actions={actions}
      />
      <ExportSubmission
        open={exporting}
        onClose={() => setExporting(false)}
        systemId={systemId}
        indicatorIds={indicatorIds}
        actions={actions}
      />
    </Drawer>
  );
}
