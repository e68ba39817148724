import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNELS, type MenuCommand } from '../../shared/ipc/preload-api';

/*
 * The Chinese application menu. Roles give native behaviour (undo stack, clipboard, zoom)
 * with our own labels. Project commands are only forwarded to the UI, which owns the
 * dialogs and flows for them, so the menu and the in-page buttons behave identically.
 */

export type MenuOptions = {
  /** The window menu commands go to when none is focused (e.g. right after a dialog closes). */
  mainWindow: () => BrowserWindow | null;
  isDev: boolean;
};

function targetWindow(options: MenuOptions): BrowserWindow | null {
  const win = BrowserWindow.getFocusedWindow() ?? options.mainWindow();
  return win && !win.isDestroyed() ? win : null;
}

function sendCommand(options: MenuOptions, command: MenuCommand): void {
  targetWindow(options)?.webContents.send(IPC_CHANNELS.menu, command);
}

async function showAbout(options: MenuOptions): Promise<void> {
  const detail = [
    `版本 ${app.getVersion()}`,
    '创文创卫台账资料的收集、查漏补缺与装订成卷。',
    '所有资料只保存在本机，不联网、不上传。',
    '',
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  ].join('\n');
  const parent = targetWindow(options);
  const box = {
    type: 'info' as const,
    title: '关于台账通',
    message: '台账通',
    detail,
    buttons: ['确定'],
    noLink: true,
  };
  await (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
}

export function buildAppMenu(options: MenuOptions): Menu {
  const viewItems: MenuItemConstructorOptions[] = [];
  if (options.isDev) {
    // Reloading discards unsaved page state, so end users do not get it; developers do.
    viewItems.push(
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
      { type: 'separator' },
    );
  }
  viewItems.push(
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  );

  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        { label: '新建项目…', accelerator: 'CmdOrCtrl+N', click: () => sendCommand(options, 'project.new') },
        { label: '打开项目…', accelerator: 'CmdOrCtrl+O', click: () => sendCommand(options, 'project.open') },
        { label: '关闭项目', click: () => sendCommand(options, 'project.close') },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图(&V)', submenu: viewItems },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于台账通', click: () => void showAbout(options) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
