// A family's weight table applied to the tensors of a file: every entry found under one of its names, with
// the shape and dtype the config implies, and no tensor of the file left unclaimed. An entry stored under more
// than one of its names (tied twins that torch.save keeps both of) must hold the same tensor under each: a file
// whose lm_head.weight differs from the embedding it is tied to by the config is another model's. Each refusal
// names the file, the key, and what was expected against what was found.

import type { NamedTensors, WeightEntry } from '../family';
import { ModelFormatError } from '../formatError';
import { isFloatDtype, type RawTensor, toFloat32, toInt64, type RawTensors } from './rawTensor';

const shapeText = (s: readonly number[]) => `[${s.join(', ')}]`;

function sameTensor(a: RawTensor, b: RawTensor): boolean {
  if (a.dtype !== b.dtype || shapeText(a.shape) !== shapeText(b.shape)) return false;
  if (a.bytes.buffer === b.bytes.buffer && a.bytes.byteOffset === b.bytes.byteOffset) return true; // one storage
  return a.bytes.every((v, i) => v === b.bytes[i]);
}

export function resolveWeights(table: readonly WeightEntry[], raw: RawTensors, file: string): NamedTensors {
  const out: NamedTensors = new Map();
  const claimed = new Set<string>();
  for (const e of table) {
    const key = e.from.find((k) => raw.has(k));
    if (key === undefined) {
      const names = e.from.length > 1 ? ` (nor under ${e.from.slice(1).join(', ')})` : '';
      throw new ModelFormatError(
        `${file}: key ${e.from[0]} is missing${names}; the config needs it with shape ${shapeText(e.shape)}.`,
      );
    }
    const t = raw.get(key)!;
    for (const k of e.from.filter((n) => raw.has(n))) {
      // a tied twin stored under both names is one tensor
      const twin = raw.get(k)!;
      if (twin !== t && !sameTensor(twin, t)) {
        throw new ModelFormatError(
          `${file}: keys ${key} and ${k} hold different tensors, but the config ties them ` +
            '(one tensor under both names): the weights do not match the config.',
        );
      }
      claimed.add(k);
    }
    if (t.shape.length !== e.shape.length || t.shape.some((d, i) => d !== e.shape[i])) {
      const shapes = `has shape ${shapeText(t.shape)}; the config implies ${shapeText(e.shape)}`;
      throw new ModelFormatError(`${file}: key ${key} ${shapes} (the weights do not match the config).`);
    }
    const where = `${file}: key ${key}`;
    if (e.dtype === 'int64') out.set(e.name, { shape: [...t.shape], data: toInt64(t, where) });
    else if (isFloatDtype(t.dtype)) out.set(e.name, { shape: [...t.shape], data: toFloat32(t, where) });
    else
      throw new ModelFormatError(
        `${where}: expected a floating-point tensor (F32, F16, BF16 or F64), found ${t.dtype}.`,
      );
  }
  const extra = [...raw.keys()].filter((k) => !claimed.has(k));
  if (extra.length) {
    const list = extra.slice(0, 3).join(', ') + (extra.length > 3 ? ` and ${extra.length - 3} more` : '');
    const [keys, are] = extra.length === 1 ? ['key', 'is'] : ['keys', 'are'];
    throw new ModelFormatError(
      `${file}: ${keys} ${list} ${are} not part of this model as its config describes it ` +
        '(a different architecture or size?).',
    );
  }
  return out;
}
