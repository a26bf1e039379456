// What components read of the jobs: a kind's current result (none while stale or of another model), whether
// anything runs, and the progress to show.

import type { AnalysisKind, ResultOf } from '../analysis/descriptor';
import type { AppState, Job, Progress, Slot } from './types';
import { jobKey } from './jobsSlice';

/** The job of `kind`, if any. */
export const jobOf = (s: AppState, kind: AnalysisKind, slot: Slot = 'a'): Job | undefined => s.jobs[jobKey(kind, slot)];

/** The finished result of `kind` on the analysed sequence with the model now loaded (else null: none, stale or running). */
export function resultOf<K extends AnalysisKind>(s: AppState, kind: K, slot: Slot = 'a'): ResultOf<K> | null {
  const j = jobOf(s, kind, slot);
  const model = slot === 'b' ? s.compareId : s.modelId;
  if (!j || j.status !== 'done' || !s.analysed || j.of.sequence !== s.analysed.sequence || j.of.model !== model)
    return null;
  return j.result as ResultOf<K>;
}

/** Anything running: a model load or an analysis. */
export const selectBusy = (s: AppState): boolean =>
  s.loading !== null || Object.values(s.jobs).some((j) => j?.status === 'running');

/** The progress of a running job of `kind`, or null. */
export function progressOf(s: AppState, kind: AnalysisKind, slot: Slot = 'a'): Progress | null {
  const j = jobOf(s, kind, slot);
  return j?.status === 'running' ? j.progress : null;
}
