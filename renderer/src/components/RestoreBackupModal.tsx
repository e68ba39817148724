import { FileZipOutlined } from '@ant-design/icons';
import { Alert, App, Form, Modal, Progress } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { BACKUP_FILTERS } from '../../../shared/ipc/contract-backup';
import { api } from '../api';
import { jobPercent, useTrackedJob } from '../binder/use-tracked-job';
import { FolderField } from './FolderField';

type Props = {
  open: boolean;
  nativeDialogs: boolean;
  /** A backup the app was handed (double-clicked in Explorer): the file field starts with it. */
  initialFile?: string | null;
  onCancel: () => void;
  /** The restored project, opened. */
  onOpened: (info: ProjectInfo) => void;
};

type Values = { file: string; dir: string };

/** The host's file dialog for a backup (.taizhang, or a .zip copy of one). */
const pickBackupFile = async () =>
  (await api.call('dialog.pickFile', { title: '选择备份文件', filters: BACKUP_FILTERS })).path;

/**
 * 从备份恢复: a .taizhang file into an empty folder, with the job's progress in the dialog;
 * when it is done the restored project opens.
 */
export function RestoreBackupModal({ open, nativeDialogs, initialFile, onCancel, onOpened }: Props) {
  const { job, start, cancel, reset } = useTrackedJob<ProjectInfo>('projects.restore');
  const running = job.status === 'starting' || job.status === 'running';

  // Each opening starts afresh (the form itself is rebuilt from initialValues).
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);

  const { message } = App.useApp();
  // The project opens at once; the start screen (and its jobs) are gone, so the outcome is said here.
  const finished = useEffectEvent((info: ProjectInfo) => {
    void message.success(`已从备份恢复“${info.name}”（${info.year}年度），共 ${info.counts.files} 个文件。`, 6);
    onOpened(info);
  });
  useEffect(() => {
    if (job.status === 'done' && job.result) finished(job.result);
  }, [job.status, job.result]);

  const submit = ({ file, dir }: Values) =>
    void start(() => api.call('projects.restore', { path: file.trim(), dir: dir.trim() }));

  return (
    <Modal
      title="从备份恢复"
      open={open}
      width={600}
      okText="开始恢复"
      cancelText={running ? '取消恢复' : '取消'}
      okButtonProps={{ loading: running, htmlType: 'submit', form: 'restoreBackup' }}
      cancelButtonProps={{ disabled: job.cancelling }}
      onCancel={running ? () => void cancel() : onCancel}
      mask={{ closable: !running }}
      destroyOnHidden
    >
      <p className="tz-modal-lead">
        选择用“备份项目”生成的 .taizhang
        文件，恢复到一个空文件夹（或新文件夹）。恢复时会逐个核对文件是否完好，完成后自动打开项目。
      </p>
      <Form<Values>
        name="restoreBackup"
        layout="vertical"
        requiredMark={false}
        initialValues={{ file: initialFile ?? '', dir: '' }}
        onFinish={submit}
        disabled={running}
      >
        <Form.Item
          label="备份文件"
          name="file"
          rules={[{ required: true, whitespace: true, message: '请选择或填写备份文件' }]}
        >
          <FolderField
            nativeDialogs={nativeDialogs}
            dialogTitle="选择备份文件"
            pick={pickBackupFile}
            icon={<FileZipOutlined className="tz-muted" />}
            placeholder="例如：E:\台账备份\XX街道2026年度台账备份-20260305.taizhang"
          />
        </Form.Item>
        <Form.Item
          label="恢复到文件夹"
          name="dir"
          rules={[{ required: true, whitespace: true, message: '请选择或填写一个空文件夹' }]}
          extra="必须是空文件夹，或一个还不存在的文件夹（会自动新建）"
        >
          <FolderField
            nativeDialogs={nativeDialogs}
            dialogTitle="选择恢复到的空文件夹"
            placeholder="例如：D:\台账资料\2026年创文迎检"
          />
        </Form.Item>
      </Form>
      {(running || job.status === 'done') && (
        <div role="status" aria-label="恢复进度" style={{ marginBottom: 12 }}>
          <Progress percent={jobPercent(job)} status={job.status === 'done' ? 'success' : 'active'} />
          <span className="tz-muted">
            {job.status === 'done'
              ? '恢复完成，正在打开项目…'
              : job.total > 0
                ? `已恢复 ${job.current}/${job.total} 个文件 · ${job.message}`
                : job.message || '正在读取备份…'}
          </span>
        </div>
      )}
      {job.status === 'failed' && job.error && <Alert type="error" showIcon title={job.error} />}
      {job.status === 'cancelled' && <Alert type="info" showIcon title="已取消恢复，没有留下任何文件。" />}
    </Modal>
  );
}
