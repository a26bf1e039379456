// The per-base scan: every base's predicted distribution, log2 P(observed) and entropy (likelihoodScan.ts).

import { defineAnalysis, requireModel } from '../descriptor';
import { likelihoodScan, type LikelihoodTrack } from '../likelihoodScan';

export const scan = defineAnalysis<{ maskStride: number }, LikelihoodTrack>({
  kind: 'scan',
  label: 'Scoring every base',
  run: (model, input, args, opts) =>
    likelihoodScan(requireModel(model), input.tokens, { maskStride: args.maskStride, ...opts }),
  transfer: (r) => [r.logprobs.buffer, r.observedBits.buffer, r.entropyBits.buffer],
});

declare module '../descriptor' {
  interface AnalysisKinds {
    scan: typeof scan;
  }
}
