import { Form } from 'antd';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { backupFileName } from '../../../shared/ipc/contract-backup';
import { api } from '../api';
import { FolderField } from './FolderField';
import { FormDialog } from './FormDialog';

type Props = {
  open: boolean;
  project: ProjectInfo;
  nativeDialogs: boolean;
  onCancel: () => void;
  /** The backup job started; its progress and result show in the jobs bar. */
  onStarted: () => void;
};

type Values = { dir: string };

/** The folder a project folder sits in: where a backup goes unless the user says otherwise. */
const parentOf = (dir: string) => dir.replace(/[\\/]+$/, '').replace(/[\\/][^\\/]*$/, '');

/** A file in a folder, with the separator the folder's path already uses (Windows or not). */
const inFolder = (dir: string, name: string) => {
  const sep = dir.includes('\\') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${name}`;
};

/**
 * 备份项目 where the host has no save dialog (the browser preview): a folder to put the
 * backup in, under its suggested name.
 */
export function BackupProjectModal({ open, project, nativeDialogs, onCancel, onStarted }: Props) {
  return (
    <FormDialog<Values>
      name="backupProject"
      title="备份项目"
      okText="开始备份"
      open={open}
      onCancel={onCancel}
      initialValues={{ dir: parentOf(project.dir) }}
      lead="把数据库和全部原始文件备份成一个 .taizhang 文件（缩略图等可重新生成的内容不备份）。建议保存到U盘或另一块硬盘。"
      onSubmit={async ({ dir }) => {
        // The folder is made if it is not there yet; the file gets the name shown below the field.
        await api.call('projects.backup', { path: inFolder(dir.trim(), backupFileName(project)) });
        onStarted();
      }}
    >
      <Form.Item
        label="保存到文件夹"
        name="dir"
        rules={[{ required: true, whitespace: true, message: '请选择或填写保存备份的文件夹' }]}
        extra={`文件名：${backupFileName(project)}`}
      >
        <FolderField nativeDialogs={nativeDialogs} dialogTitle="选择保存备份的文件夹" placeholder="例如：E:\台账备份" />
      </Form.Item>
    </FormDialog>
  );
}
