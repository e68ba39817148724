import fs from 'node:fs';
import path from 'node:path';

export type Logger = {
  info(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
};

function format(level: string, message: string, detail: unknown): string {
  let extra = '';
  if (detail instanceof Error) extra = ` ${detail.stack ?? detail.message}`;
  else if (detail !== undefined) extra = ` ${JSON.stringify(detail)}`;
  return `${new Date().toISOString()} ${level} ${message}${extra}\n`;
}

/** Appends to `<dataDir>/logs/taizhang.log`; stack traces live here, never in the UI. */
export function createFileLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'taizhang.log');
  const write = (level: string, message: string, detail: unknown) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.appendFileSync(file, format(level, message, detail));
    } catch {
      // Logging must never break the operation that is being logged.
    }
  };
  return {
    info: (m, d) => write('INFO', m, d),
    error: (m, d) => write('ERROR', m, d),
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
