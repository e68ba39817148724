import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createCore, type Core } from '../../electron/core/create-core';
import type { Method, MethodInput, MethodOutput } from '../../shared/ipc/contract';
import type { IndicatorNode } from '../../shared/systems/api-types';
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

/** The project a test starts in: a folder under `workDir` and the unit's name, like a user's first project. */
export type ProjectOptions = {
  /** The project folder's name under `workDir`. */
  folder?: string;
  name?: string;
  year?: number;
  userName?: string;
};

/** The app with a new project open, as a user finds it after 新建项目. */
export type ProjectApp = E2eApp & { projectDir: string };

/** The app with a new project that has the built-in sample 测评体系 imported. */
export type SampleApp = ProjectApp & {
  systemId: number;
  /** The sample's indicators as the core stored them (ids, parents, levels). */
  indicators: IndicatorNode[];
};

/** Starts the app and creates a project (it stays open; the page is not loaded yet). */
export async function startWithProject(options: ProjectOptions = {}): Promise<ProjectApp> {
  const app = await startApp({ userName: options.userName });
  try {
    const projectDir = path.join(app.workDir, options.folder ?? '2026年 创文迎检');
    await app.call('projects.create', {
      dir: projectDir,
      name: options.name ?? 'XX街道办事处',
      year: options.year ?? 2026,
    });
    return { ...app, projectDir };
  } catch (e) {
    await app.close();
    throw e;
  }
}

/** Starts the app, creates a project and imports the sample 测评体系 into it (the page is not loaded yet). */
export async function startWithSample(options: ProjectOptions = {}): Promise<SampleApp> {
  const app = await startWithProject(options);
  try {
    const { systemId } = await app.call('systems.importSample', {});
    const { indicators } = await app.call('systems.tree', { systemId });
    return { ...app, systemId, indicators };
  } catch (e) {
    await app.close();
    throw e;
  }
}

/** Opens a branch of the 指标树 by its title (only the top levels start open); an open one stays open. */
export async function expandBranch(page: Page, title: string): Promise<void> {
  const tree = page.getByRole('tree', { name: '指标树' });
  const node = tree.locator('.ant-tree-treenode', { hasText: title }).first();
  // The switcher toggles: on a branch the user already opened, a click would close it.
  if ((await node.getAttribute('aria-expanded')) === 'true') return;
  await node.locator('.ant-tree-switcher').click();
  // The branch slides open; a click on a row while the rows below still move can land on another.
  await settle(page);
}

/** Selects an indicator below the top level in the 指标树: opens its parent's branch, then clicks it. */
export async function openIndicator(app: SampleApp, indicator: IndicatorNode): Promise<void> {
  const parent = app.indicators.find((n) => n.id === indicator.parentId)!;
  await expandBranch(app.page, parent.title);
  await app.page.getByRole('tree', { name: '指标树' }).getByText(indicator.title, { exact: true }).click();
}

/** Not in one of rc-motion's phases: the element is not sliding or zooming in or out. */
const STILL = ':not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])';

/**
 * Waits until a dialog or menu has finished opening, before anything in it is clicked.
 *
 * antd zooms dialogs in (from a fifth of their size) and slides menus and option lists in (from
 * 80 % of their height, from the top edge), so what is in them moves for 0.2-0.3 s. Playwright can
 * find a button or entry "stable" while that motion has not yet started (Chromium holds a new
 * animation at its first frame until the compositor starts it, longer on a busy machine), and it
 * checks what is under the pointer only at pointerdown. If the target moves before the pointerup,
 * the button comes up over something else, the click goes to the element holding both, and
 * nothing happens: the test then waits for what the click should have opened. rc-motion keeps its
 * `-enter`/`-appear` classes on the dialog or popup until the motion has ended.
 */
export async function opened(popup: Locator): Promise<void> {
  await popup.and(popup.page().locator(STILL)).waitFor();
}

/** Opens an antd dropdown menu with its trigger and takes one of its entries once the menu has opened. */
export async function chooseMenuEntry(trigger: Locator, entry: string): Promise<void> {
  await trigger.click();
  const menu = trigger.page().locator(`.ant-dropdown:not(.ant-dropdown-hidden)${STILL}`);
  await menu.getByRole('menuitem', { name: entry }).click();
}

/** Clicks an option of the antd Select whose list is open, once that list has opened. */
export async function chooseOption(page: Page, option: string | RegExp): Promise<void> {
  const list = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden)${STILL}`);
  await list.locator('.ant-select-item-option', { hasText: option }).click();
}
