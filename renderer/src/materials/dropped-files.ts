/*
 * Folders dropped or picked in the page. Electron knows where a dropped folder is on disk (the
 * core then walks it), but a browser page only gets its entries: these are walked here and
 * each file keeps its path inside the folder, since folder names such as "A2.3.2 道德讲堂"
 * suggest the links and are what the import report names.
 */

/** Paths inside a dropped folder, for files the browser cannot label with webkitRelativePath. */
const relativePaths = new WeakMap<File, string>();

/** The name an uploaded file is sent under: its path inside a dropped or picked folder, or its name. */
export function uploadName(file: File): string {
  return relativePaths.get(file) ?? (file.webkitRelativePath || file.name);
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** All entries of a folder: readEntries answers in chunks (100 in Chromium) until it answers none. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

type Dropped = { files: File[]; unreadable: string[] };

async function walk(entry: FileSystemEntry, out: Dropped): Promise<void> {
  const where = entry.fullPath.replace(/^\//, '');
  try {
    if (entry.isFile) {
      const file = await fileOf(entry as FileSystemFileEntry);
      relativePaths.set(file, where);
      out.files.push(file);
    } else if (entry.isDirectory) {
      for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, out);
    }
  } catch {
    // Locked or removed while reading: named to the user; the rest of the folder goes on.
    out.unreadable.push(where);
  }
}

/**
 * The files of a drop, with dropped folders opened (recursively). Must be called during the
 * drop event: the browser empties the DataTransfer once the handler returns, so the entries
 * are taken at once and read afterwards.
 */
export function filesOfDrop(data: DataTransfer): Promise<Dropped> {
  const entries = [...data.items].filter((item) => item.kind === 'file').map((item) => item.webkitGetAsEntry());
  if (entries.every((e) => e === null || e.isFile)) return Promise.resolve({ files: [...data.files], unreadable: [] });
  return (async () => {
    const out: Dropped = { files: [], unreadable: [] };
    for (const entry of entries) if (entry) await walk(entry, out);
    return out;
  })();
}
