// What the share link keeps of the page's state (savedOf): every analysis by its descriptor's saved part, the
// models and the view; nothing while the results are stale; and it reopens to the same saved analysis.
import { describe, expect, it, vi } from 'vitest';

vi.mock('./workerClient'); // src/state/__mocks__/workerClient.ts
const { useApp } = await import('./store');
const { savedOf } = await import('./shareSync');
const { decodeLink, encodeLink } = await import('../share/savedAnalysis');

const seq = 'ACGT'.repeat(50);
const analysed = { name: 'chr1:1-200', sequence: seq, softMasked: new Uint8Array(200) };
const done = (kind: string, args: unknown, sequence = seq) => ({
  kind,
  slot: 'a',
  status: 'done',
  progress: { label: '', done: 1, total: 1, startedAt: 0 },
  result: {},
  of: { sequence, model: 'mlm-hybrid-chr22' },
  args,
  ctl: new AbortController(),
});

describe('the saved analysis of the page', () => {
  it('keeps the models, view, attention, variants and every analysis that ran on this sequence, and reopens to the same', () => {
    useApp.setState({
      analysed,
      modelId: 'user:mine',
      compareId: 'clm-hybrid-chr22',
      stale: false,
      focus: 12,
      view: { zoom: 2, start: 5 },
      model: { nAttentionLayers: 2 } as never,
      attentionSettings: { layer: 1, head: 3 },
      window: 255,
      bothStrands: true,
      variants: [
        { key: 'k', source: { chrom: null, pos: 5, ref: 'A', alt: 'G', text: '5A>G' }, index: 4, scores: {}, note: '' },
      ],
      jobs: {
        mutagenesis: done('mutagenesis', { start: 10, end: 30, method: 'wt', window: 255, bothStrands: true }),
        dependency: done('dependency', { start: 0, end: 64, strands: 'both' }),
        gc: done('gc', { window: 51 }),
        scan: done('scan', { maskStride: 8 }),
        attention: done('attention', { layer: 1, heads: [3], focus: 12 }, 'TTTT'), // another sequence: not kept
      } as never,
    });
    const saved = savedOf(useApp.getState())!;
    expect(saved.models).toEqual({ primary: 'mine', compare: 'clm-hybrid-chr22' }); // a brought model by its own id
    expect(saved.view).toEqual({ zoom: 2, start: 5, focus: 12 });
    expect(saved.analyses).toEqual({
      attention: { layer: 1, head: 3 },
      variants: { variants: ['5A>G'], window: 255, bothStrands: true },
      mutagenesis: { start: 10, end: 30, method: 'wt', window: 255, bothStrands: true },
      dependency: { start: 0, end: 64, strands: 'both' },
      gc: { window: 51 },
    });
    const back = decodeLink(encodeLink(saved));
    expect(back.analyses).toEqual({ ...saved.analyses, mutagenesis: { start: 10, end: 30, method: 'wt' } });
    expect(back.sequence).toBe(seq);
  });

  it('names a brought model B as it names a brought model A: by its own id', () => {
    useApp.setState({ analysed, modelId: 'clm-hybrid-chr22', compareId: 'user:mine', stale: false, jobs: {} });
    expect(savedOf(useApp.getState())!.models).toEqual({ primary: 'clm-hybrid-chr22', compare: 'mine' });
  });

  it('keeps nothing while the results are stale or before anything was analysed', () => {
    useApp.setState({ analysed, modelId: 'm', stale: true });
    expect(savedOf(useApp.getState())).toBeNull();
    useApp.setState({ analysed: null, stale: false });
    expect(savedOf(useApp.getState())).toBeNull();
  });
});
