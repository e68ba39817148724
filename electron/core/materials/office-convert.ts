import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileProblem } from './inspect-file';

/*
 * Word/WPS/Excel/PowerPoint files become PDF through LibreOffice (`soffice --headless`).
 * Each conversion gets its own profile folder (two conversions sharing one block each
 * other, and a crashed one leaves a lock behind) and a time limit (a broken file can make
 * soffice hang). The original is copied first: soffice never touches the user's file.
 */

const CANDIDATES: Record<string, string[]> = {
  win32: [
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ],
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  linux: [
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/snap/bin/libreoffice',
  ],
};

/** The soffice to use: the one set in settings, else one found on PATH or in the usual places. */
export function findSoffice(configured?: string | null): string | null {
  if (configured && fs.existsSync(configured)) return configured;
  if (process.env.TAIZHANG_SOFFICE && fs.existsSync(process.env.TAIZHANG_SOFFICE)) return process.env.TAIZHANG_SOFFICE;
  const exe = process.platform === 'win32' ? 'soffice.exe' : 'soffice';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, exe))) return path.join(dir, exe);
  }
  return (CANDIDATES[process.platform] ?? []).find((p) => fs.existsSync(p)) ?? null;
}

export const NO_CONVERTER_ADVICE =
  '需要安装免费的 LibreOffice 才能把 Word/WPS/Excel 文件转为 PDF（安装后重新添加即可）；也可以先在 Word 或 WPS 中“另存为 PDF”，再添加 PDF。';

const OFFICE_EXT = /\.(docx?|wps|xlsx?|et|pptx?|dps|odt|ods|odp|rtf)$/i;

export async function convertToPdf(
  soffice: string,
  input: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const name = path.basename(input);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-convert-'));
  try {
    // An ASCII name with the right extension: filters are chosen by it, and old soffice
    // builds mishandle some non-ASCII paths on Windows.
    const ext = name.match(OFFICE_EXT)?.[0].toLowerCase() ?? '.docx';
    const copy = path.join(work, `input${ext}`);
    fs.copyFileSync(input, copy);
    const profile = path.join(work, 'profile');
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    await run(
      soffice,
      [
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        copy,
      ],
      options.timeoutMs ?? 120_000,
      options.signal,
      name,
    );
    const pdf = path.join(out, 'input.pdf');
    if (!fs.existsSync(pdf) || fs.statSync(pdf).size === 0) {
      throw new FileProblem(
        'CORRUPT',
        `《${name}》无法转换为 PDF，文件可能已损坏或设置了打开密码。请用 Word 或 WPS 打开检查后另存一份再添加。`,
      );
    }
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function run(
  cmd: string,
  args: string[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
  name: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new FileProblem(
          'CORRUPT',
          `转换《${name}》超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。文件可能已损坏或太大，请在 Word/WPS 中另存为 PDF 后再添加。`,
        ),
      );
    }, timeoutMs);
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new FileProblem('UNSUPPORTED', `无法启动 LibreOffice（${e.message}）。${NO_CONVERTER_ADVICE}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason);
      else if (code === 0) resolve();
      else
        reject(
          new FileProblem(
            'CORRUPT',
            `《${name}》转换为 PDF 失败（${stderr.trim().slice(0, 120) || `退出码 ${code}`}）。请用 Word 或 WPS 另存为 PDF 后再添加。`,
          ),
        );
    });
  });
}
