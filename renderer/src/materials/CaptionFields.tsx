import { Form, Input } from 'antd';
import type { Caption } from '../../../shared/materials/api-types';

/** The four parts of a 照片说明 as archives write them, with an example of each. */
const PARTS: { key: keyof Caption; label: string; placeholder: string; long?: boolean }[] = [
  { key: 'time', label: '时间', placeholder: '如 2026年3月5日上午' },
  { key: 'place', label: '地点', placeholder: '如 XX社区新时代文明实践站' },
  { key: 'people', label: '人物', placeholder: '如 街道党工委书记张三（左二）', long: true },
  { key: 'subject', label: '事由', placeholder: '如 开展学雷锋志愿服务活动', long: true },
];

type Props = { value: Caption; onChange: (next: Caption) => void };

/** 照片说明 (时间、地点、人物、事由): printed under the photo when it is bound into a volume. */
export function CaptionFields({ value, onChange }: Props) {
  return (
    <fieldset className="tz-caption">
      <legend>照片说明</legend>
      {PARTS.map((p) => (
        <Form.Item
          key={p.key}
          label={p.label}
          className="tz-caption-item"
          layout="horizontal"
          colon={false}
          labelCol={{ flex: '40px' }}
          wrapperCol={{ flex: 1 }}
        >
          {p.long ? (
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={value[p.key]}
              onChange={(e) => onChange({ ...value, [p.key]: e.target.value })}
              placeholder={p.placeholder}
              aria-label={`照片${p.label}`}
            />
          ) : (
            <Input
              value={value[p.key]}
              onChange={(e) => onChange({ ...value, [p.key]: e.target.value })}
              placeholder={p.placeholder}
              aria-label={`照片${p.label}`}
            />
          )}
        </Form.Item>
      ))}
    </fieldset>
  );
}
