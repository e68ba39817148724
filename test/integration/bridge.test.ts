import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createCore, type Core } from '../../electron/core/create-core';
import type { CoreEvent } from '../../shared/ipc/events';
import { tempDir } from '../helpers/temp-dir';

let core: Core;
let bridge: Bridge;
let staticDir: string;

beforeAll(async () => {
  staticDir = path.join(tempDir(), 'dist');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>台账通</title>');
  core = createCore({ dataDir: path.join(tempDir(), 'data'), userName: '测试员' });
  bridge = await startBridge({ core, staticDir, port: 0 });
});
afterAll(async () => {
  await bridge.close();
  await core.close();
});

async function rpc(method: string, input?: unknown) {
  const res = await fetch(new URL('/rpc', bridge.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, input }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    ok: boolean;
    value?: Record<string, unknown>;
    error?: { code: string; message: string };
  };
}

/** Raw request with a chosen Host header (fetch will not let us forge one). */
function requestWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bridge.port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Collects server-sent events until `until` matches one. */
async function collectEvents(until: (e: CoreEvent) => boolean, signal: AbortSignal): Promise<CoreEvent[]> {
  const res = await fetch(new URL('/events', bridge.url), { signal });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: CoreEvent[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return events;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const event = JSON.parse(data.slice(6)) as CoreEvent;
      events.push(event);
      if (until(event)) {
        void reader.cancel();
        return events;
      }
    }
  }
}

describe('bridge', () => {
  it('listens on 127.0.0.1 only, on a free port', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.port).toBeGreaterThan(0);
  });

  it('serves the renderer with a strict Content-Security-Policy, and index.html for app routes', async () => {
    const res = await fetch(bridge.url);
    expect(await res.text()).toContain('台账通');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(new URL('/project/123', bridge.url))).text()).toContain('台账通');
  });

  it('refuses requests for another host name (DNS rebinding) and cross-site posts', async () => {
    expect(await requestWithHost('evil.example:80')).toBe(403);
    expect(await requestWithHost(`127.0.0.1:${bridge.port}`)).toBe(200);
    const res = await fetch(new URL('/rpc', bridge.url), {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'app.info' }),
    });
    expect(res.status).toBe(403);
  });

  it('answers RPC calls with data, and errors as data in Chinese', async () => {
    const info = await rpc('app.info');
    expect(info.ok).toBe(true);
    expect(info.value?.version).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = await rpc('no.such.method');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await rpc('projects.create', { dir: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(bad.error!.message).toMatch(/输入有误/);
    const garbage = await fetch(new URL('/rpc', bridge.url), { method: 'POST', body: '{not json' });
    expect(await garbage.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('creates a project over RPC and streams its job events over SSE', async () => {
    const dir = path.join(tempDir(), '桥接 项目');
    const created = await rpc('projects.create', { dir, name: '文明办', year: 2026 });
    expect(created).toMatchObject({ ok: true, value: { name: '文明办', dir } });
    expect(fs.existsSync(path.join(dir, 'taizhang.sqlite'))).toBe(true);

    const controller = new AbortController();
    const events = collectEvents((e) => e.type === 'job.done' || e.type === 'job.failed', controller.signal);
    await new Promise((r) => setTimeout(r, 100)); // let the event stream connect
    const started = await rpc('projects.verify');
    expect(started.ok).toBe(true);
    const seen = await events;
    controller.abort();
    const done = seen.find((e) => e.type === 'job.done');
    expect(done).toBeDefined();
    expect(JSON.stringify(done)).toContain(String(started.value?.jobId));
  });
});
