import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FileInput } from '../../../shared/ipc/contract-systems';
import type { Person } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';
import { readAsBase64 } from './file-io';

type Values = { name: string; unit: string; phone: string; note: string };

const PEOPLE_FILTERS = [{ name: 'Excel 表格或 CSV', extensions: ['xlsx', 'xls', 'csv'] }];

/** 人员名单: the people who collect and review materials, editable or imported from a sheet. */
export function PeopleModal({
  open,
  nativeDialogs,
  onClose,
}: {
  open: boolean;
  nativeDialogs: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [people, setPeople] = useState<Person[]>([]);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const load = useCallback(async () => {
    const r = await api.tryCall('people.list', {});
    if (r.ok) setPeople(r.value);
    else setError(r.error.message);
  }, []);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const save = (v: Values) =>
    attempt(async () => {
      await api.call('people.save', {
        ...(editing !== 'new' && editing ? { id: editing.id } : {}),
        name: v.name,
        unit: v.unit ?? '',
        phone: v.phone ?? '',
        note: v.note ?? '',
      });
      setEditing(null);
      await load();
    });

  const importFrom = (input: FileInput) =>
    attempt(async () => {
      const view = await api.call('systems.importOpen', input);
      const r = await api.call('people.import', { sourceId: view.sourceId, sheet: 0 });
      void message.success(`新增 ${r.added} 人，更新 ${r.updated} 人`);
      await load();
    });
  const importSheet = async (file: File) => importFrom({ fileName: file.name, dataBase64: await readAsBase64(file) });
  // With native dialogs the core reads the file itself, so large sheets never cross IPC as base64.
  const pickSheet = () =>
    attempt(async () => {
      const { path } = await api.call('dialog.pickFile', { title: '选择人员名单表格', filters: PEOPLE_FILTERS });
      if (path) await importFrom({ path });
    });

  return (
    <Modal
      title="人员名单"
      open={open}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={760}
      destroyOnHidden
    >
      <Space className="tz-people-bar">
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            setEditing('new');
          }}
        >
          添加人员
        </Button>
        {nativeDialogs ? (
          <Button icon={<UploadOutlined />} onClick={() => void pickSheet()}>
            从表格导入
          </Button>
        ) : (
          <Upload
            accept=".xlsx,.xls,.csv"
            showUploadList={false}
            beforeUpload={(f) => {
              void importSheet(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>从表格导入</Button>
          </Upload>
        )}
        <span className="tz-muted">表格第一行写列名：姓名、单位、电话、备注</span>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Table
        size="small"
        rowKey="id"
        dataSource={people}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'unit' },
          { title: '电话', dataIndex: 'phone' },
          { title: '备注', dataIndex: 'note' },
          {
            title: '',
            width: 120,
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    form.setFieldsValue(p);
                    setEditing(p);
                  }}
                >
                  修改
                </Button>
                <Popconfirm
                  title={`删除“${p.name}”？`}
                  description="TA 负责的指标会变为未指定。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => attempt(async () => (await api.call('people.delete', { id: p.id }), await load()))}
                >
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={editing === 'new' ? '添加人员' : '修改人员'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} preserve={false}>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="单位 / 科室" name="unit">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="电话" name="phone">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="备注" name="note">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Modal>
  );
}
