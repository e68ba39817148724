import { App, Button, Input, Modal, Result, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { AddReport } from '../../../shared/materials/api-types';
import { useAction } from '../hooks/use-action';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { baseName, type RetryOutcome } from './add-report';
import { LinkSuggestions } from './LinkSuggestions';

type Retry = (path: string, password: string) => Promise<RetryOutcome>;

const RETRY_SAID: Record<Exclude<RetryOutcome, 'wrong-password'>, { tone: 'success' | 'info'; text: string }> = {
  added: { tone: 'success', text: '已解密并添加' },
  duplicate: { tone: 'info', text: '解密成功，但项目中已有相同的文件' },
  failed: { tone: 'info', text: '解密后仍未能添加，请看说明' },
};

/** The password box under an encrypted PDF's row: the file is sent again with the password. */
function PasswordRetry({ name, path, onRetry }: { name: string; path: string; onRetry: Retry }) {
  const { message } = App.useApp();
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState(false);
  const { busy, run } = useAction();
  const submit = () =>
    void run(async () => {
      const outcome = await onRetry(path, password);
      // The row's message now says the password was wrong; the box turns red and empties for another try.
      setWrong(outcome === 'wrong-password');
      if (outcome === 'wrong-password') {
        setPassword('');
        return;
      }
      const said = RETRY_SAID[outcome];
      void message[said.tone](`《${name}》${said.text}`);
    });
  return (
    <div className="tz-password-retry">
      <Space.Compact size="small">
        <Input.Password
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setWrong(false);
          }}
          onPressEnter={() => password && submit()}
          status={wrong ? 'error' : undefined}
          placeholder="打开文件的密码"
          aria-label={`《${name}》的密码`}
          autoComplete="off"
        />
        <Button type="primary" disabled={!password} loading={busy} onClick={submit}>
          解密并添加
        </Button>
      </Space.Compact>
    </div>
  );
}

type Row = { key: string; name: string; state: string; detail: React.ReactNode };

function rowsOf(report: AddReport, onRetry: Retry): Row[] {
  return [
    ...report.failed.map((f) => {
      const name = baseName(f.path);
      return {
        key: `f${f.path}`,
        name,
        state: '失败',
        detail:
          f.code === 'ENCRYPTED' ? (
            <>
              {f.message}
              <PasswordRetry name={name} path={f.path} onRetry={onRetry} />
            </>
          ) : (
            f.message
          ),
      };
    }),
    ...report.duplicates.map((d) => ({
      key: `d${d.path}`,
      name: baseName(d.path),
      state: '已存在',
      detail: `与材料 ${d.existingId} 完全相同，未重复添加`,
    })),
    ...report.added.map((a) => ({ key: `a${a.id}`, name: a.title, state: '已添加', detail: `${a.pages} 页` })),
  ];
}

const COLORS: Record<string, string> = { 失败: 'red', 已存在: 'gold', 已添加: 'green' };

type Props = {
  report: AddReport | null;
  onClose: () => void;
  onRetry: Retry;
  indicators: IndicatorNode[];
  /** Suggested links were made. */
  onLinked: () => void;
};

/** 添加结果: what was added, what was already there (已存在), and each file that failed and why. */
export function AddReportModal({ report, onClose, onRetry, indicators, onLinked }: Props) {
  return (
    <Modal
      title="添加结果"
      open={report !== null}
      onCancel={onClose}
      onOk={onClose}
      okText="知道了"
      cancelButtonProps={{ style: { display: 'none' } }}
      width={760}
    >
      {report && (
        <>
          <Result
            className="tz-add-result"
            status={report.failed.length ? 'warning' : 'success'}
            title={`已添加 ${report.added.length} 件${report.duplicates.length ? `，已存在 ${report.duplicates.length} 件` : ''}${report.failed.length ? `，${report.failed.length} 个文件未能添加` : ''}`}
            subTitle={report.failed.length ? '未能添加的文件不影响其他文件。请按说明处理后再添加。' : undefined}
          />
          {/* Above the list, so the next step is in view however many files came in. */}
          <LinkSuggestions added={report.added} indicators={indicators} onLinked={onLinked} />
          <Table
            size="small"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={rowsOf(report, onRetry)}
            columns={[
              { title: '文件', dataIndex: 'name', width: 220, ellipsis: true },
              { title: '结果', dataIndex: 'state', width: 80, render: (s: string) => <Tag color={COLORS[s]}>{s}</Tag> },
              { title: '说明', dataIndex: 'detail' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
