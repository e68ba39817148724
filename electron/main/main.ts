import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import { nativeHost } from './host-dialogs';
import { shellHost } from './host-shell';
import { connectCoreToIpc } from './ipc';
import { createMainWindow } from './main-window';
import { buildAppMenu } from './menu';
import { installSecurityPolicies } from './security';
import { IPC_CHANNELS, type MenuCommand } from '../../shared/ipc/preload-api';

/*
 * Electron main process: lifecycle, the one window, the menu and the app:// protocol. All
 * the real work happens in the core (plain Node), reached through the IPC adapter.
 */

const isDev = !app.isPackaged;

function focus(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** A backup file among the arguments Windows starts us with when one is double-clicked. */
function backupFileIn(argv: string[]): string | null {
  return argv.slice(1).find((a) => /\.taizhang$/i.test(a) && fs.existsSync(a)) ?? null;
}

function main(): void {
  // A project folder is locked by the process that opened it; a second instance would only
  // collide with the first, so it hands over to it and exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Must precede 'ready': scheme privileges cannot be granted later.
  registerAppScheme();
  // Groups the taskbar entry and notifications under the installer's appId on Windows.
  app.setAppUserModelId('cn.taizhang.app');

  let mainWindow: BrowserWindow | null = null;
  const getWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

  let openFile = backupFileIn(process.argv);
  let core: Core;
  try {
    core = createCore({
      dataDir: app.getPath('userData'),
      host: {
        ...nativeHost(getWindow),
        ...shellHost(getWindow),
        documentsDir: app.getPath('documents'),
        // Handed over once: a window reloaded later (重新连接, after a restore) must not offer it again.
        openFile: () => {
          const file = openFile;
          openFile = null;
          return file;
        },
      },
    });
  } catch (e) {
    dialog.showErrorBox(
      '台账通无法启动',
      `无法初始化应用数据目录：${app.getPath('userData')}\n${e instanceof Error ? e.message : String(e)}\n\n请确认该文件夹可以写入后重新启动。`,
    );
    app.exit(1);
    return;
  }
  const { log } = core.context;
  process.on('uncaughtException', (e) => log.error('uncaught exception in main', e));
  process.on('unhandledRejection', (e) => log.error('unhandled rejection in main', e));

  let disconnectIpc: (() => void) | null = null;

  const openWindow = () => {
    mainWindow = createMainWindow({
      settings: core.context.settings,
      log,
      bundleDir: __dirname,
      // The packaged .exe carries its own icon; in development use the one in build/.
      ...(isDev ? { icon: path.join(app.getAppPath(), 'build', 'icon.png') } : {}),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', (_event, argv) => {
    focus(getWindow());
    // Another backup double-clicked while we run: the UI asks app.info for it and offers the restore.
    const file = backupFileIn(argv);
    if (file) {
      openFile = file;
      const command: MenuCommand = 'project.restoreBackup';
      getWindow()?.webContents.send(IPC_CHANNELS.menu, command);
    }
  });

  void app.whenReady().then(() => {
    installSecurityPolicies();
    handleAppScheme(path.join(app.getAppPath(), 'renderer', 'dist'));
    disconnectIpc = connectCoreToIpc(core);
    Menu.setApplicationMenu(buildAppMenu({ mainWindow: getWindow, isDev }));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing the core releases the project lock and cancels running jobs; it is async, so
  // the first quit is held back until it has finished, then quitting resumes.
  let coreClosed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    disconnectIpc?.();
    core
      .close()
      .catch((e: unknown) => log.error('error while closing the core', e))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });
}

main();
