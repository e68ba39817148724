import { CloudUploadOutlined, FileExcelOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Modal, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { formatBytes } from '../format';
import { JobProgress, ProblemList, baseName } from './BindResults';
import { CopyablePath, type useOutputActions } from './FileActions';
import { useTrackedJob } from './use-tracked-job';

/** What binder.exportSubmission's job answers. */
type ExportResult = {
  outDir: string;
  /** The index workbook. */
  index: string;
  folders: {
    code: string;
    title: string;
    dir: string;
    files: { file: string; itemId: number; title: string; pages: number; bytes: number }[];
  }[];
  problems: { itemId: number; title: string; file: string; message: string; volume?: string }[];
  warnings: string[];
};

type Props = {
  open: boolean;
  onClose: () => void;
  /** The scope on the binder screen: the same indicators are exported. */
  systemId: number | null;
  indicatorIds: number[] | null;
  actions: ReturnType<typeof useOutputActions>;
};

/**
 * 网上申报导出: the evidence as per-indicator folders of PDFs (one per item, or one per
 * indicator) with an index workbook, for the assessment's online upload.
 */
export function ExportSubmission({ open, onClose, systemId, indicatorIds, actions }: Props) {
  const [merge, setMerge] = useState(false);
  const [maxFileMb, setMaxFileMb] = useState<number | null>(null);
  const { job, start, cancel, reset } = useTrackedJob<ExportResult>('binder.exportSubmission');
  const running = job.status === 'starting' || job.status === 'running';

  const begin = () => {
    if (systemId === null) return;
    void start(() =>
      api.call('binder.exportSubmission', {
        systemId,
        merge,
        ...(indicatorIds ? { indicatorIds } : {}),
        ...(maxFileMb ? { maxFileMb } : {}),
      }),
    );
  };

  const close = () => {
    // A finished export is shown once; the next opening starts from the form.
    if (!running) reset();
    onClose();
  };

  const result = job.status === 'done' ? job.result : null;
  // Merged, several items share one file: each file is counted once.
  const made = new Map<string, number>();
  for (const folder of result?.folders ?? []) for (const f of folder.files) made.set(f.file, f.bytes);
  const files = made.size;
  const bytes = [...made.values()].reduce((n, b) => n + b, 0);

  const footer = result ? (
    <Button type="primary" onClick={close}>
      完成
    </Button>
  ) : running ? (
    <Button onClick={close}>在后台继续</Button>
  ) : (
    <Space>
      <Button onClick={close}>取消</Button>
      <Button type="primary" icon={<CloudUploadOutlined />} onClick={begin} disabled={systemId === null}>
        开始导出
      </Button>
    </Space>
  );

  return (
    <Modal
      title="网上申报导出"
      open={open}
      width={640}
      onCancel={close}
      footer={footer}
      className="tz-binder-export"
      mask={{ closable: !running }}
    >
      {result ? (
        <div className="tz-binder-results">
          <Alert
            type="success"
            showIcon
            title={`导出完成：${result.folders.length} 个指标文件夹，${files} 个PDF文件，共 ${formatBytes(bytes)}`}
          />
          <div className="tz-binder-outdir-line">
            保存在：
            <CopyablePath path={result.outDir} />
          </div>
          <Space wrap className="tz-binder-export-actions">
            <Button icon={<FolderOpenOutlined />} onClick={() => void actions.open(result.outDir)}>
              打开文件夹
            </Button>
            {result.index && (
              <Button icon={<FileExcelOutlined />} onClick={() => void actions.open(result.index)}>
                打开目录表《{baseName(result.index)}》
              </Button>
            )}
          </Space>
          <ProblemList
            result={{
              problems: result.problems.map((p) => ({ ...p, volume: p.volume ?? '' })),
              warnings: result.warnings,
            }}
          />
          <Table
            size="small"
            rowKey="dir"
            className="tz-binder-result-table"
            dataSource={result.folders}
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              {
                title: '指标文件夹',
                key: 'dir',
                render: (_, f) => <span className="tz-binder-output-name">{baseName(f.dir)}</span>,
              },
              {
                title: '文件',
                key: 'files',
                width: 70,
                align: 'right',
                render: (_, f) => `${new Set(f.files.map((x) => x.file)).size} 个`,
              },
              { title: '材料', key: 'items', width: 70, align: 'right', render: (_, f) => `${f.files.length} 件` },
              {
                title: '页数',
                key: 'pages',
                width: 80,
                align: 'right',
                render: (_, f) => `${f.files.reduce((n, x) => n + x.pages, 0)} 页`,
              },
            ]}
          />
        </div>
      ) : running ? (
        <JobProgress job={job} title="正在导出" onCancel={() => void cancel()} />
      ) : (
        <>
          <p className="tz-modal-lead">
            按指标分文件夹导出PDF文件，并生成一份目录表（Excel），用于测评系统的网上申报上传。导出的范围与装订范围相同。
          </p>
          {job.status === 'failed' && job.error && (
            <Alert className="tz-binder-alert" type="error" showIcon title={job.error} />
          )}
          {job.status === 'cancelled' && <Alert className="tz-binder-alert" type="info" showIcon title="已取消导出" />}
          <Form layout="vertical" requiredMark={false} onSubmitCapture={(e) => e.preventDefault()}>
            <Form.Item label="文件方式" htmlFor="tz-export-merge">
              <Radio.Group
                id="tz-export-merge"
                className="tz-binder-vertical-radios"
                value={merge ? 'merge' : 'item'}
                onChange={(e) => setMerge(e.target.value === 'merge')}
                options={[
                  { value: 'item', label: '按件：每件材料一个PDF文件' },
                  { value: 'merge', label: '按指标合并：每个指标的材料合成一个PDF文件' },
                ]}
              />
            </Form.Item>
            <Form.Item
              label="单个文件大小上限"
              htmlFor="tz-export-max"
              tooltip="申报系统限制上传文件大小时填写，超过的文件会压缩其中的图片；不填则不限制。"
            >
              <InputNumber
                id="tz-export-max"
                min={1}
                max={1000}
                value={maxFileMb}
                onChange={(v) => setMaxFileMb(v)}
                placeholder="不限"
                suffix="MB"
                style={{ width: 150 }}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
