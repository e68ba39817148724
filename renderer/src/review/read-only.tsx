import { App, ConfigProvider } from 'antd';
import { createContext, useCallback, useContext, type ReactNode } from 'react';

/**
 * 只读审阅: the project is open for looking only (inspectors at the office PC). Components
 * that change something ask `useReadOnly()` and hide or disable their action; the core
 * refuses every change anyway, so a missed button only costs a clear error message.
 */
const ReadOnlyContext = createContext(false);

export function ReadOnlyProvider({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>;
}

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

/** The words a disabled action shows on hover in 只读审阅. */
export const READ_ONLY_HINT = '只读审阅：不能修改';

/**
 * Everything inside is disabled in 只读审阅 (antd's inputs, selects, buttons…): for editors
 * made of many fields, where disabling each one would be easy to miss. `ViewOnly` inside
 * re-enables what only looks (page through, open).
 */
export function EditArea({ children }: { children: ReactNode }) {
  const readOnly = useReadOnly();
  return readOnly ? <ConfigProvider componentDisabled>{children}</ConfigProvider> : <>{children}</>;
}

/** Inside an `EditArea`: controls that only show things stay usable in 只读审阅. */
export function ViewOnly({ children }: { children: ReactNode }) {
  const readOnly = useReadOnly();
  return readOnly ? <ConfigProvider componentDisabled={false}>{children}</ConfigProvider> : <>{children}</>;
}

/** Runs `work` unless read-only, in which case it says why nothing happens (e.g. files dropped). */
export function useGuard(): <A extends unknown[]>(
  work: (...args: A) => Promise<void>,
) => (...args: A) => Promise<void> {
  const readOnly = useReadOnly();
  const { message } = App.useApp();
  return useCallback(
    <A extends unknown[]>(work: (...args: A) => Promise<void>) =>
      async (...args: A) => {
        if (readOnly) void message.warning('只读审阅：不能修改。如需添加或修改材料，请关闭项目后以正常方式打开。');
        else await work(...args);
      },
    [readOnly, message],
  );
}
