import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Tree,
  Upload,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { ImportOverview, ImportPreview } from '../../../shared/systems/api-types';
import {
  FIELD_ROLE_LABELS,
  FIELD_ROLES,
  type ColumnMapping,
  type FieldRole,
  type IndicatorDraft,
} from '../../../shared/systems/model';
import { api } from '../api';
import { errorText } from '../errors';
import { readAsBase64, saveProduced } from './file-io';

type Props = {
  open: boolean;
  nativeDialogs: boolean;
  onClose: () => void;
  /** The system is stored; the wizard stays open on 完成 while the tree behind it shows the system. */
  onImported: (systemId: number) => void;
};

type Step = 'file' | 'sheet' | 'mapping' | 'preview' | 'done';
const STEP_TITLES: Record<Step, string> = {
  file: '选择文件',
  sheet: '选择工作表',
  mapping: '核对列',
  preview: '预览',
  done: '完成',
};

const FILE_FILTERS = [{ name: 'Excel 表格、CSV 或台账通 JSON', extensions: ['xlsx', 'xls', 'csv', 'json'] }];
const SAMPLE_FILTERS = [{ name: 'Excel 表格', extensions: ['xlsx'] }];

const ROLE_OPTIONS = [
  { value: '', label: '不导入' },
  ...FIELD_ROLES.map((r) => ({ value: r, label: FIELD_ROLE_LABELS[r] })),
];
const LEVEL_LABELS = ['一级', '二级', '三级', '四级'];

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function treeOf(drafts: IndicatorDraft[]): DataNode[] {
  const byParent = new Map<string | null, IndicatorDraft[]>();
  for (const d of drafts) byParent.set(d.parentKey, [...(byParent.get(d.parentKey) ?? []), d]);
  const build = (parent: string | null): DataNode[] =>
    (byParent.get(parent) ?? []).map((d) => ({
      key: d.key,
      title: (
        <span className="tz-ind">
          <span className="tz-ind-code">{d.code}</span>
          <span className="tz-ind-title">{d.title}</span>
          {d.sourceRow !== null && <span className="tz-ind-row">第{d.sourceRow}行</span>}
        </span>
      ),
      children: build(d.key),
    }));
  return build(null);
}

type MetaValues = { name: string; edition: string; window: [Dayjs | null, Dayjs | null] | null };
type Imported = { name: string; count: number };

/** Our own exports and JSON files carry their layout, so the sheet and column steps are skipped. */
function isDirect(view: ImportOverview): boolean {
  return view.kind === 'json' || view.ownExport;
}

/** 导入测评体系: file → sheet → column roles → preview tree → import (all or nothing). */
export function ImportWizard({ open, nativeDialogs, onClose, onImported }: Props) {
  const [overview, setOverview] = useState<ImportOverview | null>(null);
  const [sheet, setSheet] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [form] = Form.useForm<MetaValues>();

  const steps: Step[] = useMemo(() => {
    const list: Step[] = ['file'];
    if (overview && !isDirect(overview)) {
      if (overview.sheets.length > 1) list.push('sheet');
      list.push('mapping');
    } else if (!overview) {
      // Until a file is chosen, show the usual path so the user sees what comes.
      list.push('mapping');
    }
    list.push('preview', 'done');
    return list;
  }, [overview]);

  const reset = () => {
    setOverview(null);
    setPreview(null);
    setMapping(null);
    setImported(null);
    setStep('file');
    setError(null);
  };

  const close = () => {
    reset();
    onClose();
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** The mapping sent to the core: none for JSON, else the (detected or edited) one. */
  const mappingFor = (view: ImportOverview, map: ColumnMapping | null) => (view.kind === 'json' ? null : map);

  const chooseSheet = (view: ImportOverview, index: number): ColumnMapping => {
    const map = view.sheets[index]?.detected?.mapping ?? emptyMapping(view, index);
    setSheet(index);
    setMapping(map);
    return map;
  };

  const opened = (view: ImportOverview) => {
    setOverview(view);
    setPreview(null);
    const map = chooseSheet(view, view.suggestedSheet);
    const base = view.fileName.replace(/\.[^.]+$/, '');
    const window = view.meta ? [day(view.meta.windowStart), day(view.meta.windowEnd)] : null;
    form.setFieldsValue({
      name: view.meta?.name ?? base,
      edition: view.meta?.edition ?? '',
      window: window as MetaValues['window'],
    });
    const next: Step = isDirect(view) ? 'preview' : view.sheets.length > 1 ? 'sheet' : 'mapping';
    // An export of ours carries its exact mapping (detected with full confidence), so it goes along.
    if (next === 'preview') void loadPreview(view, view.suggestedSheet, mappingFor(view, map));
    setStep(next);
  };

  const pickNative = () =>
    run(async () => {
      const { path } = await api.call('dialog.pickFile', { title: '选择测评体系表格', filters: FILE_FILTERS });
      if (path) opened(await api.call('systems.importOpen', { path }));
    });

  const upload = (file: File) =>
    run(async () => {
      opened(await api.call('systems.importOpen', { fileName: file.name, dataBase64: await readAsBase64(file) }));
    });

  const loadPreview = (view: ImportOverview, sheetIndex: number, map: ColumnMapping | null) =>
    run(async () => {
      setPreview(null);
      setPreview(await api.call('systems.importPreview', { sourceId: view.sourceId, sheet: sheetIndex, mapping: map }));
    });

  const go = (target: Step) => {
    if (!overview) return;
    setError(null);
    if (target === 'preview') void loadPreview(overview, sheet, mappingFor(overview, mapping));
    setStep(target);
  };

  const commit = (values: MetaValues) =>
    run(async () => {
      if (!overview || !preview) return;
      const name = values.name.trim();
      const result = await api.call('systems.importCommit', {
        sourceId: overview.sourceId,
        sheet,
        mapping: mappingFor(overview, mapping),
        meta: {
          name,
          edition: (values.edition ?? '').trim(),
          windowStart: values.window?.[0]?.format('YYYY-MM-DD') ?? null,
          windowEnd: values.window?.[1]?.format('YYYY-MM-DD') ?? null,
          levelNames: overview.meta?.levelNames ?? preview.levelNames,
        },
      });
      setImported({ name, count: result.indicatorCount });
      setStep('done');
      onImported(result.systemId);
    });

  const downloadSample = () =>
    run(async () => {
      await saveProduced(nativeDialogs, '示例测评体系.xlsx', SAMPLE_FILTERS, (path) =>
        api.call('systems.sampleWorkbook', path ? { path } : {}),
      );
    });

  const index = steps.indexOf(step);
  const prev = index > 0 ? steps[index - 1] : undefined;
  const next = index < steps.length - 1 ? steps[index + 1] : undefined;
  const current = overview?.sheets[sheet];

  return (
    <Modal
      title="导入测评体系"
      open={open}
      width={1100}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={
        <Space>
          {prev && step !== 'file' && (
            <Button onClick={() => go(prev)} disabled={busy}>
              上一步
            </Button>
          )}
          {next && step !== 'file' && (
            <Button
              type="primary"
              onClick={() => go(next)}
              disabled={busy || (step === 'mapping' && !hasLevel(mapping))}
            >
              下一步
            </Button>
          )}
          {step === 'preview' && (
            <Button
              type="primary"
              loading={busy}
              disabled={!preview || preview.issueCount > 0 || preview.indicators.length === 0}
              onClick={() => form.submit()}
            >
              导入
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={index}
        items={steps.map((s) => ({ title: STEP_TITLES[s] }))}
        className="tz-wizard-steps"
      />
      {error && <Alert type="error" showIcon title={error} className="tz-wizard-alert" />}

      {step === 'file' && (
        <div className="tz-wizard-file">
          {nativeDialogs ? (
            <Button
              type="primary"
              size="large"
              icon={<FileExcelOutlined />}
              onClick={() => void pickNative()}
              loading={busy}
            >
              选择表格文件…
            </Button>
          ) : (
            <Upload.Dragger
              accept=".xlsx,.xls,.csv,.json"
              showUploadList={false}
              multiple={false}
              disabled={busy}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击选择，或把测评体系表格拖到这里</p>
              <p className="ant-upload-hint">支持 Excel（.xlsx、.xls）、CSV 和台账通导出的 JSON 文件</p>
            </Upload.Dragger>
          )}
          <p className="tz-muted">
            市里发来的测评体系表、任务分解表都可以直接导入，不需要先改格式。想看看什么样的表格最合适？
            <Button type="link" size="small" onClick={() => void downloadSample()}>
              下载示例表格
            </Button>
          </p>
        </div>
      )}

      {step === 'sheet' && overview && (
        <Radio.Group
          value={sheet}
          onChange={(e) => chooseSheet(overview, Number(e.target.value))}
          className="tz-wizard-sheets"
        >
          <div className="tz-wizard-sheet-list">
            {overview.sheets.map((s) => (
              <Radio key={s.index} value={s.index}>
                {s.name}
                <span className="tz-muted">（{s.rowCount} 行）</span>
                {s.index === overview.suggestedSheet && s.detected && <Tag color="blue">像是测评体系</Tag>}
              </Radio>
            ))}
          </div>
        </Radio.Group>
      )}

      {step === 'mapping' && current && mapping && (
        <MappingStep
          sheetName={current.name}
          rows={current.preview}
          detected={current.detected?.mapping ?? null}
          mapping={mapping}
          onChange={setMapping}
        />
      )}

      {step === 'preview' && (
        <div className="tz-wizard-preview">
          <div className="tz-wizard-preview-tree">
            {preview && (
              <>
                <div className="tz-wizard-counts">
                  共 {preview.indicators.length} 条指标：
                  {[1, 2, 3, 4]
                    .map((l) => [l, preview.indicators.filter((d) => d.level === l).length] as const)
                    .filter(([, n]) => n > 0)
                    .map(([l, n]) => `${preview.levelNames[l - 1] ?? LEVEL_LABELS[l - 1]} ${n} 条`)
                    .join('，')}
                </div>
                <Tree
                  virtual
                  height={360}
                  blockNode
                  defaultExpandAll
                  treeData={treeOf(preview.indicators)}
                  aria-label="预览"
                />
              </>
            )}
          </div>
          <div className="tz-wizard-preview-side">
            {preview && preview.issueCount > 0 && (
              <Alert
                type="error"
                showIcon
                title={`有 ${preview.issueCount} 处问题，改正后才能导入（不会只导入一部分）`}
                description={
                  <ul className="tz-issue-list">
                    {preview.issues.map((i) => (
                      <li key={`${i.sheet}-${i.row}-${i.message}`}>{i.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {preview && preview.issueCount === 0 && <Alert type="success" showIcon title="没有发现问题，可以导入" />}
            <Form<MetaValues> form={form} layout="vertical" onFinish={(v) => void commit(v)} className="tz-wizard-meta">
              <Form.Item
                label="测评体系名称"
                name="name"
                rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
              >
                <Input maxLength={100} placeholder="例如：全国文明城市测评体系" />
              </Form.Item>
              <Form.Item label="版本 / 年度" name="edition">
                <Input maxLength={50} placeholder="例如：2026版" />
              </Form.Item>
              <Form.Item label="测评期间" name="window" extra="例如上年8月1日至本年7月31日">
                <DatePicker.RangePicker allowEmpty={[true, true]} />
              </Form.Item>
            </Form>
          </div>
        </div>
      )}
    </Modal>
  );
}

function hasLevel(mapping: ColumnMapping | null): boolean {
  return mapping?.columns.includes('level1') ?? false;
}

function emptyMapping(view: ImportOverview, index: number): ColumnMapping {
  const width = view.sheets[index]?.colCount ?? 0;
  return { headerStart: 1, headerEnd: 1, columns: new Array<FieldRole | null>(width).fill(null) };
}

type MappingProps = {
  sheetName: string;
  rows: string[][];
  detected: ColumnMapping | null;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
};

/** 核对列: the first rows of the sheet, with each column's meaning chosen above it. */
function MappingStep({ sheetName, rows, detected, mapping, onChange }: MappingProps) {
  const width = Math.max(mapping.columns.length, ...rows.map((r) => r.length));
  const setRole = (col: number, role: FieldRole | null) => {
    const columns = Array.from({ length: width }, (_, i) => mapping.columns[i] ?? null);
    // A role belongs to one column: choosing it here clears it elsewhere.
    const next = columns.map((r, i) => (i === col ? role : r === role ? null : r));
    onChange({ ...mapping, columns: next });
  };
  const data = rows.map((cells, r) => ({ key: r, row: r + 1, cells }));
  const columns = [
    { title: '行', dataIndex: 'row', width: 48, fixed: 'left' as const, className: 'tz-map-rowno' },
    ...Array.from({ length: width }, (_, c) => {
      const role = mapping.columns[c] ?? null;
      const found = detected !== null && detected.columns[c] === role && role !== null;
      return {
        key: c,
        width: 150,
        title: (
          <div className="tz-map-head">
            <span className="tz-muted">{columnLetter(c)} 列</span>
            <Select<string>
              size="small"
              value={role ?? ''}
              options={ROLE_OPTIONS}
              onChange={(v) => setRole(c, (v || null) as FieldRole | null)}
              style={{ width: '100%' }}
              aria-label={`${columnLetter(c)} 列的含义`}
              popupMatchSelectWidth={false}
            />
            {found && <Tag color="blue">已识别</Tag>}
          </div>
        ),
        render: (_: unknown, rec: { cells: string[] }) => <span className="tz-map-cell">{rec.cells[c] ?? ''}</span>,
      };
    }),
  ];
  return (
    <div className="tz-mapping">
      <div className="tz-mapping-bar">
        {detected ? (
          <span>已按表头自动识别各列含义（蓝色标记），请核对；不对的地方直接改。</span>
        ) : (
          <Alert
            type="warning"
            showIcon
            title={`在工作表“${sheetName}”里没认出表头，请指定表头所在的行和每一列的含义。`}
          />
        )}
        <Space>
          表头所在行：第
          <InputNumber
            size="small"
            min={1}
            max={rows.length}
            value={mapping.headerStart}
            onChange={(v) => v && onChange({ ...mapping, headerStart: v, headerEnd: Math.max(v, mapping.headerEnd) })}
          />
          行 至 第
          <InputNumber
            size="small"
            min={mapping.headerStart}
            max={rows.length}
            value={mapping.headerEnd}
            onChange={(v) => v && onChange({ ...mapping, headerEnd: v })}
          />
          行
        </Space>
      </div>
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content', y: 300 }}
        columns={columns}
        dataSource={data}
        rowClassName={(rec) =>
          rec.row >= mapping.headerStart && rec.row <= mapping.headerEnd
            ? 'tz-map-header-row'
            : rec.row < mapping.headerStart
              ? 'tz-map-above'
              : ''
        }
      />
    </div>
  );
}
