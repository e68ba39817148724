import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import { errorText } from '../errors';
import { FolderField } from './FolderField';

type Props = {
  open: boolean;
  nativeDialogs: boolean;
  onCancel: () => void;
  onOpened: (info: ProjectInfo) => void;
};

type Values = { dir: string };

export function OpenProjectModal({ open, nativeDialogs, onCancel, onOpened }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ dir }: Values) => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await api.call('projects.open', { dir: dir.trim() }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="打开项目"
      open={open}
      width={560}
      okText="打开"
      cancelText="取消"
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'openProject' }}
      cancelButtonProps={{ disabled: busy }}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: !busy }}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <Form<Values>
        name="openProject"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ dir: '' }}
        onFinish={(values) => void submit(values)}
        disabled={busy}
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
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
