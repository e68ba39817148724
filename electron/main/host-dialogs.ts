import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { FileFilter } from '../../shared/ipc/contract';
import type { Host } from '../core/context';

/*
 * Native Windows dialogs the core may ask for (the browser bridge has none and the UI then
 * offers a path field or an upload instead). Each dialog is modal to the app's window and
 * starts in the folder the core remembered for its kind (defaultFolder), else Windows' choice.
 */

export function nativeHost(getWindow: () => BrowserWindow | null): Host {
  const parent = () => BrowserWindow.getFocusedWindow() ?? getWindow();
  const open = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const win = parent();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const withAllFiles = (filters?: FileFilter[]) => [...(filters ?? []), { name: '所有文件', extensions: ['*'] }];
  return {
    nativeDialogs: true,
    pickFolder: (title, defaultFolder) =>
      open({
        title: title ?? '选择项目文件夹',
        buttonLabel: '选择此文件夹',
        properties: ['openDirectory', 'createDirectory'],
        defaultPath: defaultFolder,
      }),
    pickFile: ({ title, filters, defaultFolder }) =>
      open({
        title: title ?? '选择文件',
        buttonLabel: '打开',
        properties: ['openFile'],
        filters: withAllFiles(filters),
        defaultPath: defaultFolder,
      }),
    saveFile: async ({ title, defaultName, filters, defaultFolder }) => {
      const win = parent();
      const options: Electron.SaveDialogOptions = {
        title: title ?? '保存文件',
        // A bare name lets Windows choose the folder (文档, or where it last saved).
        defaultPath: defaultFolder ? path.join(defaultFolder, defaultName) : defaultName,
        filters,
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
