import { Form, Input, InputNumber } from 'antd';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import { FolderField } from './FolderField';
import { FormDialog } from './FormDialog';

type Props = {
  open: boolean;
  nativeDialogs: boolean;
  onCancel: () => void;
  onCreated: (info: ProjectInfo) => void;
};

type Values = { name: string; year: number; dir: string };

const thisYear = () => new Date().getFullYear();

export function NewProjectModal({ open, nativeDialogs, onCancel, onCreated }: Props) {
  return (
    <FormDialog<Values>
      name="newProject"
      title="新建项目"
      okText="创建项目"
      open={open}
      onCancel={onCancel}
      initialValues={{ year: thisYear(), name: '', dir: '' }}
      lead="一个项目对应一个单位、一个年度的全部台账资料，保存在您指定的文件夹里。"
      onSubmit={async (values) => {
        const info = await api.call('projects.create', {
          name: values.name.trim(),
          year: values.year,
          dir: values.dir.trim(),
        });
        onCreated(info);
      }}
    >
      <Form.Item
        label="单位名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请填写单位名称' },
          { max: 100, message: '单位名称不能超过 100 个字' },
        ]}
        extra="即全宗名称，将印在案卷封面上"
      >
        <Input placeholder="例如：XX街道办事处" autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item
        label="年度"
        name="year"
        rules={[{ required: true, message: '请填写年度' }]}
        extra="同一单位每个年度建一个项目"
      >
        <InputNumber min={1949} max={2100} precision={0} style={{ width: 160 }} suffix="年" />
      </Form.Item>
      <Form.Item
        label="项目文件夹"
        name="dir"
        rules={[{ required: true, whitespace: true, message: '请选择或填写项目文件夹' }]}
        extra="请选择一个空文件夹，或填写新文件夹的完整路径（会自动创建）。项目的全部资料都保存在这里，可整体拷贝、备份。"
      >
        <FolderField
          nativeDialogs={nativeDialogs}
          dialogTitle="选择项目文件夹"
          placeholder="例如：D:\台账资料\2026年创文迎检"
        />
      </Form.Item>
    </FormDialog>
  );
}
