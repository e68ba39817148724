import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/create-core';
import { defaultDataDir } from '../core/settings/data-dir';
import { startBridge } from './server';

const HELP = `用法：npm run web -- [--port 端口] [--data-dir 文件夹]

在本机浏览器中使用台账通（只监听 127.0.0.1，其他电脑无法访问）。
  --port       指定端口；不指定时自动选择空闲端口
  --data-dir   程序设置和日志的存放位置（不是项目文件夹）
  --help       显示本帮助`;

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    process.stderr.write(`参数有误：${(e as Error).message}\n\n${HELP}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口“${values.port}”无效，请填写 1–65535 之间的数字。\n`);
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const core = createCore({ dataDir: values['data-dir'] ?? defaultDataDir() });
  const bridge = await startBridge({ core, staticDir: path.resolve(here, '../../renderer/dist'), port });
  process.stdout.write(`台账通已启动：${bridge.url}\n（按 Ctrl+C 退出）\n`);
  const stop = async () => {
    await bridge.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((e: unknown) => {
  process.stderr.write(`启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
