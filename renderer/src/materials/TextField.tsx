import { Form, Input } from 'antd';
import type { CSSProperties } from 'react';

type Props = {
  /** Shown above the box, and the box's accessible name (what screen readers and the tests find). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A box that grows with the text up to this many lines; a one-line input without it. */
  maxRows?: number;
  placeholder?: string;
  /** Of the form item, for its share of an editor row (`flex: 1`, a fixed width). */
  style?: CSSProperties;
};

/** A labelled text field of an editor form: one line, or a box that grows up to `maxRows` lines. */
export function TextField({ label, value, onChange, maxRows, placeholder, style }: Props) {
  const box = { value, placeholder, 'aria-label': label };
  return (
    <Form.Item label={label} style={style}>
      {maxRows ? (
        <Input.TextArea {...box} autoSize={{ minRows: 1, maxRows }} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input {...box} onChange={(e) => onChange(e.target.value)} />
      )}
    </Form.Item>
  );
}
