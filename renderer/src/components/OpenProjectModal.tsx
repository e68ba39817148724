import { Form } from 'antd';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import { FolderField } from './FolderField';
import { FormDialog } from './FormDialog';

type Props = {
  open: boolean;
  nativeDialogs: boolean;
  onCancel: () => void;
  onOpened: (info: ProjectInfo) => void;
};

type Values = { dir: string };

export function OpenProjectModal({ open, nativeDialogs, onCancel, onOpened }: Props) {
  return (
    <FormDialog<Values>
      name="openProject"
      title="打开项目"
      okText="打开"
      open={open}
      onCancel={onCancel}
      initialValues={{ dir: '' }}
      onSubmit={async ({ dir }) => onOpened(await api.call('projects.open', { dir: dir.trim() }))}
    >
      <Form.Item
        label="项目文件夹"
        name="dir"
        rules={[{ required: true, whitespace: true, message: '请选择或填写项目文件夹' }]}
        extra="即含有 taizhang.sqlite 的文件夹，例如同事拷给您的整个项目文件夹"
      >
        <FolderField
          nativeDialogs={nativeDialogs}
          dialogTitle="选择要打开的项目文件夹"
          placeholder="例如：D:\台账资料\2026年创文迎检"
        />
      </Form.Item>
    </FormDialog>
  );
}
