import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveInside } from '../core/web/static-files';

/*
 * The UI is served from app://taizhang/ rather than file://. A custom standard scheme gives
 * the page a real origin (so 'self' in the CSP means exactly our files), keeps file:// and
 * its access to the whole disk out of reach, and lets us set response headers.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'taizhang';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app` is ready: privileges cannot be granted afterwards. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and origins work like http; secure: counts as a secure
      // context (needed for crypto.subtle, clipboard…); supportFetchAPI: fetch() of our assets.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** True when `url` is a page or asset of our own UI. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function notFound(): Response {
  return new Response('未找到', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves files from `root` (the built renderer) on app://taizhang/. Call after `app` is ready. */
export function handleAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('不支持的请求方法', { status: 405 });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.host !== APP_HOST) return notFound();
    const file = resolveInside(root, url.pathname);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return notFound(); // missing file or a directory
    }
    const type = contentTypeOf(file);
    const headers: Record<string, string> = {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      // The files change only with an app update; never serve a stale UI after one.
      'cache-control': 'no-cache',
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}
