// Bad input at the level of the whole loader: fixture folders of shared/reference-models with their config.json
// edited (a size changed, a key removed, model_type changed) or their weight file damaged (bytes flipped, the file
// cut, a safetensors key renamed in a rewritten header), read by loadModel. Each is refused with a
// ModelFormatError naming the file (and the key, for a renamed one), or loads a model whose logits on the
// fixture inputs are the original's exactly. Two exceptions, each asserted for what it is: a flip inside a
// safetensors tensor's bytes (the format has no checksum), and GPN's dilation keys, which change the computation
// and no tensor's shape. The file readers alone are fuzzed in formats/checkpointFuzz.test.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../node/nodeRuntime';
import { FIXTURES, joinSafetensors, outcome, read, same, splitSafetensors, type Fixture } from './testPublishedFolders';

/** Keys whose edit changes the model without changing any tensor's shape (get_dilation_schedule's inputs). */
const SHAPELESS: Partial<Record<Fixture, RegExp>> = { 'gpn-convnet': /^dilation_/ };

/** Every leaf of the config down to depth 2, as [path, value]. */
function leaves(json: Record<string, unknown>): [string[], unknown][] {
  return Object.entries(json).flatMap(([k, v]): [string[], unknown][] =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v).map(([k2, v2]): [string[], unknown] => [[k, k2], v2])
      : [[[k], v]],
  );
}
type ConfigEdit =
  | { kind: 'size'; path: string[]; value: number }
  | { kind: 'remove'; path: string[] }
  | { kind: 'type'; value: string };
function editConfig(json: Record<string, unknown>, e: ConfigEdit): Uint8Array {
  const out = structuredClone(json);
  if (e.kind === 'type') out.model_type = e.value;
  else {
    const parent = (e.path.length === 2 ? out[e.path[0]!] : out) as Record<string, unknown>;
    if (e.kind === 'remove') delete parent[e.path.at(-1)!];
    else parent[e.path.at(-1)!] = e.value;
  }
  return new TextEncoder().encode(JSON.stringify(out));
}
const configEdit = (json: Record<string, unknown>): fc.Arbitrary<ConfigEdit> => {
  const all = leaves(json),
    ints = all.filter(([, v]) => Number.isInteger(v)) as [string[], number][];
  return fc.oneof(
    fc
      .constantFrom(...ints)
      .chain(([path, v]) =>
        fc.integer({ min: 0, max: 2 * v + 2 }).map((value): ConfigEdit => ({ kind: 'size', path, value })),
      ),
    fc.constantFrom(...all.map(([p]) => p)).map((path): ConfigEdit => ({ kind: 'remove', path })),
    fc
      .constantFrom('hyenadna', 'caduceus', 'ConvNet', 'mamba', 'bert', '')
      .map((value): ConfigEdit => ({ kind: 'type', value })),
  );
};
type WeightEdit =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'cut'; at: number }
  | { kind: 'rename'; key: number; to: number; suffix: string };

describe('published folders, damaged: refused naming the file, or the original logits exactly', () => {
  beforeAll(() => useNodeBackend('cpu'));

  for (const name of Object.keys(FIXTURES) as Fixture[]) {
    const file = FIXTURES[name],
      configBytes = read(name, 'config.json'),
      weights = read(name, file);
    const json = JSON.parse(new TextDecoder().decode(configBytes)) as Record<string, unknown>;
    let original: number[][][];
    beforeAll(async () => {
      const o = await outcome(name, configBytes, weights);
      if (!('logits' in o)) throw o.refused;
      original = o.logits;
    });

    it(`${name}: config.json edits`, async () => {
      const seen = { refused: 0, equal: 0, changed: 0 };
      await fc.assert(
        fc.asyncProperty(configEdit(json), async (edit) => {
          const got = await outcome(name, editConfig(json, edit), weights);
          if ('refused' in got) {
            expect(got.refused.message).toMatch(new RegExp(`config\\.json|${file.replace('.', '\\.')}`));
            seen.refused++;
          } else if (same(got.logits, original)) seen.equal++;
          else {
            // a different model that fits the same tensors: only where a key changes no shape
            expect(edit.kind !== 'type' && SHAPELESS[name]?.test(edit.path.at(-1)!)).toBe(true);
            seen.changed++;
          }
        }),
        { numRuns: 150 },
      );
      console.log(`${name} config.json edits: ${JSON.stringify(seen)}`);
      expect(seen.refused).toBeGreaterThan(10); // the edits reach the checks
      expect(seen.equal).toBeGreaterThan(0); // and some are harmless (unread keys, defaults equal to the value)
    }, 300_000);

    it(`${name}: ${file} damaged`, async () => {
      const st = file.endsWith('.safetensors') ? splitSafetensors(weights) : undefined;
      const keys = st ? Object.keys(st.header).filter((k) => k !== '__metadata__') : [];
      const xor = fc.integer({ min: 1, max: 255 }),
        flip = fc.constant('flip' as const);
      const edit: fc.Arbitrary<WeightEdit> = fc.oneof(
        // anywhere, and more often in the structure at the start
        fc.record({ kind: flip, at: fc.nat(weights.length - 1), xor }),
        fc.record({ kind: flip, at: fc.nat(Math.min(weights.length, 4096) - 1), xor }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat(weights.length) }),
        ...(st
          ? [
              fc.record({
                kind: fc.constant('rename' as const),
                key: fc.nat(keys.length - 1),
                to: fc.nat(keys.length),
                suffix: fc.constantFrom('', 'x', '.weight', '_'),
              }),
            ]
          : []),
      );
      const seen = { refused: 0, equal: 0, changed: 0 };
      await fc.assert(
        fc.asyncProperty(edit, async (e) => {
          let bytes: Uint8Array = weights.slice(),
            names: string[] = [];
          if (e.kind === 'flip') bytes[e.at] = bytes[e.at]! ^ e.xor;
          else if (e.kind === 'cut') bytes = bytes.slice(0, e.at);
          else {
            // a key renamed (to another of the file's keys, or itself with a suffix) in a rewritten header
            const from = keys[e.key]!,
              to = (keys[e.to] ?? from) + e.suffix;
            names = [from, to];
            const header = Object.fromEntries(Object.entries(st!.header).map(([k, v]) => [k === from ? to : k, v]));
            bytes = joinSafetensors(header, st!.data);
          }
          const got = await outcome(name, configBytes, bytes);
          if ('refused' in got) {
            expect(got.refused.message).toContain(`${name}/${file}`);
            const renamed = names.length > 0 && names[0] !== names[1];
            if (renamed) expect(names.some((n) => got.refused.message.includes(n))).toBe(true);
            seen.refused++;
          } else if (same(got.logits, original)) seen.equal++;
          else {
            // no checksum in safetensors: a flipped byte of a tensor's data reads as another value
            expect(e.kind === 'flip' && st !== undefined && e.at >= st.dataStart).toBe(true);
            seen.changed++;
          }
        }),
        { numRuns: 150 },
      );
      console.log(`${name} ${file} damaged: ${JSON.stringify(seen)}`);
      expect(seen.refused).toBeGreaterThan(10);
    }, 300_000);
  }
});
