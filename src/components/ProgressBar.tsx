// Progress with an estimate of the time remaining.
import type { Progress } from '../state/types';

export function ProgressBar({ progress }: { progress: Progress }) {
  const frac = progress.total > 0 ? progress.done / progress.total : 0;
  const elapsed = (progress.updatedAt - progress.startedAt) / 1000;
  const remaining = frac > 0.02 ? (elapsed * (1 - frac)) / frac : null;
  return (
    <div className="progress" role="status" aria-live="polite">
      <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={progress.label} />
      <span>
        {progress.label}: {progress.done}/{progress.total}
        {remaining !== null ? `, about ${Math.ceil(remaining)} s left` : ''}
      </span>
    </div>
  );
}
