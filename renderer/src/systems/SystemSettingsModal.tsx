import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';

type Values = { name: string; edition: string; window: [Dayjs | null, Dayjs | null] | null; levelNames: string };

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Name, edition, assessment window (测评期间) and level names of a system. */
export function SystemSettingsModal({ system, onClose }: { system: SystemSummary | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!system) return;
    setError(null);
    form.setFieldsValue({
      name: system.name,
      edition: system.edition,
      window: [
        system.windowStart ? dayjs(system.windowStart) : null,
        system.windowEnd ? dayjs(system.windowEnd) : null,
      ],
      levelNames: system.levelNames.join('、'),
    });
  }, [system, form]);

  const save = async (v: Values) => {
    if (!system) return;
    setBusy(true);
    try {
      await api.call('systems.update', {
        systemId: system.id,
        patch: {
          name: v.name.trim(),
          edition: v.edition.trim(),
          windowStart: iso(v.window?.[0]),
          windowEnd: iso(v.window?.[1]),
          levelNames: v.levelNames
            .split(/[、,，\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        },
      });
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="测评体系设置"
      open={system !== null}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'systemSettings' }}
      destroyOnHidden
    >
      <Form<Values> name="systemSettings" form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="版本 / 年度" name="edition">
          <Input maxLength={50} placeholder="例如：2026版" />
        </Form.Item>
        <Form.Item label="测评期间" name="window" extra="材料的日期应在这个期间内，查漏补缺时会检查">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item label="层级名称" name="levelNames" extra="用顿号分隔，例如：测评项目、测评内容、测评标准">
          <Input />
        </Form.Item>
      </Form>
      {error && <div className="tz-form-error">{error}</div>}
    </Modal>
  );
}
