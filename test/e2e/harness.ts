import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createCore, type Core } from '../../electron/core/create-core';
import type { Method, MethodInput, MethodOutput } from '../../shared/ipc/contract';
import { REPO_ROOT } from '../helpers/node-child';

export const RENDERER_DIST = path.join(REPO_ROOT, 'renderer', 'dist');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';

/** The whole app as a user meets it in a browser: a core, its HTTP bridge, and Chromium on the page. */
export type E2eApp = {
  core: Core;
  bridge: Bridge;
  browser: Browser;
  page: Page;
  /** App settings and logs (not a project). */
  dataDir: string;
  /** Scratch space for project folders; its name has Chinese and a space, as on users' PCs. */
  workDir: string;
  /** Uncaught page errors and console errors seen so far; a healthy UI has none. */
  pageErrors: string[];
  /**
   * Calls the core directly, as the UI would, to set a scene up or check what the UI did;
   * a failure throws with the core's message, failing the test where it happened.
   */
  call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Waits for running transitions to end (antd animates modals, menus, messages), then captures the page. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
};

export async function startApp(options: { userName?: string } = {}): Promise<E2eApp> {
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    throw new Error(`renderer/dist/index.html is missing: run "npm run build:renderer" before the e2e tests.`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's browser with "apt-get install -y chromium".`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), '台账通 e2e-'));
  const dataDir = path.join(root, '程序数据');
  const workDir = path.join(root, '我的 文档');
  fs.mkdirSync(workDir, { recursive: true });

  // Everything started so far, so a failure half-way still releases what it took.
  const cleanups: Array<() => Promise<void> | void> = [() => fs.rmSync(root, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep releasing the rest; a leaked browser would hang the test run.
      }
    }
  };

  try {
    const core = createCore({ dataDir, userName: options.userName ?? '李会计' });
    cleanups.push(() => core.close());
    const bridge = await startBridge({ core, staticDir: RENDERER_DIST, port: 0 });
    cleanups.push(() => bridge.close());
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });

    return {
      core,
      bridge,
      browser,
      page,
      dataDir,
      workDir,
      pageErrors,
      async call(method, input) {
        const result = await core.dispatch(method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as MethodOutput<typeof method>;
      },
      async screenshot(name) {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, name);
        await settle(page);
        await page.screenshot({ path: file });
        return file;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Resolves once no finite CSS animation or transition is running (spinners and progress shimmer loop forever). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
}
