// Every analysis runs as a job keyed by its kind (and the model it runs on): one place for progress, cancel,
// stale marking and errors, whatever the analysis.

import type { StateCreator } from 'zustand';
import { analysisOf } from '../analysis/registry';
import { CallCancelledError, WorkerCrashedError } from '../worker/client';
import type { AppState, Job, JobKey, JobsSlice } from './types';
import { sequenceId, worker } from './workerClient';

export const jobKey = (kind: Job['kind'], slot: Job['slot'] = 'a'): JobKey => (slot === 'b' ? `${kind}@b` : kind);

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set, get) => {
  /** The job with `patch` applied, stored; null when a newer run of the same key superseded it. */
  const update = (key: JobKey, job: Job, patch: Partial<Job>): Job | null => {
    if (get().jobs[key] !== job) return null;
    const next = { ...job, ...patch };
    set({ jobs: { ...get().jobs, [key]: next } });
    return next;
  };
  return {
    jobs: {},

    async runJob(kind, args, opts = {}) {
      const { analysed, modelId, compareId, models } = get();
      const slot = opts.slot ?? 'a';
      const key = jobKey(kind, slot);
      const model = slot === 'b' ? compareId : modelId;
      if (!analysed || !model) return null;
      get().jobs[key]?.ctl.abort();
      const label = opts.label ?? analysisOf(kind).label;
      const job: Job = {
        kind,
        slot,
        status: 'running',
        progress: { label, done: 0, total: 1, startedAt: performance.now(), updatedAt: performance.now() },
        of: { sequence: analysed.sequence, model },
        args,
        ctl: new AbortController(),
      };
      set({ jobs: { ...get().jobs, [key]: job } });
      let current = job;
      const onProgress = (done: number, total: number) => {
        current =
          update(key, current, { progress: { ...current.progress, done, total, updatedAt: performance.now() } }) ??
          current;
      };
      try {
        const signal = job.ctl.signal;
        const entry = models.find((m) => m.id === model);
        const ref = slot === 'b' && entry ? { url: new URL(entry.path, document.baseURI).href } : ('current' as const);
        const result = opts.via
          ? await opts.via(signal, onProgress)
          : await worker().call(
              { type: 'analysis', kind, sequence: await sequenceId(analysed.sequence), args, model: ref } as never,
              { signal, onProgress },
            );
        return update(key, current, { status: 'done', result }) ? (result as never) : null;
      } catch (e) {
        if (e instanceof WorkerCrashedError) {
          // the recovery reruns the analysis
          if (get().jobs[key] === current) set({ jobs: { ...get().jobs, [key]: undefined } });
          return null;
        }
        const cancelled = e instanceof CallCancelledError || job.ctl.signal.aborted;
        update(key, current, {
          status: cancelled ? 'cancelled' : 'error',
          error: cancelled ? `${analysisOf(kind).label} cancelled.` : (e as Error).message,
        });
        return null;
      }
    },

    cancelJob(key) {
      const job = get().jobs[key];
      if (job?.status !== 'running') return false;
      job.ctl.abort();
      return true;
    },

    clearJobs(keys) {
      const jobs = { ...get().jobs };
      for (const k of keys ?? (Object.keys(jobs) as JobKey[])) {
        jobs[k]?.ctl.abort();
        delete jobs[k];
      }
      set({ jobs });
    },
  };
};
