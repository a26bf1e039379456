// HyenaDNA's weight table: every tensor build() reads, under the names of both published layouts. Names are
// the backbone's own ('layers.0.mixer.in_proj.weight'); the -hf files prefix them 'hyena.backbone.', the
// original checkpoints 'model.backbone.' (with '.mixer.layer.' / '.mlp.layer.' when trained with gradient
// checkpointing). One Sin module is shared by the filter MLP: the original stores its freq under each of
// implicit_filter.1/3/5, the -hf file under .1 only. pos_emb.z and .t are read, never recomputed.

import type { WeightEntry } from '../../family';
import type { HyenaDNAConfig } from './config';

/** The filter MLP's module indices: Linear at 0, 2, ..., Sin after each but the last Linear (no bias). */
export function filterLayers(c: HyenaDNAConfig): { linears: number[]; sins: number[]; out: number } {
  const linears = Array.from({ length: c.numInnerMlps + 1 }, (_, k) => 2 * k);
  return { linears, sins: linears.map((i) => i + 1), out: 2 * (c.numInnerMlps + 1) };
}

/** The file's names for a backbone tensor, the config's expectation first. */
function fileNames(c: HyenaDNAConfig, name: string): string[] {
  if (c.layout === 'hf') return [`hyena.backbone.${name}`];
  const plain = `model.backbone.${name}`;
  const injected = plain.replace(/\.mixer\./, '.mixer.layer.').replace(/\.mlp\./, '.mlp.layer.');
  if (injected === plain) return [plain];
  return c.checkpointed ? [injected, plain] : [plain, injected];
}

export function hyenaDNAWeights(c: HyenaDNAConfig): WeightEntry[] {
  const D = c.dModel,
    F = c.filterOrder,
    V = c.paddedVocab;
  const table: WeightEntry[] = [];
  const add = (name: string, shape: number[], from = fileNames(c, name)) => table.push({ name, shape, from });
  add('embeddings.word_embeddings.weight', [V, D]);
  const { linears, sins, out } = filterLayers(c);
  for (let i = 0; i < c.nLayer; i++) {
    const p = `layers.${i}`,
      m = `${p}.mixer`,
      f = `${m}.filter_fn`;
    add(`${p}.norm1.weight`, [D]);
    add(`${p}.norm1.bias`, [D]);
    add(`${m}.in_proj.weight`, [3 * D, D]);
    add(`${m}.in_proj.bias`, [3 * D]);
    add(`${m}.short_filter.weight`, [3 * D, 1, 3]);
    add(`${m}.short_filter.bias`, [3 * D]);
    add(`${f}.bias`, [D]);
    add(`${f}.pos_emb.z`, [1, c.lMax, c.embDim]);
    add(`${f}.pos_emb.t`, [1, c.lMax, 1]);
    linears.forEach((k, j) => {
      add(`${f}.implicit_filter.${k}.weight`, [F, j === 0 ? c.embDim : F]);
      add(`${f}.implicit_filter.${k}.bias`, [F]);
    });
    const freqNames = sins.flatMap((k) => fileNames(c, `${f}.implicit_filter.${k}.freq`));
    add(`${f}.implicit_filter.${sins[0]}.freq`, [1, F], freqNames);
    add(`${f}.implicit_filter.${out}.weight`, [D, F]);
    add(`${f}.modulation.deltas`, [1, 1, D]);
    add(`${m}.out_proj.weight`, [D, D]);
    add(`${m}.out_proj.bias`, [D]);
    add(`${p}.norm2.weight`, [D]);
    add(`${p}.norm2.bias`, [D]);
    add(`${p}.mlp.fc1.weight`, [c.dInner, D]);
    add(`${p}.mlp.fc1.bias`, [c.dInner]);
    add(`${p}.mlp.fc2.weight`, [D, c.dInner]);
    add(`${p}.mlp.fc2.bias`, [D]);
  }
  add('ln_f.weight', [D]);
  add('ln_f.bias', [D]);
  const embedding = fileNames(c, 'embeddings.word_embeddings.weight');
  const head = c.layout === 'hf' ? ['lm_head.weight'] : ['model.lm_head.weight'];
  // tied: the embedding is the head (a file may also hold it under the head's name); untied: its own tensor
  add('lm_head.weight', [V, D], c.tiedHead ? [...embedding, ...head] : head);
  return table;
}
