// Bad input at the level of the whole loader: fixture folders of shared/reference-models with their config.json
// edited (a size changed, a key removed, model_type changed) or their weight file damaged (bytes flipped, the file
// cut, a safetensors key renamed in a rewritten header), read by loadModel. Each is refused with a
// ModelFormatError naming the file (and the key, for a renamed one), or loads a model whose logits on the
// fixture inputs are the original's exactly. Two exceptions, each asserted for what it is: a flip inside a
// safetensors tensor's bytes (the format has no checksum), and GPN's dilation keys, which change the computation
// and no tensor's shape. The file readers alone are fuzzed in formats/checkpointFuzz.test.ts.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logitsOf } from '../cli/logits';
import { useNodeBackend } from '../node/nodeRuntime';
import { referenceModelsDir } from '../node/referenceModels';
import { ModelFormatError } from './formatError';
import { loadModel } from './loadModel';
import { modelFolder } from './memorySource';
import type { SequenceModel } from './sequenceModel';

const FIXTURES = {
  'hyenadna-hf': 'model.safetensors',
  'hyenadna-original': 'weights.ckpt',
  'caduceus-ps': 'model.safetensors',
  'gpn-convnet': 'pytorch_model.bin',
} as const;
type Fixture = keyof typeof FIXTURES;
/** Keys whose edit changes the model without changing any tensor's shape (get_dilation_schedule's inputs). */
const SHAPELESS: Partial<Record<Fixture, RegExp>> = { 'gpn-convnet': /^dilation_/ };

const read = (name: string, file: string) => new Uint8Array(readFileSync(join(referenceModelsDir(), name, file)));
const ab = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;
const folder = (name: Fixture, config: Uint8Array, weights: Uint8Array) =>
  modelFolder(
    [
      { path: `${name}/config.json`, bytes: ab(config) },
      { path: `${name}/${FIXTURES[name]}`, bytes: ab(weights) },
    ],
    name,
  );
/** The fixture inputs the logits are compared on: the 1- and 37-token ones (the longest adds time, not paths). */
const inputs = (name: string) =>
  (JSON.parse(new TextDecoder().decode(read(name, 'reference.json'))) as { inputs: { token_ids: number[] }[] }).inputs
    .slice(0, 2)
    .map((i) => i.token_ids);

type Outcome = { refused: ModelFormatError } | { logits: number[][][] };
async function outcome(name: Fixture, config: Uint8Array, weights: Uint8Array): Promise<Outcome> {
  let model: SequenceModel;
  try {
    model = (await loadModel(folder(name, config, weights))) as unknown as SequenceModel;
  } catch (e) {
    if (e instanceof ModelFormatError) return { refused: e };
    throw e; // any other exception fails the property
  }
  try {
    return { logits: await logitsOf(model, inputs(name)) };
  } finally {
    model.dispose();
  }
}
const same = (a: number[][][], b: number[][][]) =>
  a.every((r, i) => r.every((row, t) => row.every((v, k) => Object.is(v, b[i]![t]![k]))));

/** A safetensors file's header and the bytes after it. */
function splitSafetensors(file: Uint8Array) {
  const n = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + n))) as Record<string, unknown>;
  return { header, data: file.subarray(8 + n), dataStart: 8 + n };
}
function joinSafetensors(header: Record<string, unknown>, data: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}

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

describe('published folders, each refusal named', () => {
  beforeAll(() => useNodeBackend('cpu'));
  const name = 'hyenadna-hf',
    configBytes = read(name, 'config.json'),
    weights = read(name, 'model.safetensors');
  const json = JSON.parse(new TextDecoder().decode(configBytes)) as Record<string, unknown>;
  const st = splitSafetensors(weights),
    bias = 'hyena.backbone.ln_f.bias';
  const withConfig = (patch: Record<string, unknown>) =>
    new TextEncoder().encode(JSON.stringify({ ...json, ...patch }));
  const withHeader = (edit: (h: Record<string, Record<string, unknown>>) => void) => {
    const h = structuredClone(st.header) as Record<string, Record<string, unknown>>;
    edit(h);
    return joinSafetensors(h, st.data);
  };
  const refusal = async (config: Uint8Array, bytes: Uint8Array) => {
    const o = await outcome(name, config, bytes);
    if ('logits' in o) throw new Error('loaded');
    return o.refused.message;
  };

  /** The parts, in this order, anywhere in the message. */
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const says = (...parts: string[]) => new RegExp(parts.map(escape).join('.*'));
  const file = 'hyenadna-hf/model.safetensors: ';
  it.each([
    [
      'an unknown model_type',
      withConfig({ model_type: 'bert' }),
      weights,
      says('hyenadna-hf/config.json: unknown model type "bert"; this app reads', 'hyenadna, caduceus, ConvNet'),
    ],
    [
      'a missing key',
      configBytes,
      withHeader((h) => {
        delete h[bias];
      }),
      says(`${file}key ${bias} is missing; the config needs it with shape [32]`),
    ],
    [
      'an extra key',
      configBytes,
      withHeader((h) => {
        h['hyena.backbone.extra.weight'] = { ...h[bias] };
      }),
      says(`${file}key hyena.backbone.extra.weight is not part of this model`),
    ],
    [
      'a wrong shape',
      configBytes,
      withHeader((h) => {
        h[bias]!.shape = [2, 16];
      }),
      says(`${file}key ${bias} has shape [2, 16]; the config implies [32]`),
    ],
    [
      'an int tensor where a float one is read',
      configBytes,
      withHeader((h) => {
        h[bias]!.dtype = 'I32';
      }),
      says(`${file}key ${bias}: expected a floating-point tensor`, 'found I32'),
    ],
    [
      'a truncated file',
      configBytes,
      weights.slice(0, weights.length - 100),
      says(`${file}tensor`, 'ends at byte', 'of the data, but the file holds', '(the file is truncated)'),
    ],
    [
      'a header longer than the file',
      configBytes,
      (() => {
        const b = weights.slice();
        new DataView(b.buffer).setBigUint64(0, BigInt(b.length), true);
        return b;
      })(),
      says(`${file}its header claims`, 'bytes, but the file holds only', 'after the length'),
    ],
    [
      'a config whose sizes do not match the weights',
      withConfig({ d_model: 48 }),
      weights,
      says(`${file}key hyena.backbone.embeddings.word_embeddings.weight has shape [16, 32]`, 'implies [16, 48]'),
    ],
    [
      'a config that ties the head the file stores apart',
      withConfig({ tie_word_embeddings: true }),
      weights,
      says(`${file}keys hyena.backbone.embeddings.word_embeddings.weight and lm_head.weight hold different tensors`),
    ],
  ])('%s', async (_, config, bytes, message) => {
    await expect(refusal(config, bytes)).resolves.toMatch(message);
  });

  it("the unedited folder loads (the refusals above are the edits')", async () => {
    expect('logits' in (await outcome(name, configBytes, weights))).toBe(true);
  });
});
