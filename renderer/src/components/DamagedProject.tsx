import { useEffect, useState } from 'react';
import { DbBackupsModal } from './DbBackupsModal';

/** Set while <DamagedProjectRestore> is mounted (once, in the app's workspace). */
let offer: ((dir: string) => void) | null = null;

/** Shows the daily copies of a project folder whose database is damaged, to put one back. */
export function offerDailyRestore(dir: string): void {
  offer?.(dir);
}

/**
 * 自动备份 for a project that cannot be opened: wherever opening failed (打开项目, the recent
 * list), the way back is the same dialog; once a copy is restored the core opens the project.
 */
export function DamagedProjectRestore() {
  const [dir, setDir] = useState<string | null>(null);
  useEffect(() => {
    offer = setDir;
    return () => {
      offer = null;
    };
  }, []);
  return <DbBackupsModal open={dir !== null} dir={dir ?? undefined} readOnly={false} onClose={() => setDir(null)} />;
}
