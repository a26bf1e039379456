// Node-only ModelSource reading a model folder from disk.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelSource } from '../model/source';

export function fileSource(dir: string): ModelSource {
  return {
    label: dir.endsWith('/') ? dir : `${dir}/`,
    readText: (file) => readFile(join(dir, file), 'utf8'),
    readBytes: async (file) => {
      const b = await readFile(join(dir, file));
      // a large file's Buffer owns its whole ArrayBuffer: handed over as it is, not copied (GPN's 251 MiB twice)
      const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
      return (whole ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) as ArrayBuffer;
    },
    list: async () => (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
  };
}
