// Published models from the Hugging Face Hub: the catalogue, each with its size, licence, data and what is known
// of its zero-shot quality, and a button that downloads it (progress, time left, cancel) or loads this browser's
// copy. Nothing is fetched until a button is pressed, and no request carries the sequence.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { HUB_CATALOGUE, type HubEntry } from '../model/hub/catalogue';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { ProgressBar } from './ProgressBar';

function EntryRow({ e, cached, disabled }: { e: HubEntry; cached: boolean; disabled: boolean }) {
  const downloadHub = useApp((s) => s.downloadHub);
  const forgetHub = useApp((s) => s.forgetHub);
  return (
    <li data-testid={`hub-${e.id}`}>
      <strong>{e.repo}</strong>{' '}
      <span>
        {e.family}, {e.objective === 'mlm' ? 'masked' : 'causal'}, trained on {e.trainedContext.toLocaleString('en-US')}
        -base windows of {e.trainingData}; {e.licence}; {e.sizeMB} MB.
      </span>{' '}
      <button type="button" disabled={disabled} onClick={() => void downloadHub(e.id)}>
        {cached ? `Load from this browser (${e.sizeMB} MB, saved)` : `Download from Hugging Face (${e.sizeMB} MB)`}
      </button>
      {cached && (
        <button type="button" disabled={disabled} onClick={() => void forgetHub(e.id)}>
          Remove from this browser
        </button>
      )}
      <div className="muted">
        Zero-shot: {e.zeroShot.text} ({e.zeroShot.source})
        {e.unverified.length > 0 && <> Not verified: {e.unverified.join('; ')}.</>}
      </div>
    </li>
  );
}

export function HubModels() {
  const { hub, hubCached, busy, refreshHubCache, cancelHub } = useApp(
    useShallow((s) => ({
      hub: s.hub,
      hubCached: s.hubCached,
      busy: selectBusy(s),
      refreshHubCache: s.refreshHubCache,
      cancelHub: s.cancelHub,
    })),
  );
  useEffect(() => void refreshHubCache(), [refreshHubCache]);
  const running = hub?.status === 'downloading' || hub?.status === 'loading';
  return (
    <details className="hub-models" data-testid="hub-models">
      <summary>
        <strong>Published models</strong> from the Hugging Face Hub: downloaded only when you press a button; the
        request names the file, never your sequence
      </summary>
      <ul>
        {HUB_CATALOGUE.map((e) => (
          <EntryRow key={e.id} e={e} cached={hubCached[e.id] ?? false} disabled={busy || running} />
        ))}
      </ul>
      {running && (
        <div className="row" data-testid="hub-progress">
          <ProgressBar progress={hub.progress} />
          {hub.status === 'downloading' && (
            <button type="button" onClick={cancelHub}>
              Cancel download
            </button>
          )}
        </div>
      )}
      {hub?.status === 'cancelled' && (
        <div className="notice" role="status" data-testid="hub-status">
          {hub.error}
        </div>
      )}
      {hub?.status === 'error' && (
        <div className="error" role="alert" data-testid="hub-error">
          {hub.error}
        </div>
      )}
    </details>
  );
}
