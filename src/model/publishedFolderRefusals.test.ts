// Each refusal of a damaged published folder (hyenadna-hf edited by hand) says what is wrong, naming the file, the
// key and both shapes or types where there are some; the unedited folder loads.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../node/nodeRuntime';
import { joinSafetensors, outcome, read, splitSafetensors } from './testPublishedFolders';

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
