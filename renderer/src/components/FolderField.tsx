import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api';

type Props = {
  /** Form.Item passes id (for its label), value and onChange. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  /** Shown as the title of the native folder dialog. */
  dialogTitle: string;
  nativeDialogs: boolean;
  disabled?: boolean;
};

/**
 * A folder path the user can always type or paste (the browser has no folder dialog), plus a
 * 浏览… button when the host can show a native one.
 */
export function FolderField({ id, value, onChange, placeholder, dialogTitle, nativeDialogs, disabled }: Props) {
  const [picking, setPicking] = useState(false);

  const pick = async () => {
    setPicking(true);
    try {
      const { path } = await api.call('dialog.pickFolder', { title: dialogTitle });
      if (path) onChange?.(path);
    } catch {
      // The dialog failing leaves the typed path in place, which is still a way forward.
    } finally {
      setPicking(false);
    }
  };

  const input = (
    <Input
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      placeholder={placeholder}
      prefix={<FolderOpenOutlined className="tz-muted" />}
      allowClear
      disabled={disabled}
      spellCheck={false}
    />
  );
  if (!nativeDialogs) return input;
  return (
    <Space.Compact block>
      {input}
      <Button onClick={() => void pick()} loading={picking} disabled={disabled}>
        浏览…
      </Button>
    </Space.Compact>
  );
}
