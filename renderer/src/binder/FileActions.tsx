import { FolderOpenOutlined, FileSearchOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Modal, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { errorText } from '../errors';

/** A path the user can read and copy (into Explorer's address bar, a chat, an e-mail). */
export function CopyablePath({ path }: { path: string }) {
  return (
    <Typography.Text copyable={{ text: path, tooltips: ['复制路径', '已复制'] }} className="tz-path">
      {path}
    </Typography.Text>
  );
}

type Verb = 'open' | 'show' | 'print';

const VERB_TEXT: Record<Verb, string> = { open: '打开', show: '在文件夹中显示', print: '打印' };

/**
 * 打开 / 在文件夹中显示 / 打印 for a made file. The browser preview cannot reach the system:
 * then the file's path is shown with a copy button, so the user can still get to it.
 */
export function useOutputActions(): {
  open: (file: string) => Promise<void>;
  show: (file: string) => Promise<void>;
  print: (file: string, printer: string | undefined, duplex: boolean) => Promise<boolean>;
} {
  const { modal, message } = App.useApp();

  const notHere = useCallback(
    (verb: Verb, file: string) => {
      modal.info({
        title: `浏览器预览模式下无法直接${VERB_TEXT[verb]}`,
        width: 520,
        okText: '知道了',
        content: (
          <div className="tz-binder-path-note">
            <p>
              {verb === 'print' ? '请在文件夹中找到下面的文件，用PDF阅读器打开后打印。文件保存在：' : '文件保存在：'}
            </p>
            <CopyablePath path={file} />
          </div>
        ),
      });
    },
    [modal],
  );

  const act = useCallback(
    async (verb: Verb, file: string, call: () => Promise<{ done: boolean }>): Promise<boolean> => {
      try {
        const { done } = await call();
        if (!done) notHere(verb, file);
        return true;
      } catch (e) {
        void message.error(errorText(e));
        return false;
      }
    },
    [message, notHere],
  );

  return {
    open: async (file) => void (await act('open', file, () => api.call('binder.open', { file }))),
    show: async (file) => void (await act('show', file, () => api.call('binder.showInFolder', { file }))),
    print: (file, printer, duplex) =>
      act('print', file, () => api.call('binder.print', { file, duplex, ...(printer ? { printer } : {}) })),
  };
}

/** 打开 · 在文件夹中显示 · 打印 for one file. */
export function FileButtons({
  file,
  name,
  onPrint,
  actions,
}: {
  file: string;
  /** Spoken with the buttons, so a screen reader says which file they are for. */
  name: string;
  onPrint?: (file: string) => void;
  actions: ReturnType<typeof useOutputActions>;
}) {
  return (
    <Space size={4} className="tz-binder-file-buttons">
      <Button
        size="small"
        icon={<FileSearchOutlined />}
        onClick={() => void actions.open(file)}
        title={`打开《${name}》`}
      >
        打开
      </Button>
      <Button
        size="small"
        icon={<FolderOpenOutlined />}
        onClick={() => void actions.show(file)}
        title={`在文件夹中显示《${name}》`}
      >
        在文件夹中显示
      </Button>
      {onPrint && (
        <Button size="small" icon={<PrinterOutlined />} onClick={() => onPrint(file)} title={`打印《${name}》`}>
          打印
        </Button>
      )}
    </Space>
  );
}

/** Which printer, and whether on both sides; Windows prints straight away, elsewhere the viewer opens. */
export function PrintModal({
  file,
  duplex,
  onClose,
  actions,
}: {
  /** The file to print; null: closed. */
  file: string | null;
  /** The binder's 双面打印 option: volumes laid out for both sides print that way by default. */
  duplex: boolean;
  onClose: () => void;
  actions: ReturnType<typeof useOutputActions>;
}) {
  const [printers, setPrinters] = useState<string[] | null>(null);
  const [printer, setPrinter] = useState('');
  const [both, setBoth] = useState(duplex);
  const [busy, setBusy] = useState(false);
  const open = file !== null;

  useEffect(() => {
    if (!open) return;
    setBoth(duplex);
    let live = true;
    void api.tryCall('binder.printers', {}).then((r) => {
      if (live) setPrinters(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [open, duplex]);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    const ok = await actions.print(file, printer || undefined, both);
    setBusy(false);
    if (ok) onClose();
  };

  const name = file ? (file.split(/[\\/]/).pop() ?? file) : '';
  return (
    <Modal
      title="打印案卷"
      open={open}
      width={460}
      okText="打印"
      cancelText="取消"
      onOk={() => void submit()}
      okButtonProps={{ loading: busy }}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="tz-modal-lead">《{name}》</p>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="打印机" htmlFor="tz-binder-printer">
          <Select
            id="tz-binder-printer"
            value={printer}
            onChange={setPrinter}
            loading={printers === null}
            options={[{ value: '', label: '默认打印机' }, ...(printers ?? []).map((p) => ({ value: p, label: p }))]}
          />
        </Form.Item>
        {printers !== null && printers.length === 0 && (
          <p className="tz-muted tz-binder-print-note">
            没有找到可选的打印机：将用系统的PDF阅读器打开文件，在其中选择打印机后打印。
          </p>
        )}
        <Checkbox checked={both} onChange={(e) => setBoth(e.target.checked)}>
          双面打印
        </Checkbox>
      </Form>
    </Modal>
  );
}
