// "Check against PyTorch": re-runs the model's golden vectors on this browser's backend.
import { useState } from 'react';
import type { GoldenReport } from '../model/check/goldenCheck';
import { useApp } from '../state/store';

export const CHECK_TOLERANCE = 1e-3;

export function ModelCheck() {
  const model = useApp((s) => s.model);
  const checkModel = useApp((s) => s.checkModel);
  const [state, setState] = useState<{ running: boolean; report?: GoldenReport & { backend: string }; error?: string }>(
    { running: false },
  );
  // no PyTorch golden vectors for the baseline, nor in a published folder (its checkpoint's checks hold it)
  if (!model || model.architecture === 'markov' || model.format === 'published') return null;
  const run = async () => {
    setState({ running: true });
    try {
      setState({ running: false, report: await checkModel() });
    } catch (e) {
      setState({ running: false, error: (e as Error).message });
    }
  };
  const r = state.report;
  return (
    <span>
      <button type="button" onClick={() => void run()} disabled={state.running}>
        {state.running ? 'Checking…' : 'Check against PyTorch'}
      </button>{' '}
      {r && (
        <span
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
      {state.error && <span className="error">{state.error}</span>}
    </span>
  );
}
