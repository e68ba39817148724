import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { FormDialog } from '../components/FormDialog';

type Values = { name: string; edition: string; window: [Dayjs | null, Dayjs | null] | null; levelNames: string };

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const day = (s: string | null) => (s ? dayjs(s) : null);

/** Name, edition, assessment window (测评期间) and level names of a system. */
export function SystemSettingsModal({ system, onClose }: { system: SystemSummary | null; onClose: () => void }) {
  return (
    <FormDialog<Values>
      name="systemSettings"
      title="测评体系设置"
      okText="保存"
      open={system !== null}
      onCancel={onClose}
      initialValues={{
        name: system?.name ?? '',
        edition: system?.edition ?? '',
        window: system ? [day(system.windowStart), day(system.windowEnd)] : null,
        levelNames: system?.levelNames.join('、') ?? '',
      }}
      onSubmit={async (v) => {
        if (!system) return;
        await api.call('systems.update', {
          systemId: system.id,
          patch: {
            name: v.name.trim(),
            edition: (v.edition ?? '').trim(),
            windowStart: iso(v.window?.[0]),
            windowEnd: iso(v.window?.[1]),
            levelNames: (v.levelNames ?? '')
              .split(/[、,，\s]+/)
              .map((s) => s.trim())
              .filter(Boolean),
          },
        });
        onClose();
      }}
    >
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
    </FormDialog>
  );
}
