import { DisconnectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import { onProjectUnavailable, reportProjectUnavailable } from '../api/project-unavailable';
import { useCoreEvent } from '../hooks/use-core-event';

type Props = {
  /** The open project as the app knows it (its folder is what 重新连接 opens again). */
  project: ProjectInfo | null | undefined;
};

type Lost = { dir: string; readOnly: boolean; message: string };

/**
 * One blocking dialog when the open project's folder can no longer be reached (USB stick
 * pulled, folder moved): says so, and offers 重新连接 (close and open the same folder again,
 * then reload the window, as a fresh start on that project) or 关闭项目. However many calls
 * failed, it shows once; the toasts those calls raised are cleared.
 */
export function ProjectUnavailable({ project }: Props) {
  const { message } = App.useApp();
  const [lost, setLost] = useState<Lost | null>(null);
  const [busy, setBusy] = useState<'reconnect' | 'close' | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  // The listener below outlives renders; it needs the project of the moment the error came.
  const current = useRef(project);
  useEffect(() => {
    current.current = project;
  }, [project]);

  useEffect(
    () =>
      onProjectUnavailable((error) => {
        const open = current.current;
        if (!open) return;
        setLost((before) => before ?? { dir: open.dir, readOnly: open.readOnly, message: error.message });
      }),
    [],
  );
  useCoreEvent((event) => {
    if (event.type === 'job.failed') reportProjectUnavailable(event.error);
  });

  useEffect(() => {
    // Calls made in the same moment may each have shown a toast before this dialog came up.
    if (lost) message.destroy();
  }, [lost, message]);

  const reconnect = async (target: Lost) => {
    setBusy('reconnect');
    setRetryError(null);
    // Closing lets go of the database handle and lock the pulled stick left dangling.
    await api.tryCall('projects.close', {});
    const reopened = await api.tryCall('projects.open', { dir: target.dir, readOnly: target.readOnly });
    if (reopened.ok) {
      // Every pane starts again from the reopened project, exactly as after opening it.
      window.location.reload();
      return;
    }
    setBusy(null);
    setRetryError(`还是无法打开：${reopened.error.message}`);
  };

  const close = async () => {
    setBusy('close');
    const result = await api.tryCall('projects.close', {});
    setBusy(null);
    if (result.ok) {
      setLost(null);
      setRetryError(null);
    } else {
      setRetryError(result.error.message);
    }
  };

  return (
    <Modal
      open={lost !== null}
      className="tz-project-unavailable"
      title={
        <span>
          <DisconnectOutlined style={{ color: '#d4380d', marginRight: 8 }} />
          无法访问项目文件夹
        </span>
      }
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      width={520}
      footer={[
        <Button key="close" disabled={busy !== null} loading={busy === 'close'} onClick={() => void close()}>
          关闭项目
        </Button>,
        <Button
          key="reconnect"
          type="primary"
          disabled={busy !== null}
          loading={busy === 'reconnect'}
          onClick={() => lost && void reconnect(lost)}
        >
          重新连接
        </Button>,
      ]}
    >
      <p>{lost?.message}</p>
      {retryError && <Alert type="error" showIcon title={retryError} />}
    </Modal>
  );
}
