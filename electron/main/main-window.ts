import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { AppSettingsStore, WindowState } from '../core/settings/app-settings';
import type { Logger } from '../core/log';
import { APP_START_URL } from './app-protocol';
import { minimumSize, restoreBounds } from './window-bounds';

export type MainWindowOptions = {
  settings: AppSettingsStore;
  log: Logger;
  /** Folder holding main.cjs and preload.cjs (the bundled output). */
  bundleDir: string;
  icon?: string;
};

function saveState(win: BrowserWindow, settings: AppSettingsStore, log: Logger): void {
  try {
    // Normal bounds, not the maximized ones: un-maximizing after a restart should give back
    // the size the user chose.
    const b = win.getNormalBounds();
    const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    settings.update((s) => ({ ...s, window: state }));
  } catch (e) {
    // A read-only profile must not stop the window from closing.
    log.error('could not save window state', e);
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = restoreBounds(options.settings.read().window, workAreas, screen.getPrimaryDisplay().workArea);
  const minimum = minimumSize(workAreas);
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: minimum.width,
    minHeight: minimum.height,
    title: '台账通',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f5f5f5',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: path.join(options.bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      // The spellchecker may fetch dictionaries and is useless for Chinese; the app stays offline.
      spellcheck: false,
    },
  });

  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  // The page's <title> must not replace the product name in the taskbar.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('close', () => saveState(win, options.settings, options.log));

  void win.loadURL(APP_START_URL).catch((e: unknown) => options.log.error('could not load the UI', e));
  return win;
}
