// The tensors a Caduceus checkpoint holds under its published names (CaduceusForMaskedLM's state dict), with
// the shapes its config implies. Caduceus-ps nests each mixer one level deeper (RCPSWrapper: mixer.submodule)
// and stores its embedding inside RCPSEmbedding (word_embeddings.embedding) beside two int64 complement_map
// buffers. Tied tensors are one entry listing every name they may be saved under: save_pretrained keeps only
// the first (mamba_fwd's in_proj / out_proj, the word embeddings), a torch.save file may hold both.

import type { WeightEntry } from '../../family';
import type { CaduceusConfig } from './config';

const BACKBONE = 'caduceus.backbone.';

/** The published key of the embedding's and the LM head's complement_map buffers (Caduceus-ps). */
export const COMPLEMENT_KEYS = {
  embedding: `${BACKBONE}embeddings.word_embeddings.complement_map`,
  head: 'lm_head.complement_map',
} as const;

/** Directions of a BiMamba mixer, by their published module names. */
export const directions = (c: CaduceusConfig): ('mamba_fwd' | 'mamba_rev')[] =>
  c.bidirectional ? ['mamba_fwd', 'mamba_rev'] : ['mamba_fwd'];

/**
 * Runtime names: `embedding`, `layers.{i}.norm.{weight,bias}`, `layers.{i}.{mamba_fwd,mamba_rev}.{param}`
 * (a tied mamba_rev in_proj / out_proj has no entry of its own: build reads mamba_fwd's), `norm_f.{weight,bias}`,
 * and with rcps `embedding.complement_map`, `head.complement_map`.
 */
export function caduceusWeights(c: CaduceusConfig): WeightEntry[] {
  const { dModel: D, vocabSize: V } = c,
    { dInner: Di, dState: N, dtRank: R, dConv: K } = c.mamba;
  const out: WeightEntry[] = [];
  const add = (name: string, shape: number[], ...from: string[]) => out.push({ name, shape, from });
  const norm = (name: string, key: string) => {
    add(`${name}.weight`, [D], `${key}.weight`);
    if (!c.rmsNorm) add(`${name}.bias`, [D], `${key}.bias`);
  };
  if (c.rcps) {
    add('embedding', [V, D], `${BACKBONE}embeddings.word_embeddings.embedding.weight`, 'lm_head.lm_head.weight');
    out.push({ name: 'embedding.complement_map', shape: [V], from: [COMPLEMENT_KEYS.embedding], dtype: 'int64' });
    out.push({ name: 'head.complement_map', shape: [V], from: [COMPLEMENT_KEYS.head], dtype: 'int64' });
  } else {
    add('embedding', [V, D], `${BACKBONE}embeddings.word_embeddings.weight`, 'lm_head.weight');
  }
  for (let i = 0; i < c.nLayer; i++) {
    const layer = `${BACKBONE}layers.${i}`,
      mixer = `${layer}.mixer${c.rcps ? '.submodule' : ''}`;
    norm(`layers.${i}.norm`, `${layer}.norm`);
    for (const dir of directions(c)) {
      const own = (p: string, shape: number[]) => add(`layers.${i}.${dir}.${p}`, shape, `${mixer}.${dir}.${p}`);
      const shared = (p: string, shape: number[]) => {
        const tied = c.bidirectional && c.weightTie;
        const name = `layers.${i}.${dir}.${p}`;
        if (dir === 'mamba_fwd' && tied) add(name, shape, `${mixer}.mamba_fwd.${p}`, `${mixer}.mamba_rev.${p}`);
        else if (dir === 'mamba_fwd' || !tied) own(p, shape);
      };
      shared('in_proj.weight', [2 * Di, D]);
      if (c.mamba.bias) shared('in_proj.bias', [2 * Di]);
      own('conv1d.weight', [Di, 1, K]);
      if (c.mamba.convBias) own('conv1d.bias', [Di]);
      own('x_proj.weight', [R + 2 * N, Di]);
      own('dt_proj.weight', [Di, R]);
      own('dt_proj.bias', [Di]);
      own('A_log', [Di, N]);
      own('D', [Di]);
      shared('out_proj.weight', [D, Di]);
      if (c.mamba.bias) shared('out_proj.bias', [D]);
    }
  }
  norm('norm_f', `${BACKBONE}norm_f`);
  return out;
}
