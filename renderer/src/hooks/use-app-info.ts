import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { api } from '../api';

export type AppInfo = MethodOutput<'app.info'>;

/** Host facts that never change while the app runs (version, whether native dialogs exist). */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    api.call('app.info', {}).then(
      (value) => {
        if (live) setInfo(value);
      },
      // Without it we only lose the 浏览… buttons; typing a path still works.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return info;
}
