// Files the user picked or dropped, read into memory with their paths inside the chosen folder.
// Dropped folders are walked with the File System entries API (webkitGetAsEntry), which every current
// browser offers for drag and drop; picked folders carry webkitRelativePath.

export interface PickedFile {
  path: string;
  bytes: ArrayBuffer;
}

/** Files from an <input type=file> (a folder picker fills webkitRelativePath). */
export async function readPicked(list: FileList): Promise<PickedFile[]> {
  return Promise.all(
    Array.from(list, async (f) => ({ path: f.webkitRelativePath || f.name, bytes: await f.arrayBuffer() })),
  );
}

/** Files and folders dropped on the page, folders walked recursively. */
export async function readDropped(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(dt.items, (it) => it.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return readPicked(dt.files);
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e, '', out);
  return out;
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  const path = `${prefix}${entry.name}`;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path, bytes: await file.arrayBuffer() });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    // readEntries returns the folder in batches until an empty one
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    for (const child of batch) await walk(child, `${path}/`, out);
  }
}

/** What to call what was brought in messages: the folder's or the zip's name. */
export function labelOf(files: PickedFile[]): string {
  const first = files[0]?.path ?? 'your files';
  return first.includes('/') ? first.split('/')[0]! : files.length === 1 ? first : 'your files';
}
