// "Check against PyTorch": re-runs the model's golden vectors on this browser's backend. The result belongs to the
// model it was run on, and is not shown beside another.
import { useState } from 'react';
import type { GoldenReport } from '../model/check/goldenCheck';
import { useApp } from '../state/store';
import type { ModelInfo } from '../worker/protocol';

export const CHECK_TOLERANCE = 1e-3;

interface Check {
  model: ModelInfo;
  running: boolean;
  report?: GoldenReport & { backend: string };
  error?: string;
}

export function ModelCheck() {
  const model = useApp((s) => s.model);
  const checkModel = useApp((s) => s.checkModel);
  const [check, setCheck] = useState<Check | null>(null);
  // no PyTorch golden vectors for the baseline, nor in a published folder (its checkpoint's checks hold it)
  if (!model || model.architecture === 'markov' || model.format === 'published') return null;
  const run = async () => {
    setCheck({ model, running: true });
    try {
      setCheck({ model, running: false, report: await checkModel() });
    } catch (e) {
      setCheck({ model, running: false, error: (e as Error).message });
    }
  };
  // a check of the model loaded before (or of this one before a reload) says nothing of this one
  const state = check?.model === model ? check : null;
  const r = state?.report;
  return (
    <div className="row">
      <button type="button" onClick={() => void run()} disabled={state?.running}>
        {state?.running ? 'Checking…' : 'Check against PyTorch'}
      </button>
      {r && (
        <span
          className="small"
          data-testid="check-result"
          data-max-logprob-error={r.maxLogprobError}
          data-max-attention-error={r.maxAttentionError}
          data-backend={r.backend}
        >
          {r.maxLogprobError < CHECK_TOLERANCE && r.maxAttentionError < CHECK_TOLERANCE ? 'matches' : 'DIFFERS FROM'}{' '}
          PyTorch on {r.backend}: largest difference {r.maxLogprobError.toExponential(1)} in log-probabilities,{' '}
          {r.maxAttentionError.toExponential(1)} in attention ({r.cases.length} sequences)
        </span>
      )}
      {state?.error && <span className="error">{state.error}</span>}
    </div>
  );
}
