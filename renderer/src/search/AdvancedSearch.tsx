import { DeleteOutlined, FilterOutlined, SaveOutlined, SearchOutlined, StarOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Tooltip,
  TreeSelect,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SavedSearch, SearchFilters, SearchHit } from '../../../shared/ipc/contract-search';
import { DOC_TYPES } from '../../../shared/materials/doc-types';
import {
  MATERIAL_STATUSES,
  STATUS_LABELS,
  type Material,
  type MaterialStatus,
} from '../../../shared/materials/api-types';
import type { IndicatorNode, Person } from '../../../shared/systems/api-types';
import { api } from '../api';
import { FormDialog } from '../components/FormDialog';
import { useAction } from '../hooks/use-action';
import { useCoreEvent } from '../hooks/use-core-event';
import { READ_ONLY_HINT, useReadOnly } from '../review/read-only';
import { useIndicatorOptions } from './indicator-options';
import { Snippet } from './Snippet';
import { useSearch } from './use-search';
import './search.css';

/** Rows listed at most; more conditions narrow it down. */
const LIMIT = 100;

type Values = {
  text: string;
  types: string[];
  statuses: MaterialStatus[];
  dates: [Dayjs | null, Dayjs | null] | null;
  indicatorId: number | null;
  person: string;
  unit: string;
  activity: string;
};

const EMPTY: Values = {
  text: '',
  types: [],
  statuses: [],
  dates: null,
  indicatorId: null,
  person: '',
  unit: '',
  activity: '',
};

function filtersOf(v: Values): SearchFilters {
  const f: SearchFilters = {};
  if (v.types.length) f.types = v.types;
  if (v.statuses.length) f.statuses = v.statuses;
  if (v.dates?.[0]) f.dateFrom = v.dates[0].format('YYYY-MM-DD');
  if (v.dates?.[1]) f.dateTo = v.dates[1].format('YYYY-MM-DD');
  if (v.indicatorId !== null) f.indicatorId = v.indicatorId;
  if (v.person.trim()) f.person = v.person.trim();
  if (v.unit.trim()) f.unit = v.unit.trim();
  if (v.activity.trim()) f.activity = v.activity.trim();
  return f;
}

function valuesOf(s: SavedSearch): Values {
  const f = s.filters;
  return {
    text: s.text,
    types: f.types ?? [],
    statuses: f.statuses ?? [],
    dates: f.dateFrom || f.dateTo ? [f.dateFrom ? dayjs(f.dateFrom) : null, f.dateTo ? dayjs(f.dateTo) : null] : null,
    indicatorId: f.indicatorId ?? null,
    person: f.person ?? '',
    unit: f.unit ?? '',
    activity: f.activity ?? '',
  };
}

/** The items behind the hits (date, type, status, links), fetched once each. */
function useDetails(ids: number[]): ReadonlyMap<number, Material> {
  const cache = useRef(new Map<number, Material>());
  const [, setVersion] = useState(0);
  const [generation, setGeneration] = useState(0);
  const key = ids.join(',');
  // An item's details change when it is edited: forget them all when the project changes.
  useCoreEvent((event) => {
    if (event.type !== 'project.changed') return;
    cache.current.clear();
    setGeneration((g) => g + 1);
  });
  useEffect(() => {
    let live = true;
    const missing = key
      ? key
          .split(',')
          .map(Number)
          .filter((id) => !cache.current.has(id))
      : [];
    if (missing.length === 0) return;
    void Promise.all(missing.map((id) => api.tryCall('materials.get', { id }))).then((results) => {
      for (const r of results) if (r.ok) cache.current.set(r.value.id, r.value);
      if (live) setVersion((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [key, generation]);
  return cache.current;
}

type Props = {
  open: boolean;
  onClose: () => void;
  /** What was typed in the search box when 高级搜索 was asked for. */
  initialText: string;
  indicators: IndicatorNode[];
  onOpenMaterial: (id: number, page?: { fileId?: number; page: number }) => void;
};

/**
 * 高级搜索: materials by words and conditions together (类型, 状态, 日期, 指标 with everything
 * under it, 人员, 单位, 活动), listed as a table; searches can be saved under a name and run again.
 */
export function AdvancedSearch({ open, onClose, initialText, indicators, onOpenMaterial }: Props) {
  const { message } = App.useApp();
  const readOnly = useReadOnly();
  const [values, setValues] = useState<Values>(EMPTY);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const { run } = useAction();
  const treeData = useIndicatorOptions(indicators);

  const loadSaved = useCallback(async () => {
    const r = await api.tryCall('search.saved', {});
    if (r.ok) setSaved(r.value);
  }, []);

  useEffect(() => {
    if (!open) return;
    setValues({ ...EMPTY, text: initialText });
    void loadSaved();
    void api.tryCall('people.list', {}).then((r) => r.ok && setPeople(r.value));
  }, [open, initialText, loadSaved]);

  const filters = filtersOf(values);
  const hasFilters = Object.keys(filters).length > 0;
  const text = values.text.trim();
  const asked = open && (text !== '' || hasFilters);
  const result = useSearch(asked ? { text, kind: 'material', filters, limit: LIMIT } : null);
  const hits = asked ? result.hits : [];
  const details = useDetails(hits.map((h) => h.id));
  const byId = useMemo(() => new Map(indicators.map((n) => [n.id, n])), [indicators]);

  const set = <K extends keyof Values>(k: K, v: Values[K]) => setValues((prev) => ({ ...prev, [k]: v }));
  const units = useMemo(() => {
    const all = new Set<string>();
    for (const p of people) if (p.unit) all.add(p.unit);
    for (const n of indicators) {
      if (n.leadUnit) all.add(n.leadUnit);
      for (const u of n.respUnit.split(/[、，,;；\s]+/)) if (u) all.add(u);
    }
    return [...all].map((u) => ({ value: u }));
  }, [people, indicators]);
  const match = (input: string, option?: { value: string }) => (option?.value ?? '').includes(input);

  const columns: ColumnsType<SearchHit> = [
    {
      title: '题名',
      key: 'title',
      render: (_, hit) => (
        <div>
          <div>{hit.title}</div>
          {hit.snippet !== undefined && hit.snippet.replace(/[«»]/g, '') !== hit.title && (
            <span className="tz-advanced-snippet">
              {hit.page !== undefined && <Tag className="tz-inline-tag">第{hit.page}页</Tag>}
              <Snippet text={hit.snippet} />
            </span>
          )}
        </div>
      ),
    },
    {
      title: '日期',
      key: 'date',
      width: 104,
      render: (_, hit) => details.get(hit.id)?.date ?? <span className="tz-muted">—</span>,
    },
    { title: '类型', key: 'type', width: 88, render: (_, hit) => details.get(hit.id)?.type ?? '' },
    {
      title: '状态',
      key: 'status',
      width: 80,
      render: (_, hit) => {
        const m = details.get(hit.id);
        return m ? <Tag>{STATUS_LABELS[m.status]}</Tag> : null;
      },
    },
    {
      title: '关联指标',
      key: 'links',
      width: 200,
      render: (_, hit) => {
        const m = details.get(hit.id);
        if (!m) return null;
        if (m.indicatorIds.length === 0) return <span className="tz-muted">待归类</span>;
        return m.indicatorIds
          .map((id) => byId.get(id))
          .map((n, i) => (n ? `${n.code} ${n.title}` : `其他测评体系的指标${i + 1}`))
          .join('；');
      },
    },
  ];

  const saveAs = async (name: string) => {
    await api.call('search.save', { name, text, kind: 'material', filters });
    setSaving(false);
    void message.success(`已保存搜索“${name}”`);
    await loadSaved();
  };

  const summary = !asked
    ? '输入关键词，或在左侧选择条件'
    : result.error
      ? result.error
      : result.searching && result.hits.length === 0
        ? '正在搜索…'
        : hits.length >= LIMIT
          ? `找到 ${LIMIT} 件以上，只列出前 ${LIMIT} 件。请加条件缩小范围。`
          : `找到 ${hits.length} 件`;

  return (
    <Drawer
      title={
        <span>
          <FilterOutlined /> 高级搜索
        </span>
      }
      open={open}
      onClose={onClose}
      size="min(1180px, calc(100vw - 120px))"
      className="tz-advanced-drawer"
      destroyOnHidden
    >
      <div className="tz-advanced-layout">
        <div className="tz-advanced-filters">
          <Form layout="vertical" size="middle" component="div">
            <Form.Item label="关键词">
              <Input
                value={values.text}
                onChange={(e) => set('text', e.target.value)}
                placeholder="题名、文号、责任者、正文…"
                prefix={<SearchOutlined className="tz-muted" />}
                allowClear
                aria-label="关键词"
              />
            </Form.Item>
            <Form.Item label="类型">
              <Select
                mode="multiple"
                value={values.types}
                onChange={(v: string[]) => set('types', v)}
                options={DOC_TYPES.map((t) => ({ value: t, label: t }))}
                placeholder="全部类型"
                allowClear
                aria-label="类型"
              />
            </Form.Item>
            <Form.Item label="整理状态">
              <Select<MaterialStatus[]>
                mode="multiple"
                value={values.statuses}
                onChange={(v) => set('statuses', v)}
                options={MATERIAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                placeholder="全部状态"
                allowClear
                aria-label="整理状态"
              />
            </Form.Item>
            <Form.Item label="日期">
              <DatePicker.RangePicker
                value={values.dates}
                onChange={(d) => set('dates', d ? [d[0], d[1]] : null)}
                allowEmpty={[true, true]}
                style={{ width: '100%' }}
                placeholder={['开始日期', '结束日期']}
                aria-label="日期"
              />
            </Form.Item>
            <Form.Item label="指标" extra="含它下面的所有指标">
              <TreeSelect<number>
                showSearch
                treeNodeFilterProp="title"
                value={values.indicatorId ?? undefined}
                onChange={(id) => set('indicatorId', id ?? null)}
                treeData={treeData}
                placeholder="全部指标"
                allowClear
                popupMatchSelectWidth={380}
                aria-label="指标"
              />
            </Form.Item>
            <Form.Item label="人员" extra="责任者，或指标的收集人">
              <AutoComplete
                value={values.person}
                onChange={(v: string) => set('person', v)}
                options={people.map((p) => ({ value: p.name }))}
                filterOption={match}
                allowClear
                placeholder="姓名"
                aria-label="人员"
              />
            </Form.Item>
            <Form.Item label="单位" extra="责任者，或指标的牵头、责任单位">
              <AutoComplete
                value={values.unit}
                onChange={(v: string) => set('unit', v)}
                options={units}
                filterOption={match}
                allowClear
                placeholder="单位名称"
                aria-label="单位"
              />
            </Form.Item>
            <Form.Item label="活动">
              <Input
                value={values.activity}
                onChange={(e) => set('activity', e.target.value)}
                placeholder="例如：垃圾分类宣传周"
                allowClear
                aria-label="活动"
              />
            </Form.Item>
          </Form>
          <div className="tz-editor-row">
            <Button onClick={() => setValues(EMPTY)} disabled={!asked}>
              清空条件
            </Button>
            <Tooltip title={readOnly ? READ_ONLY_HINT : undefined}>
              <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} disabled={!asked || readOnly}>
                保存搜索…
              </Button>
            </Tooltip>
          </div>
          <h4 className="tz-section-title">
            <StarOutlined /> 保存的搜索
          </h4>
          {saved.length === 0 ? (
            <div className="tz-muted">还没有保存的搜索。设好条件后点“保存搜索”，以后一点就能再查。</div>
          ) : (
            <ul className="tz-saved-list" aria-label="保存的搜索">
              {saved.map((s) => (
                <li key={s.id} className="tz-saved-item">
                  <Button
                    type="link"
                    size="small"
                    className="tz-saved-name"
                    title={`运行“${s.name}”`}
                    onClick={() => setValues(valuesOf(s))}
                  >
                    {s.name}
                  </Button>
                  {!readOnly && (
                    <Popconfirm
                      title={`删除保存的搜索“${s.name}”？`}
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() =>
                        run(async () => {
                          await api.call('search.deleteSaved', { id: s.id });
                          await loadSaved();
                        })
                      }
                    >
                      <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={`删除“${s.name}”`} />
                    </Popconfirm>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="tz-advanced-results">
          <div className="tz-advanced-summary" role="status">
            {summary}
            {asked && hits.length > 0 && <span className="tz-muted">· 点一行，在主窗口中打开这件材料</span>}
          </div>
          {asked ? (
            <Table<SearchHit>
              className="tz-advanced-table"
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={hits}
              pagination={false}
              scroll={{ y: 'calc(100vh - 210px)' }}
              loading={result.searching && hits.length === 0}
              onRow={(hit) => ({
                onClick: () =>
                  onOpenMaterial(hit.id, hit.page !== undefined ? { fileId: hit.fileId, page: hit.page } : undefined),
                style: { cursor: 'pointer' },
              })}
              locale={{ emptyText: result.searching ? ' ' : '没有符合条件的材料。可以减少条件，或换个关键词。' }}
            />
          ) : (
            <Empty
              className="tz-empty"
              description="按关键词和条件查找材料，例如：类型“照片”+ 日期 2026年3月 + 指标 A4"
            />
          )}
        </div>
      </div>
      <FormDialog<{ name: string }>
        name="saveSearch"
        title="保存搜索"
        okText="保存"
        open={saving}
        onCancel={() => setSaving(false)}
        initialValues={{ name: text || '' }}
        onSubmit={({ name }) => saveAs(name.trim())}
        lead="起个好认的名字，以后在“保存的搜索”中一点就能再查。同名的会被替换。"
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={50} autoFocus aria-label="搜索名称" />
        </Form.Item>
      </FormDialog>
    </Drawer>
  );
}
