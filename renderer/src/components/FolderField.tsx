import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState, type ReactNode } from 'react';
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
  /** What 浏览… asks the host for; a folder by default (e.g. a file dialog for a backup file). */
  pick?: () => Promise<string | null>;
  icon?: ReactNode;
};

/**
 * A folder path the user can always type or paste (the browser has no folder dialog), plus a
 * 浏览… button when the host can show a native one.
 */
export function FolderField(props: Props) {
  const { id, value, onChange, placeholder, dialogTitle, nativeDialogs, disabled } = props;
  const [picking, setPicking] = useState(false);

  const pick = async () => {
    setPicking(true);
    try {
      const path = props.pick ? await props.pick() : (await api.call('dialog.pickFolder', { title: dialogTitle })).path;
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
      prefix={props.icon ?? <FolderOpenOutlined className="tz-muted" />}
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
