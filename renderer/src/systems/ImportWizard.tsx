import {
  CheckCircleFilled,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
  LoadingOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Spin,
  Space,
  Steps,
  Table,
  Tag,
  Tree,
  Upload,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ImportOverview, ImportPreview, SheetOverview } from '../../../shared/systems/api-types';
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
const day = (s: string | null) => (s ? dayjs(s) : null);

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
  // At 125–150% scaling a 1366×768 screen leaves ~520–610 CSS pixels: the virtual tree's fixed height follows the window.
  const treeHeight = Math.min(560, Math.max(220, useViewportHeight() - 330));

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
  const blocked = preview !== null && (preview.issueCount > 0 || preview.indicators.length === 0);

  return (
    <Modal
      title="导入测评体系"
      open={open}
      width={1100}
      style={{ top: 24 }}
      onCancel={close}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          {step === 'done' ? (
            <Button type="primary" onClick={close}>
              完成
            </Button>
          ) : (
            <>
              {prev && step !== 'file' && (
                <Button onClick={() => go(prev)} disabled={busy}>
                  上一步
                </Button>
              )}
              {next && next !== 'done' && step !== 'file' && (
                <Button
                  type="primary"
                  onClick={() => go(next)}
                  disabled={busy || (step === 'mapping' && !hasLevel(mapping))}
                >
                  下一步
                </Button>
              )}
              {step === 'preview' && (
                <Button type="primary" loading={busy} disabled={!preview || blocked} onClick={() => form.submit()}>
                  导入
                </Button>
              )}
            </>
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
          {overview && (
            <Alert
              type="info"
              showIcon
              title={`已选择《${overview.fileName}》，点“下一步”继续；也可以重新选择文件。`}
              action={
                <Button size="small" type="primary" onClick={() => setStep(steps[1] ?? 'preview')}>
                  下一步
                </Button>
              }
            />
          )}
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
              <p className="ant-upload-drag-icon">{busy ? <LoadingOutlined /> : <InboxOutlined />}</p>
              <p className="ant-upload-text">{busy ? '正在读取表格…' : '点击选择，或把测评体系表格拖到这里'}</p>
              <p className="ant-upload-hint">支持 Excel（.xlsx、.xls）、CSV 和台账通导出的 JSON 文件</p>
            </Upload.Dragger>
          )}
          <div className="tz-wizard-tips">
            <div className="tz-wizard-tips-title">什么样的表格可以导入？</div>
            <ul>
              <li>市里、区里发来的测评体系表、任务分解表，一般不用改格式就能直接导入。</li>
              <li>
                有“一级指标 / 二级指标 / 三级指标”（或“测评项目 / 测评内容 /
                测评标准”）这样的列即可，合并单元格也没关系。
              </li>
              <li>测评方法、分值、材料要求、牵头单位、责任单位、完成时限等列会一并读入。</li>
            </ul>
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => void downloadSample()}
              className="tz-wizard-sample"
            >
              下载示例表格
            </Button>
          </div>
        </div>
      )}

      {step === 'sheet' && overview && (
        <div className="tz-wizard-sheets">
          <p className="tz-muted">这个文件有 {overview.sheets.length} 个工作表，请选择测评体系所在的那一个：</p>
          <Radio.Group value={sheet} onChange={(e) => chooseSheet(overview, Number(e.target.value))}>
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
        </div>
      )}

      {step === 'mapping' && current && mapping && (
        <MappingStep
          sheetName={current.name}
          rowCount={current.rowCount}
          rows={current.preview}
          merges={current.merges}
          detected={current.detected?.mapping ?? null}
          mapping={mapping}
          onChange={setMapping}
        />
      )}

      {step === 'preview' && (
        <div className="tz-wizard-preview">
          <div className="tz-wizard-preview-tree">
            {preview ? (
              <>
                <div className="tz-wizard-counts">
                  共 <b>{preview.indicators.length}</b> 条指标：
                  {[1, 2, 3, 4]
                    .map((l) => [l, preview.indicators.filter((d) => d.level === l).length] as const)
                    .filter(([, n]) => n > 0)
                    .map(([l, n]) => `${preview.levelNames[l - 1] ?? LEVEL_LABELS[l - 1]} ${n} 条`)
                    .join('，')}
                </div>
                <Tree
                  virtual
                  height={treeHeight}
                  blockNode
                  defaultExpandAll
                  treeData={treeOf(preview.indicators)}
                  aria-label="预览"
                />
              </>
            ) : (
              busy && <Spin className="tz-tree-spin" />
            )}
          </div>
          <div className="tz-wizard-preview-side">
            {preview && preview.issueCount > 0 && (
              <Alert
                type="error"
                showIcon
                title={`发现 ${preview.issueCount} 处问题，改正后才能导入`}
                description={
                  <>
                    <ul className="tz-issue-list">
                      {preview.issues.map((i) => (
                        <li key={`${i.sheet}-${i.row}-${i.message}`}>{i.message}</li>
                      ))}
                      {preview.issueCount > preview.issues.length && (
                        <li>……另有 {preview.issueCount - preview.issues.length} 处</li>
                      )}
                    </ul>
                    <div className="tz-issue-advice">
                      请在 Excel
                      里改正这些行后重新选择文件，或点“上一步”调整各列的含义和表头所在行。为免只导入一半，有问题时不会导入任何内容。
                    </div>
                  </>
                }
              />
            )}
            {preview && preview.issueCount === 0 && preview.indicators.length === 0 && (
              <Alert type="warning" showIcon title="没有读到任何指标，请点“上一步”检查工作表和各列的含义。" />
            )}
            {preview && !blocked && <Alert type="success" showIcon title="没有发现问题，可以导入" />}
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
              <Form.Item label="测评期间" name="window" extra="材料的日期应在这个期间内，例如上年8月1日至本年7月31日">
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Form>
          </div>
        </div>
      )}

      {step === 'done' && imported && (
        <Result
          status="success"
          title={`已导入 ${imported.count} 条指标`}
          subTitle={`“${imported.name}”已显示在左侧。接下来可以逐条核对材料要求、确认检查规则，并指定收集人和审核人。`}
        />
      )}
    </Modal>
  );
}

function useViewportHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

function hasLevel(mapping: ColumnMapping | null): boolean {
  return mapping?.columns.includes('level1') ?? false;
}

function emptyMapping(view: ImportOverview, index: number): ColumnMapping {
  const width = view.sheets[index]?.colCount ?? 0;
  return { headerStart: 1, headerEnd: 1, columns: new Array<FieldRole | null>(width).fill(null) };
}

type Merge = SheetOverview['merges'][number];
type Span = { rowSpan: number; colSpan: number };

/**
 * Cell spans for the merged regions (0-based, clipped to what is shown), so the preview looks
 * like the sheet in Excel: a 一级指标 merged down its children shows once, as the user knows it.
 */
function spansOf(merges: Merge[], rowCount: number, colCount: number): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const m of merges) {
    const r2 = Math.min(m.r2, rowCount - 1);
    const c2 = Math.min(m.c2, colCount - 1);
    if (m.r1 > r2 || m.c1 > c2) continue;
    for (let r = m.r1; r <= r2; r++)
      for (let c = m.c1; c <= c2; c++) {
        const master = r === m.r1 && c === m.c1;
        spans.set(`${r}:${c}`, master ? { rowSpan: r2 - r + 1, colSpan: c2 - c + 1 } : { rowSpan: 0, colSpan: 0 });
      }
  }
  return spans;
}

type MappingProps = {
  sheetName: string;
  rowCount: number;
  rows: string[][];
  merges: Merge[];
  detected: ColumnMapping | null;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
};

/** 核对列: the first rows of the sheet, with each column's meaning chosen above it. */
function MappingStep({ sheetName, rowCount, rows, merges, detected, mapping, onChange }: MappingProps) {
  const width = Math.max(mapping.columns.length, ...rows.map((r) => r.length));
  const spans = useMemo(() => spansOf(merges, rows.length, width), [merges, rows.length, width]);
  const setRole = (col: number, role: FieldRole | null) => {
    const columns = Array.from({ length: width }, (_, i) => mapping.columns[i] ?? null);
    // A role belongs to one column: choosing it here clears it elsewhere.
    const next = columns.map((r, i) => (i === col ? role : r === role ? null : r));
    onChange({ ...mapping, columns: next });
  };
  const data = rows.map((cells, r) => ({ key: r, row: r + 1, cells }));
  const isHeader = (row: number) => row >= mapping.headerStart && row <= mapping.headerEnd;
  const columns = [
    {
      title: '行号',
      dataIndex: 'row',
      width: 58,
      fixed: 'left' as const,
      className: 'tz-map-rowno',
      render: (row: number) => (
        <>
          {row}
          {isHeader(row) && <span className="tz-map-rowtag">表头</span>}
        </>
      ),
    },
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
        onCell: (rec: { key: number }) => spans.get(`${rec.key}:${c}`) ?? {},
        render: (_: unknown, rec: { cells: string[] }) => <span className="tz-map-cell">{rec.cells[c] ?? ''}</span>,
      };
    }),
  ];
  return (
    <div className="tz-mapping">
      <div className="tz-mapping-bar">
        {detected ? (
          <span className="tz-mapping-note">
            <CheckCircleFilled className="tz-tone-info" /> 已按表头自动识别各列的含义（标有
            <Tag color="blue" className="tz-inline-tag">
              已识别
            </Tag>
            ），请核对，不对的直接改。
          </span>
        ) : (
          <Alert
            type="warning"
            showIcon
            title={`没能在工作表“${sheetName}”里自动认出表头，请指定表头所在的行和每一列的含义。`}
          />
        )}
        <Space size={4} className="tz-mapping-header-rows">
          表头所在行：第
          <InputNumber
            size="small"
            min={1}
            max={rows.length}
            value={mapping.headerStart}
            onChange={(v) => v && onChange({ ...mapping, headerStart: v, headerEnd: Math.max(v, mapping.headerEnd) })}
            aria-label="表头起始行"
            style={{ width: 56 }}
          />
          行至第
          <InputNumber
            size="small"
            min={mapping.headerStart}
            max={rows.length}
            value={mapping.headerEnd}
            onChange={(v) => v && onChange({ ...mapping, headerEnd: v })}
            aria-label="表头结束行"
            style={{ width: 56 }}
          />
          行
        </Space>
      </div>
      {!hasLevel(mapping) && (
        <Alert
          type="info"
          showIcon
          className="tz-wizard-alert"
          title="请至少把一列设为“一级指标”（指标名称所在的列），然后点“下一步”。"
        />
      )}
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content', y: 'calc(100vh - 370px)' }}
        columns={columns}
        dataSource={data}
        rowClassName={(rec) =>
          isHeader(rec.row) ? 'tz-map-header-row' : rec.row < mapping.headerStart ? 'tz-map-above' : ''
        }
      />
      <div className="tz-muted tz-mapping-foot">
        工作表“{sheetName}”共 {rowCount} 行{rows.length < rowCount ? `，这里显示前 ${rows.length} 行` : ''}。
      </div>
    </div>
  );
}
