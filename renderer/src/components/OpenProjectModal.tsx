import { Checkbox, Form } from 'antd';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { useOpenProject } from '../hooks/use-open-project';
import { FolderField } from './FolderField';
import { FormDialog } from './FormDialog';

type Props = {
  open: boolean;
  nativeDialogs: boolean;
  onCancel: () => void;
  onOpened: (info: ProjectInfo) => void;
};

type Values = { dir: string; readOnly: boolean };

export function OpenProjectModal({ open, nativeDialogs, onCancel, onOpened }: Props) {
  const openProject = useOpenProject();
  return (
    <FormDialog<Values>
      name="openProject"
      title="打开项目"
      okText="打开"
      open={open}
      onCancel={onCancel}
      initialValues={{ dir: '', readOnly: false }}
      onSubmit={async ({ dir, readOnly }) => {
        // null: the folder cannot be written and the user declined to open it read-only.
        const info = await openProject(dir.trim(), readOnly === true);
        if (info) onOpened(info);
      }}
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
      <Form.Item
        name="readOnly"
        valuePropName="checked"
        extra="只能浏览、搜索和审阅查看，不能添加、修改或删除任何内容；适合检查组在办公室电脑上查阅。"
      >
        <Checkbox>以只读方式打开（供检查组审阅）</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}
