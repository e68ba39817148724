import fs from 'node:fs';
import path from 'node:path';

/*
 * Serving the built renderer safely, shared by the Electron app:// protocol and the
 * browser bridge: content types, the Content-Security-Policy, and the traversal guard.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The Content-Security-Policy sent with every HTML page the app serves. `style-src
 * 'unsafe-inline'` is needed because antd injects its CSS-in-JS as <style> elements;
 * scripts stay strictly same-origin, and nothing may be fetched from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Maps the path part of an app:// URL to a file inside `root`, or returns null when it
 * would leave the root. The check is done on the resolved absolute path rather than by
 * looking for `..` in the input, so every spelling (`%2e%2e`, `%5c` on Windows, absolute
 * paths, drive letters, UNC prefixes) is caught the same way. `pathModule` is injectable so
 * tests can exercise Windows semantics (`path.win32`) on any OS.
 */
export function resolveInside(root: string, urlPathname: string, pathModule: path.PlatformPath = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const base = pathModule.resolve(root);
  const full = pathModule.resolve(base, relative);
  const rel = pathModule.relative(base, full);
  // Inside means: a non-empty relative path that neither climbs out nor jumps to another
  // drive (on Windows `relative` returns an absolute path across drives).
  if (rel === '' || rel === '..' || rel.startsWith('..' + pathModule.sep) || pathModule.isAbsolute(rel)) {
    return null;
  }
  return full;
}

/** Reads a static file for a request URL (query ignored), or null when absent or outside `root`. */
export function readStatic(root: string, url: string): { body: Buffer; type: string } | null {
  const file = resolveInside(root, url.split(/[?#]/)[0] ?? '');
  if (!file) return null;
  try {
    if (!fs.statSync(file).isFile()) return null;
    return { body: fs.readFileSync(file), type: contentTypeOf(file) };
  } catch {
    return null;
  }
}
