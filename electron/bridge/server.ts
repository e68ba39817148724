import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/create-core';
import { CONTENT_SECURITY_POLICY, readStatic } from '../core/web/static-files';

export type BridgeOptions = {
  core: Core;
  /** The built renderer (renderer/dist). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
};

export type Bridge = { url: string; port: number; close(): Promise<void> };

const MAX_BODY = 10 * 1024 * 1024;

/**
 * The browser front end of the core: static renderer files, POST /rpc and GET /events
 * (server-sent events). Binds 127.0.0.1 only and refuses requests whose Host header is not
 * its own, so other machines and DNS-rebinding pages cannot reach it.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { core, staticDir } = options;
  const sseClients = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(403).end();
      return;
    }
    const url = req.url ?? '/';
    if (req.method === 'POST' && url === '/rpc') return void handleRpc(req, res);
    if (req.method === 'GET' && url === '/events') return handleEvents(req, res);
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(url, res);
    res.writeHead(405).end();
  });

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only same-origin pages may call; a cross-site form post carries a foreign Origin.
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      res.writeHead(403).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk);
    }
    let body: { method?: unknown; input?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      sendJson(res, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确。' } });
      return;
    }
    const result = await core.dispatch(String(body.method ?? ''), body.input);
    sendJson(res, result);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  }

  function serveStatic(url: string, res: http.ServerResponse): void {
    const file = readStatic(staticDir, url) ?? readStatic(staticDir, '/index.html');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('界面文件不存在，请先运行 npm run build:renderer');
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.type, 'x-content-type-options': 'nosniff' };
    if (file.type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    res.writeHead(200, headers);
    res.end(file.body);
  }

  const unsubscribe = core.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}
