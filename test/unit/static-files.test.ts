import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatic, resolveInside } from '../../electron/core/web/static-files';
import { tempDir } from '../helpers/temp-dir';

const EVIL = [
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/a/../../x',
  '/%00',
  '/%E0%A4%A',
  '/..',
];

describe('static file guard (app:// protocol and bridge)', () => {
  it('keeps every request inside the root (POSIX)', () => {
    const root = tempDir();
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/%E5%9B%BE%E6%A0%87.png')).toBe(path.join(root, '图标.png'));
    for (const evil of EVIL) expect(resolveInside(root, evil), evil).toBeNull();
  });

  it('keeps every request inside the root with Windows path rules', () => {
    const root = 'C:\\Program Files\\台账通\\resources\\renderer';
    const win = path.win32;
    expect(resolveInside(root, '/assets/app.js', win)).toBe(`${root}\\assets\\app.js`);
    for (const evil of [...EVIL, '/..%5c..%5cWindows%5cwin.ini', '/C:/Windows/win.ini', '/D:%5csecret']) {
      expect(resolveInside(root, evil, win), evil).toBeNull();
    }
    expect(resolveInside(root, '/a%5c..%5c..%5cx', win)).toBeNull();
    // A UNC-looking path loses its leading separators and stays inside the root.
    expect(resolveInside(root, '/%5c%5cserver%5cshare%5cx', win)).toBe(`${root}\\server\\share\\x`);
  });

  it('serves files with their type, ignores the query and serves nothing outside', () => {
    const parent = tempDir();
    const root = path.join(parent, 'dist');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<html>台账通</html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'secret');
    expect(readStatic(root, '/index.html')?.type).toMatch(/text\/html/);
    expect(readStatic(root, '/assets/app.js?v=1')).toMatchObject({ type: 'text/javascript; charset=utf-8' });
    expect(readStatic(root, '/assets')).toBeNull();
    expect(readStatic(root, '/../secret.txt')).toBeNull();
    expect(readStatic(root, '/missing.js')).toBeNull();
  });
});
