import { z } from 'zod';

/**
 * A file the core made for the user (an export, a report): written to `path` when the
 * caller chose one (Electron's save dialog), otherwise returned as data for the browser
 * to download.
 */
export const fileOutputSchema = z.object({
  fileName: z.string(),
  path: z.string().nullable(),
  dataBase64: z.string().nullable(),
});
