import { Col, Form, Input, Row } from 'antd';
import type { Caption, MaterialPatch } from '../../../shared/materials/api-types';
import { FormDialog } from '../components/FormDialog';

type Values = {
  responsible: string;
  date: string;
  activity: string;
  classification: string;
} & Caption;

const EMPTY: Values = {
  responsible: '',
  date: '',
  activity: '',
  classification: '',
  time: '',
  place: '',
  people: '',
  subject: '',
};

const CAPTION_PARTS = ['time', 'place', 'people', 'subject'] as const;

/** The patch for what was filled in: an empty field leaves that field of every item as it is. */
export function batchPatch(values: Values): MaterialPatch {
  const patch: MaterialPatch = {};
  const filled = (v: string) => v.trim() !== '';
  if (filled(values.responsible)) patch.responsible = values.responsible.trim();
  if (filled(values.date)) patch.date = values.date.trim();
  if (filled(values.activity)) patch.activity = values.activity.trim();
  if (filled(values.classification)) patch.classification = values.classification.trim();
  const caption = Object.fromEntries(CAPTION_PARTS.filter((p) => filled(values[p])).map((p) => [p, values[p].trim()]));
  if (Object.keys(caption).length) patch.caption = caption;
  return patch;
}

type Props = {
  open: boolean;
  count: number;
  onCancel: () => void;
  /** Applies the patch to the chosen items. */
  onSubmit: (patch: MaterialPatch) => Promise<void>;
};

/** 批量填写: the same 责任者, 日期, 活动, 密级 or 照片说明 parts for all chosen items at once. */
export function BatchEditModal({ open, count, onCancel, onSubmit }: Props) {
  return (
    <FormDialog<Values>
      name="batchEdit"
      title={`批量填写（${count} 件）`}
      okText="填写到选中的材料"
      open={open}
      initialValues={EMPTY}
      onCancel={onCancel}
      lead="只填需要统一的项；留空的项保持每件材料原样。照片说明只改填写的部分。"
      onSubmit={async (values) => {
        const patch = batchPatch(values);
        if (Object.keys(patch).length === 0) throw new Error('请至少填写一项');
        await onSubmit(patch);
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="责任者" name="responsible">
            <Input placeholder="例如：XX街道文明办" maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="日期"
            name="date"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 2026-03-05' }]}
          >
            <Input placeholder="例如：2026-03-05" maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="活动" name="activity">
            <Input placeholder="例如：学雷锋志愿服务月" maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="密级" name="classification">
            <Input placeholder="例如：内部" maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <div className="tz-form-group-title">照片说明</div>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="时间" name="time">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="地点" name="place">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="人物" name="people">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="事由" name="subject">
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
