import path from 'node:path';
import type { Logger } from '../log';
import type { AppSettingsStore } from './app-settings';

/**
 * Shows a host dialog starting in the folder the last dialog of the same purpose was used in,
 * and remembers where this one ended. `folderOf` says which folder to keep: a picked project
 * folder's parent (the next project is likely its sibling), a file's own folder.
 */
export async function inRememberedFolder(
  settings: AppSettingsStore,
  log: Logger,
  purpose: string,
  show: (defaultFolder: string | undefined) => Promise<string | null>,
  folderOf: (picked: string) => string = path.dirname,
): Promise<string | null> {
  const picked = await show(settings.dialogFolder(purpose));
  if (picked) {
    try {
      settings.rememberDialogFolder(purpose, folderOf(picked));
    } catch (e) {
      // Only a convenience: the user has their file either way.
      log.error('could not remember the dialog folder', e);
    }
  }
  return picked;
}
