import { FileExcelOutlined, FilePdfOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Input, Progress, Select, Space, Spin, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { GAP_STATUSES, type GapStatus } from '../../../shared/gaps/model';
import type { FileFilter } from '../../../shared/ipc/contract';
import type { IndicatorNode, SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { useAction } from '../hooks/use-action';
import { saveProduced } from '../systems/file-io';
import { GAP_STATUS } from '../theme';
import { EditArea } from '../review/read-only';
import { CalendarEvents } from './CalendarEvents';
import { filterOptions, filterRows, gapRows, type GapFilter, type GapRow } from './gap-rows';
import { GapFindings } from './GapFindings';
import { GapTag } from './GapMark';
import type { GapsState } from './use-gaps';

type Props = {
  open: boolean;
  onClose: () => void;
  system: SystemSummary | null;
  indicators: IndicatorNode[];
  gaps: GapsState;
  nativeDialogs: boolean;
  /** A row was clicked: show that indicator in the tree. */
  onJump: (indicatorId: number) => void;
};

/** What needs work first: the table opens on the leaves that are not 齐全. */
const TODO: GapStatus[] = ['missing', 'partial'];

const FORMATS: Record<'xlsx' | 'pdf', { label: string; filter: FileFilter }> = {
  xlsx: { label: '导出Excel', filter: { name: 'Excel 表格', extensions: ['xlsx'] } },
  pdf: { label: '导出PDF', filter: { name: 'PDF 文件', extensions: ['pdf'] } },
};

/**
 * 查漏补缺: totals, the leaves with what each lacks and who is responsible, filters, the
 * report, and the office's own events that 按节日/活动 rules can use.
 */
export function GapsDashboard({ open, onClose, system, indicators, gaps, nativeDialogs, onJump }: Props) {
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const [filter, setFilter] = useState<GapFilter>({ statuses: TODO, person: null, unit: null, text: '' });
  const [tab, setTab] = useState('result');
  const [eventCount, setEventCount] = useState<number | null>(null);
  const onCount = useCallback((n: number) => setEventCount(n), []);

  const rows = useMemo(() => gapRows(indicators, gaps.result), [indicators, gaps.result]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const options = useMemo(() => filterOptions(rows), [rows]);
  const summary = gaps.result?.summary ?? { complete: 0, partial: 0, missing: 0, none: 0 };
  const required = summary.complete + summary.partial + summary.missing;
  const percent = required ? Math.round((summary.complete / required) * 100) : 100;

  const toggle = (status: GapStatus) =>
    setFilter((f) => ({
      ...f,
      statuses: f.statuses.includes(status) ? f.statuses.filter((s) => s !== status) : [...f.statuses, status],
    }));

  const exportAs = (format: keyof typeof FORMATS) =>
    run(async () => {
      if (!system) return;
      const safeName = system.name.replace(/[\\/:*?"<>|]/g, '_');
      const name = `查漏补缺报告-${safeName}-${dayjs().format('YYYY-MM-DD')}.${format}`;
      const done = await saveProduced(nativeDialogs, name, [FORMATS[format].filter], (path) =>
        api.call('gaps.export', {
          systemId: system.id,
          format,
          statuses: filter.statuses,
          ...(filter.person ? { person: filter.person } : {}),
          ...(filter.unit ? { unit: filter.unit } : {}),
          ...(path ? { path } : {}),
        }),
      );
      if (done) void message.success(done);
    });

  const title = (
    <span className="tz-gaps-title">
      查漏补缺
      {system && (
        <span className="tz-gaps-system">
          {system.name}
          {(system.windowStart || system.windowEnd) &&
            ` · 测评期间 ${system.windowStart ?? '…'} 至 ${system.windowEnd ?? '…'}`}
        </span>
      )}
    </span>
  );

  const result = !system ? (
    <Empty className="tz-empty" description="还没有测评体系。请先在左侧导入测评体系或打开示例，再来查漏补缺。" />
  ) : (
    <>
      <div className="tz-gap-summary" role="group" aria-label="检查结果汇总">
        <div className="tz-gap-overall">
          <Progress
            type="circle"
            size={64}
            percent={percent}
            strokeColor={GAP_STATUS[percent === 100 ? 'complete' : percent > 0 ? 'partial' : 'missing'].color}
            format={(p) => `${p}%`}
          />
          <div>
            <div className="tz-gap-overall-label">总体齐全</div>
            <div className="tz-muted">
              需提供材料的 {required} 项指标中，{summary.complete} 项齐全
            </div>
          </div>
        </div>
        {GAP_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`tz-gap-stat tz-gap-stat-${s}${filter.statuses.includes(s) ? ' tz-gap-stat-on' : ''}`}
            aria-pressed={filter.statuses.includes(s)}
            title={filter.statuses.includes(s) ? '点击后不再列出这一类' : '点击后列出这一类'}
            onClick={() => toggle(s)}
          >
            <GapTag status={s} />
            <span className="tz-gap-stat-num">
              <span className="tz-gap-stat-count">{summary[s]}</span> 项
            </span>
          </button>
        ))}
      </div>
      <div className="tz-gap-listing">
        {filter.statuses.length
          ? `下面列出${GAP_STATUSES.filter((st) => filter.statuses.includes(st))
              .map((st) => `“${GAP_STATUS[st].label}”`)
              .join('、')}的末级指标，共 ${shown.length} 项。`
          : '没有选择要列出的状态。'}
        点击上方的卡片可以增减；点击一行转到该指标。
      </div>
      <div className="tz-gap-filters">
        <Select
          allowClear
          showSearch
          placeholder="收集人 / 审核人"
          value={filter.person ?? undefined}
          onChange={(v?: string) => setFilter((f) => ({ ...f, person: v ?? null }))}
          options={options.people.map((p) => ({ value: p, label: p }))}
          style={{ width: 150 }}
          aria-label="按人员筛选"
          notFoundContent="还没有指定收集人或审核人"
        />
        <Select
          allowClear
          showSearch
          placeholder="牵头 / 责任单位"
          value={filter.unit ?? undefined}
          onChange={(v?: string) => setFilter((f) => ({ ...f, unit: v ?? null }))}
          options={options.units.map((u) => ({ value: u, label: u }))}
          style={{ width: 170 }}
          aria-label="按单位筛选"
          notFoundContent="指标上还没有填写单位"
        />
        <Input
          allowClear
          prefix={<SearchOutlined className="tz-muted" />}
          placeholder="编码、名称或原因"
          value={filter.text}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          style={{ width: 190 }}
          aria-label="搜索指标"
        />
        <span className="tz-spacer" />
        <Space>
          {(['xlsx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              icon={format === 'xlsx' ? <FileExcelOutlined /> : <FilePdfOutlined />}
              disabled={busy || filter.statuses.length === 0}
              onClick={() => void exportAs(format)}
              title="按当前的状态、人员和单位筛选导出（不含搜索文字）"
            >
              {FORMATS[format].label}
            </Button>
          ))}
        </Space>
      </div>
      {gaps.error && <Alert type="error" showIcon title={gaps.error} className="tz-gap-error" />}
      <Table<GapRow>
        className="tz-gap-table"
        size="small"
        rowKey="id"
        dataSource={shown}
        loading={gaps.result === null && gaps.checking}
        pagination={{
          pageSize: 50,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 项`,
        }}
        locale={{ emptyText: emptyText(filter, rows.length) }}
        onRow={(r) => ({
          onClick: () => onJump(r.id),
          onKeyDown: (e) => {
            if (e.key === 'Enter') onJump(r.id);
          },
          tabIndex: 0,
          title: '点击转到这个指标',
        })}
        columns={[
          { title: '编码', dataIndex: 'code', width: 92, className: 'tz-gap-code' },
          {
            title: '指标',
            key: 'title',
            width: 230,
            render: (_, r) => (
              <div className="tz-gap-ind">
                <div>{r.title}</div>
                {r.parent && <div className="tz-gap-parent">{r.parent}</div>}
              </div>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 78,
            render: (_, r) => <GapTag status={r.result.status} />,
          },
          {
            title: '原因',
            key: 'reasons',
            render: (_, r) =>
              r.result.findings.length || r.result.satisfied.length ? (
                // A 齐全 row says what met its rules instead of an empty cell.
                <GapFindings result={r.result} limit={4} showSatisfied={r.result.findings.length === 0} />
              ) : (
                <span className="tz-muted">{r.result.status === 'none' ? '不需要提供材料' : '—'}</span>
              ),
          },
          { title: '收集人', dataIndex: 'collector', width: 78, render: personCell },
          { title: '审核人', dataIndex: 'reviewer', width: 78, render: personCell },
        ]}
      />
    </>
  );

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size="min(1120px, calc(100vw - 220px))"
      className="tz-gaps-drawer"
      // Closed by a click on a row, the rows' popovers must go with it; the filters live above and stay.
      destroyOnHidden
      extra={
        <Space>
          {gaps.checking && gaps.result && (
            <span className="tz-muted">
              <Spin size="small" /> 正在检查…
            </span>
          )}
          <Button icon={<ReloadOutlined />} onClick={gaps.reload} disabled={!system}>
            重新检查
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'result', label: '检查结果', children: result },
          {
            key: 'events',
            label: eventCount ? `自定义活动（${eventCount}）` : '自定义活动',
            // 只读审阅: the office's events can be read, not added to or changed.
            children: (
              <EditArea>
                <CalendarEvents onCount={onCount} />
              </EditArea>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

function personCell(name: string) {
  return name || <span className="tz-gap-nobody">未指定</span>;
}

function emptyText(filter: GapFilter, total: number): string {
  if (total === 0) return '这个测评体系还没有指标';
  if (filter.statuses.length === 0) return '请在上方点选要列出的状态（齐全、部分、缺失、无要求）';
  if (!filter.person && !filter.unit && !filter.text && filter.statuses.every((s) => TODO.includes(s)))
    return '没有缺失或部分齐全的指标，材料已经齐全';
  return '没有符合筛选条件的指标';
}
