import os from 'node:os';
import path from 'node:path';

/**
 * Where app-level settings and logs go when no host (Electron) decides: the same place
 * Electron's userData would be, so the CLI, the bridge and the app share recent projects.
 */
export function defaultDataDir(): string {
  if (process.env.TAIZHANG_DATA_DIR) return process.env.TAIZHANG_DATA_DIR;
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'taizhang');
  }
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'taizhang');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'taizhang');
}
