import {
  DeleteOutlined,
  DownOutlined,
  ExperimentOutlined,
  FileExcelOutlined,
  InboxOutlined,
  PartitionOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Empty, Select, Spin, Tooltip, type MenuProps } from 'antd';
import { useState } from 'react';
import type { GapIndicatorResult } from '../../../shared/gaps/model';
import { api } from '../api';
import { errorText } from '../errors';
import type { MaterialCounts } from '../materials/use-material-counts';
import { EditionMappingModal } from '../systems/EditionMappingModal';
import { saveProduced } from '../systems/file-io';
import { ImportWizard } from '../systems/ImportWizard';
import { useReadOnly } from '../review/read-only';
import { IndicatorTree } from '../systems/IndicatorTree';
import { PeopleModal } from '../systems/PeopleModal';
import { SystemSettingsModal } from '../systems/SystemSettingsModal';
import type { SystemsState } from '../systems/use-systems';
import { FixedNode } from './FixedNode';

/** What the centre pane shows: an indicator, the inbox, or the trash. */
export type Selection = { kind: 'indicator'; id: number } | { kind: 'unsorted' } | { kind: 'trash' } | null;

type Props = {
  systems: SystemsState;
  /** 查漏补缺 results, shown as badges on the tree. */
  gaps: ReadonlyMap<number, GapIndicatorResult>;
  nativeDialogs: boolean;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  /** Null until the first answer (no count is better than a wrong one). */
  counts: MaterialCounts | null;
  /** Files dropped on an indicator (linked to it) or on 待归类 (no indicator). */
  onAddFiles: (files: File[], indicatorIds: number[]) => Promise<void>;
};

type Dialog = 'import' | 'settings' | 'edition' | 'people' | null;

/** Left pane: the 测评体系 switcher and tree, with 待归类 and 回收站 always at the bottom. */
export function IndicatorPane({ systems, gaps, nativeDialogs, selection, onSelect, counts, onAddFiles }: Props) {
  const { message, modal } = App.useApp();
  const readOnly = useReadOnly();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const { system } = systems;

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const openSample = () =>
    attempt(async () => {
      const r = await api.call('systems.importSample', {});
      systems.select(r.systemId);
      void message.success(`已打开示例测评体系：${r.indicatorCount} 条指标`);
    });

  const exportAs = (format: 'xlsx' | 'json') =>
    attempt(async () => {
      if (!system) return;
      const name = `${system.name}.${format}`;
      const filters = [
        format === 'xlsx' ? { name: 'Excel 表格', extensions: ['xlsx'] } : { name: 'JSON 文件', extensions: ['json'] },
      ];
      const done = await saveProduced(nativeDialogs, name, filters, (path) =>
        api.call('systems.export', { systemId: system.id, format, ...(path ? { path } : {}) }),
      );
      if (done) void message.success(done);
    });

  const confirmDelete = () => {
    if (!system) return;
    modal.confirm({
      title: `删除测评体系“${system.name}”？`,
      content: `将删除它的 ${system.indicatorCount} 条指标。材料不会删除，只解除与这些指标的关联（解除后会出现在“待归类”中）。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        attempt(async () => {
          const r = await api.call('systems.delete', { systemId: system.id });
          onSelect(null);
          void message.success(r.removedLinks ? `已删除，解除了 ${r.removedLinks} 条材料关联` : '已删除');
        }),
    });
  };

  const menu: MenuProps['items'] = [
    // 只读审阅: what changes the systems is off; exporting only reads.
    { key: 'import', label: '导入测评体系…', disabled: readOnly, onClick: () => setDialog('import') },
    { key: 'sample', label: '打开示例', disabled: readOnly, onClick: () => void openSample() },
    { type: 'divider' },
    { key: 'settings', label: '重命名 / 设置…', disabled: readOnly || !system, onClick: () => setDialog('settings') },
    { key: 'people', label: '人员名单…', disabled: readOnly, onClick: () => setDialog('people') },
    {
      key: 'edition',
      label: '新版对应…',
      disabled: readOnly || systems.systems.length < 2,
      onClick: () => setDialog('edition'),
    },
    { type: 'divider' },
    { key: 'xlsx', label: '导出为 Excel', disabled: !system, onClick: () => void exportAs('xlsx') },
    { key: 'json', label: '导出为 JSON', disabled: !system, onClick: () => void exportAs('json') },
    { type: 'divider' },
    { key: 'delete', label: '删除测评体系…', danger: true, disabled: readOnly || !system, onClick: confirmDelete },
  ];

  const selectedId = selection?.kind === 'indicator' ? selection.id : null;

  return (
    <nav className="tz-pane tz-pane-left" aria-label="测评体系">
      <div className="tz-pane-header tz-system-bar">
        <span className="tz-pane-title">
          <PartitionOutlined /> 测评体系
        </span>
        <Tooltip title="导入、导出测评体系，人员名单，新版对应等" placement="right">
          <Dropdown menu={{ items: menu }} trigger={['click']}>
            <Button size="small" type="text" aria-label="测评体系操作">
              操作 <DownOutlined />
            </Button>
          </Dropdown>
        </Tooltip>
      </div>
      {system && (
        // Shown even with one system, so the user sees where a second edition would appear.
        <div className="tz-system-switch">
          <Select
            value={systems.systemId ?? undefined}
            onChange={(id: number) => {
              onSelect(null);
              systems.select(id);
            }}
            options={systems.systems.map((s) => ({
              value: s.id,
              title: `${s.name}${s.edition ? ` ${s.edition}` : ''}`,
              label: (
                <span className="tz-system-option">
                  <span className="tz-system-option-name">{s.name}</span>
                  {s.edition && <span className="tz-system-option-edition">{s.edition}</span>}
                </span>
              ),
            }))}
            style={{ width: '100%' }}
            aria-label="选择测评体系"
          />
          <div className="tz-system-facts">
            {system.indicatorCount} 条指标
            {system.applicableCount < system.indicatorCount &&
              ` · ${system.indicatorCount - system.applicableCount} 条不适用`}
            {(system.windowStart || system.windowEnd) &&
              ` · 测评期间 ${system.windowStart ?? '…'} 至 ${system.windowEnd ?? '…'}`}
          </div>
        </div>
      )}
      <div className="tz-pane-body tz-tree-area">
        {systems.loading ? (
          <Spin className="tz-tree-spin" />
        ) : systems.error ? (
          <Alert type="error" showIcon title={systems.error} className="tz-tree-error" />
        ) : system ? (
          <IndicatorTree
            indicators={systems.indicators}
            gaps={gaps}
            selectedId={selectedId}
            onSelect={(n) => onSelect({ kind: 'indicator', id: n.id })}
            onDropFiles={(files, id) => void onAddFiles(files, [id])}
          />
        ) : (
          // UI.md's sentence "还没有测评体系 — 导入Excel 或 打开示例", with its two verbs as the buttons.
          <Empty className="tz-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有测评体系">
            <div className="tz-empty-actions">
              <Button
                type="primary"
                size="small"
                icon={<FileExcelOutlined />}
                disabled={readOnly}
                onClick={() => setDialog('import')}
              >
                导入Excel
              </Button>
              <span className="tz-muted">或</span>
              <Button
                size="small"
                icon={<ExperimentOutlined />}
                disabled={readOnly}
                onClick={() => void openSample()}
                loading={busy}
              >
                打开示例
              </Button>
            </div>
          </Empty>
        )}
      </div>
      <div className="tz-fixed-nodes">
        <FixedNode
          icon={<InboxOutlined />}
          label="待归类"
          count={counts?.inbox}
          active={selection?.kind === 'unsorted'}
          onClick={() => onSelect({ kind: 'unsorted' })}
          onDropFiles={(files) => void onAddFiles(files, [])}
        />
        <FixedNode
          icon={<DeleteOutlined />}
          label="回收站"
          count={counts?.trash}
          active={selection?.kind === 'trash'}
          onClick={() => onSelect({ kind: 'trash' })}
        />
      </div>

      <ImportWizard
        open={dialog === 'import'}
        nativeDialogs={nativeDialogs}
        onClose={() => setDialog(null)}
        onImported={(systemId) => {
          onSelect(null);
          systems.select(systemId);
        }}
      />
      <SystemSettingsModal system={dialog === 'settings' ? system : null} onClose={() => setDialog(null)} />
      <EditionMappingModal open={dialog === 'edition'} systems={systems.systems} onClose={() => setDialog(null)} />
      <PeopleModal open={dialog === 'people'} nativeDialogs={nativeDialogs} onClose={() => setDialog(null)} />
    </nav>
  );
}
