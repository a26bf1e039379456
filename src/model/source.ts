// Where model files come from: fetch in the browser, the file system in Node (see src/node/fileSource.ts).

export interface ModelSource {
  /** Human-readable location, used in error messages. */
  readonly label: string;
  readText(file: string): Promise<string>;
  readBytes(file: string): Promise<ArrayBuffer>;
  /** The files at the folder's top level, where the source can tell (a published folder's weights are found so). */
  list?(): Promise<string[]>;
}

export function fetchSource(baseUrl: string): ModelSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const get = async (file: string) => {
    const res = await fetch(base + file);
    if (!res.ok) throw new Error(`Could not load ${base}${file}: HTTP ${res.status}`);
    return res;
  };
  return {
    label: base,
    readText: async (file) => (await get(file)).text(),
    readBytes: async (file) => (await get(file)).arrayBuffer(),
  };
}
