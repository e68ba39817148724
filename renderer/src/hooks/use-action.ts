import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { errorText } from '../errors';

/**
 * Runs one user action at a time: `busy` disables the buttons that started it, and a
 * failure is shown as a message in the user's words instead of escaping as an unhandled
 * rejection. Resolves to undefined when the action failed or one was already running.
 */
export function useAction(): {
  busy: boolean;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
} {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // A ref as well as state: two clicks in the same frame must not both start.
  const running = useRef(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        return await action();
      } catch (e) {
        void message.error(errorText(e));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
