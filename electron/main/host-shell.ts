import { shell, type BrowserWindow } from 'electron';
import { print } from 'pdf-to-printer';
import type { Host } from '../core/context';

/*
 * What the binder screen asks of Windows after a volume is made: open it in the PDF viewer,
 * show it in Explorer, print it. Printing goes straight to the chosen printer with duplex
 * through pdf-to-printer (a maintained wrapper of SumatraPDF, which it ships); on other
 * systems there is no such route, so the PDF opens in the system viewer to print from there.
 */

export function shellHost(
  getWindow: () => BrowserWindow | null,
): Required<Pick<Host, 'openPath' | 'showInFolder' | 'listPrinters' | 'printPdf'>> {
  const openPath = async (file: string) => {
    const error = await shell.openPath(file);
    if (error) throw new Error(`无法打开《${file}》：${error}。请确认电脑上装有 PDF 阅读器。`);
  };
  return {
    openPath,
    showInFolder: (file) => shell.showItemInFolder(file),
    listPrinters: async () => {
      const win = getWindow();
      if (!win) return [];
      const printers = await win.webContents.getPrintersAsync();
      return printers.map((p) => p.name);
    },
    printPdf: async (file, { printer, duplex }) => {
      if (process.platform !== 'win32') return openPath(file);
      try {
        await print(file, { printer, side: duplex ? 'duplexlong' : 'simplex', paperSize: 'A4', scale: 'noscale' });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`打印《${file}》没有成功（${why}）。请检查打印机是否开机、联网，或先用 PDF 阅读器打开再打印。`);
      }
    },
  };
}
