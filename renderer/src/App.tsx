import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import type { ProjectInfo } from '../../shared/ipc/contract';
import type { MenuCommand } from '../../shared/ipc/preload-api';
import { api, preload } from './api';
import { MainShell } from './components/MainShell';
import { NewProjectModal } from './components/NewProjectModal';
import { OpenProjectModal } from './components/OpenProjectModal';
import { RestoreBackupModal } from './components/RestoreBackupModal';
import { ProjectUnavailable } from './components/ProjectUnavailable';
import { DamagedProjectRestore } from './components/DamagedProject';
import { StartScreen } from './components/StartScreen';
import { errorText } from './errors';
import { useAppInfo } from './hooks/use-app-info';
import { useCoreEvent } from './hooks/use-core-event';
import { antdTheme } from './theme';

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={antdTheme}
      // "取 消" with an inserted space reads as old-fashioned; the words in UI.md have none.
      button={{ autoInsertSpace: false }}
    >
      <AntApp className="tz-app">
        <Workspace />
      </AntApp>
    </ConfigProvider>
  );
}

type Dialog = 'new' | 'open' | 'restore' | null;

/** Chooses between the start screen and the main window, and owns the project-level dialogs. */
function Workspace() {
  const appInfo = useAppInfo();
  const { message } = AntApp.useApp();
  /** undefined until the core has answered once. */
  const [project, setProject] = useState<ProjectInfo | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  /** The backup file 从备份恢复 starts with: one the app was handed (double-click in Explorer). */
  const [restoreFile, setRestoreFile] = useState<string | null>(null);
  const restoreFrom = useCallback((file: string | null) => {
    setRestoreFile(file);
    setDialog('restore');
  }, []);
  // project.changed can arrive in bursts (close-then-open); only the newest answer may win.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    const result = await api.tryCall('projects.current', {});
    if (mine !== generation.current) return;
    if (result.ok) {
      setProject(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error.message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useCoreEvent((event) => {
    if (event.type === 'project.changed') void refresh();
  });

  const opened = useCallback((info: ProjectInfo) => {
    generation.current++;
    setProject(info);
    setDialog(null);
  }, []);

  const closeProject = useCallback(async () => {
    try {
      await api.call('projects.close', {});
      generation.current++;
      setProject(null);
    } catch (e) {
      void message.error(errorText(e));
    }
  }, [message]);

  const onMenu = useEffectEvent((command: MenuCommand) => {
    if (command === 'project.new') setDialog('new');
    else if (command === 'project.open') setDialog('open');
    else if (command === 'project.close' && project) void closeProject();
    else if (command === 'project.restoreBackup')
      void api.tryCall('app.info', {}).then((r) => r.ok && r.value.openFile && restoreFrom(r.value.openFile));
  });
  useEffect(() => preload?.onMenu((command) => onMenu(command)), []);

  const nativeDialogs = appInfo?.nativeDialogs ?? false;
  const startedWith = appInfo?.openFile ?? null;
  useEffect(() => {
    if (startedWith) restoreFrom(startedWith);
  }, [startedWith, restoreFrom]);

  let screen: ReactNode;
  if (project === undefined) {
    screen = loadError ? (
      <Result
        className="tz-fullscreen-center"
        status="warning"
        title="暂时无法读取项目"
        subTitle={loadError}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            重试
          </Button>
        }
      />
    ) : (
      <div className="tz-fullscreen-center">
        <Spin size="large" />
      </div>
    );
  } else if (project === null) {
    screen = (
      <StartScreen
        appInfo={appInfo}
        onNew={() => setDialog('new')}
        onOpen={() => setDialog('open')}
        onOpened={opened}
        onRestore={() => restoreFrom(null)}
      />
    );
  } else {
    screen = (
      <MainShell
        project={project}
        appInfo={appInfo}
        onClose={closeProject}
        onNew={() => setDialog('new')}
        onOpen={() => setDialog('open')}
      />
    );
  }

  return (
    <>
      {screen}
      <NewProjectModal
        open={dialog === 'new'}
        nativeDialogs={nativeDialogs}
        onCancel={() => setDialog(null)}
        onCreated={opened}
      />
      <OpenProjectModal
        open={dialog === 'open'}
        nativeDialogs={nativeDialogs}
        onCancel={() => setDialog(null)}
        onOpened={opened}
      />
      <RestoreBackupModal
        open={dialog === 'restore'}
        nativeDialogs={nativeDialogs}
        initialFile={restoreFile}
        onCancel={() => setDialog(null)}
        onOpened={opened}
      />
      <ProjectUnavailable project={project} />
      <DamagedProjectRestore />
    </>
  );
}
