import { CheckCircleFilled, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Progress, Table } from 'antd';
import type { OutputFile } from '../../../shared/ipc/contract-binder';
import { formatBytes, formatDateTime } from '../format';
import { CopyablePath, FileButtons, type useOutputActions } from './FileActions';
import { volumeLabel } from './PlanPreview';
import { jobPercent, type TrackedJob } from './use-tracked-job';

/** What binder.build's job answers (the CLI's --json, plus where it wrote). */
export type BindResultView = {
  volumes: {
    seq?: number;
    file: string;
    pages: number;
    bytes: number;
    title: string;
    part: number;
    parts: number;
    itemPages: number;
    index: { code: string; title: string; itemId: number; startPage: number; endPage: number }[];
  }[];
  problems: { itemId: number; title: string; file: string; message: string; volume: string }[];
  warnings: string[];
  spine?: string;
  outDir: string;
};

type Actions = ReturnType<typeof useOutputActions>;

export const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A running job: how far, what it is doing, and 取消. */
export function JobProgress({
  job,
  title,
  onCancel,
}: {
  job: TrackedJob<unknown>;
  title: string;
  onCancel: () => void;
}) {
  const percent = jobPercent(job);
  return (
    <div className="tz-binder-progress" role="group" aria-label={title}>
      <div className="tz-binder-progress-head">
        <span className="tz-binder-progress-title">{title}</span>
        <span className="tz-muted tz-binder-progress-message" aria-live="polite">
          {job.message || '正在准备…'}
        </span>
        <Button onClick={onCancel} disabled={job.status !== 'running' || job.cancelling}>
          {job.cancelling ? '正在取消…' : '取消'}
        </Button>
      </div>
      <Progress percent={percent} status="active" aria-label={`${title}进度`} />
    </div>
  );
}

function ProblemList({ result }: { result: Pick<BindResultView, 'problems' | 'warnings'> }) {
  return (
    <>
      {result.problems.length > 0 && (
        <Alert
          className="tz-binder-alert"
          type="warning"
          showIcon
          title={`${result.problems.length} 处材料没能装订进去，请检查后重新装订`}
          description={
            <ul className="tz-binder-list">
              {result.problems.map((p, i) => (
                <li key={`${p.itemId}-${i}`}>
                  《{p.title}》{p.file && p.file !== p.title ? `的文件《${baseName(p.file)}》` : ''}：{p.message}
                  {p.volume && <span className="tz-muted">（{baseName(p.volume)}）</span>}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {result.warnings.length === 1 && (
        <Alert className="tz-binder-alert" type="info" showIcon title={result.warnings[0]} />
      )}
      {result.warnings.length > 1 && (
        <Alert
          className="tz-binder-alert"
          type="info"
          showIcon
          title={
            <ul className="tz-binder-list">
              {result.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}

type ResultRow = { key: string; label: string; file: string; pages: number | null; bytes: number; spine?: boolean };

/** The volumes a run made, each with 打开 / 在文件夹中显示 / 打印; then what went wrong. */
export function BindResultList({
  result,
  actions,
  onPrint,
  sizeLimitMb,
  onSplitBySize,
}: {
  result: BindResultView;
  actions: Actions;
  onPrint: (file: string) => void;
  /** 体积提醒: volumes larger than this are offered a rebuild split by size. */
  sizeLimitMb: number;
  onSplitBySize: () => void;
}) {
  const oversized = result.volumes.filter((v) => v.bytes > sizeLimitMb * 1024 * 1024);
  const rows: ResultRow[] = result.volumes.map((v, i) => ({
    key: v.file,
    label: volumeLabel({ seq: v.seq ?? i + 1, title: v.title, part: v.part, parts: v.parts }),
    file: v.file,
    pages: v.pages,
    bytes: v.bytes,
  }));
  if (result.spine)
    rows.push({ key: result.spine, label: '卷脊', file: result.spine, pages: null, bytes: 0, spine: true });
  const pages = result.volumes.reduce((n, v) => n + v.pages, 0);

  return (
    <div className="tz-binder-results">
      <div className="tz-binder-done">
        <CheckCircleFilled className="tz-tone-success" />
        <span>
          装订完成：共 {result.volumes.length} 卷，{pages} 页
          {result.problems.length > 0 && `，${result.problems.length} 处材料没能装订`}
        </span>
        <span className="tz-spacer" />
        <Button icon={<FolderOpenOutlined />} onClick={() => void actions.open(result.outDir)}>
          打开文件夹
        </Button>
      </div>
      <div className="tz-binder-outdir-line">
        保存在：
        <CopyablePath path={result.outDir} />
      </div>
      <ProblemList result={result} />
      {oversized.length > 0 && (
        <Alert
          className="tz-binder-alert"
          type="warning"
          showIcon
          title={`${oversized.length} 卷超过 ${sizeLimitMb} MB，打印店或网上申报可能收不下`}
          description="可以按大小分卷：每卷在两件材料之间断开，保持在这个大小以内。"
          action={
            <Button size="small" onClick={onSplitBySize}>
              按 {sizeLimitMb} MB 分卷重新装订
            </Button>
          }
        />
      )}
      <Table<ResultRow>
        className="tz-binder-result-table"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '案卷',
            key: 'label',
            render: (_, r) => (
              <div>
                <div className="tz-binder-result-title">{r.label}</div>
                <div className="tz-binder-file-name">{baseName(r.file)}</div>
              </div>
            ),
          },
          {
            title: '页数',
            key: 'pages',
            width: 76,
            align: 'right',
            render: (_, r) => (r.pages === null ? '—' : <span className="tz-binder-pages">{r.pages} 页</span>),
          },
          {
            title: '大小',
            key: 'bytes',
            width: 84,
            align: 'right',
            render: (_, r) => (r.spine ? '—' : formatBytes(r.bytes)),
          },
          {
            title: '',
            key: 'actions',
            width: 300,
            render: (_, r) => <FileButtons file={r.file} name={baseName(r.file)} actions={actions} onPrint={onPrint} />,
          },
        ]}
      />
    </div>
  );
}

/** The PDFs earlier runs left in the output folder, newest first. */
export function EarlierOutputs({
  outputs,
  actions,
  onPrint,
}: {
  outputs: { dir: string; files: OutputFile[] } | null;
  actions: Actions;
  onPrint: (file: string) => void;
}) {
  if (!outputs) return null;
  if (outputs.files.length === 0)
    return (
      <Empty className="tz-empty" description="还没有装订过案卷。检查左侧的选项和“卷内目录预览”，然后点“开始装订”。" />
    );
  return (
    <div className="tz-binder-results">
      <div className="tz-binder-done">
        <span>之前生成的文件（{outputs.files.length} 个）</span>
        <span className="tz-spacer" />
        <Button icon={<FolderOpenOutlined />} onClick={() => void actions.open(outputs.dir)}>
          打开文件夹
        </Button>
      </div>
      <div className="tz-binder-outdir-line">
        保存在：
        <CopyablePath path={outputs.dir} />
      </div>
      <Table<OutputFile>
        className="tz-binder-result-table"
        size="small"
        rowKey="file"
        dataSource={outputs.files}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '文件', key: 'name', render: (_, f) => <span className="tz-binder-output-name">{f.name}</span> },
          { title: '生成时间', key: 'when', width: 140, render: (_, f) => formatDateTime(f.modifiedAt) },
          { title: '大小', key: 'bytes', width: 84, align: 'right', render: (_, f) => formatBytes(f.bytes) },
          {
            title: '',
            key: 'actions',
            width: 300,
            render: (_, f) => <FileButtons file={f.file} name={f.name} actions={actions} onPrint={onPrint} />,
          },
        ]}
      />
    </div>
  );
}

export { ProblemList };
