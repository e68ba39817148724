import { App, Button } from 'antd';
import { useCallback } from 'react';
import { api } from '../api';
import { errorText } from '../errors';

/** How long the 撤销 link stays: long enough to notice a slip, short enough not to linger. */
const UNDO_SECONDS = 8;

let nextKey = 0;

/**
 * Says an edit is done, with 撤销 beside it for the next few seconds: deleting, unlinking and
 * batch edits take effect at once (no "are you sure?" each time) and a slip is one click back.
 * `after` runs once the undo has been applied (lists and checks reload).
 */
export function useUndo(): (text: string, undo: () => Promise<unknown>, after: () => void) => void {
  const { message } = App.useApp();
  return useCallback(
    (text, undo, after) => {
      const key = `undo-${++nextKey}`;
      // The ids in `undo` are this project's: if another project is open by the time 撤销 is
      // clicked, nothing may be applied to it.
      const projectThen = currentDir();
      const revert = async () => {
        message.destroy(key);
        try {
          if ((await projectThen) !== (await currentDir())) {
            void message.warning('已经换了项目，不能再撤销上一个项目里的修改。');
            return;
          }
          await undo();
          void message.success('已撤销');
        } catch (e) {
          void message.error(`未能撤销：${errorText(e)}`);
        }
        after();
      };
      void message.success({
        key,
        duration: UNDO_SECONDS,
        content: (
          <span className="tz-undo-message">
            {text}
            <Button type="link" size="small" onClick={() => void revert()}>
              撤销
            </Button>
          </span>
        ),
      });
    },
    [message],
  );
}

async function currentDir(): Promise<string | null> {
  const r = await api.tryCall('projects.current', {});
  return r.ok ? (r.value?.dir ?? null) : null;
}
