// Share the analysis: the link (the URL fragment is kept up to date), or a session file when too long; open one.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_LINK_CHARS } from '../share/linkCodec';
import { LinkError } from '../share/linkError';
import { readSessionFile, restore, sessionFile } from '../state/shareSync';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import type { SequenceRecord } from '../genome/parseSequence';
import type { ModelInfo } from '../worker/protocol';
import { FileButton } from './FileButton';
import { useResultsFocus } from './resultsFocus';

/** What the copy button said, and of which analysis: after a model switch or another run it no longer holds. */
interface Copied {
  message: string;
  model: ModelInfo | null;
  analysed: SequenceRecord | null;
}

export function ShareControls() {
  const { current, model, length, tooLarge, linkMessage, busy, stale } = useApp(
    useShallow((s) => ({
      current: s.stale ? null : s.analysed,
      model: s.model,
      length: s.shareLinkLength,
      tooLarge: s.shareTooLarge,
      linkMessage: s.linkMessage,
      busy: selectBusy(s),
      stale: s.stale,
    })),
  );
  const { follow } = useResultsFocus();
  const [copied, setCopied] = useState<Copied | null>(null);
  const copy = async () => {
    let message = 'Link copied.';
    try {
      await navigator.clipboard.writeText(location.href);
    } catch {
      message = 'Copy the address bar: it holds the whole analysis.';
    }
    setCopied({ message, model, analysed: current });
  };
  const save = () => {
    const blob = sessionFile(useApp);
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${(current?.name ?? 'analysis').replace(/[^\w.-]+/g, '_')}.glm-session.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const open = async (file: File) => {
    try {
      const saved = readSessionFile(await file.text());
      await follow(() => restore(useApp, saved));
    } catch (e) {
      useApp.setState({
        linkMessage: e instanceof LinkError ? e.message : `Could not open ${file.name}: ${(e as Error).message}`,
      });
    }
  };
  const said = copied && copied.model === model && copied.analysed === current && current ? copied.message : '';
  return (
    <section className="panel share" aria-labelledby="share-h">
      <h2 id="share-h">Share</h2>
      <div className="row">
        {current && !tooLarge && (
          <button type="button" onClick={() => void copy()} disabled={busy}>
            Copy share link
          </button>
        )}
        {current && (
          <button type="button" onClick={save}>
            Save session file
          </button>
        )}
        <FileButton inputLabel="Session file" accept=".json,application/json" onFiles={(f) => void open(f[0]!)}>
          Open session file…
        </FileButton>
      </div>
      {current && tooLarge && (
        <p className="notice">
          This analysis makes a {length.toLocaleString('en-US')}-character link, over the{' '}
          {MAX_LINK_CHARS.toLocaleString('en-US')} a link may hold: save a session file instead.
        </p>
      )}
      {!current && !stale && <p className="muted small">After Run, the address bar holds the whole analysis.</p>}
      {stale && (
        <p className="muted small" data-testid="share-stale">
          No share link: the results shown are not for the current input (press Run).
        </p>
      )}
      <p className="muted small" role="status">
        {said}
      </p>
      {linkMessage && (
        <p className="error" role="alert" data-testid="link-message">
          {linkMessage}
        </p>
      )}
    </section>
  );
}
