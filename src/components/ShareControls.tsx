// Share the analysis: the link (the URL fragment is kept up to date), or a session file when too long.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_LINK_CHARS } from '../share/linkCodec';
import { LinkError } from '../share/linkError';
import { readSessionFile, restore, sessionFile } from '../state/shareSync';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';

export function ShareControls() {
  const { current, length, tooLarge, linkMessage, busy, stale } = useApp(
    useShallow((s) => ({
      current: s.stale ? null : s.analysed,
      length: s.shareLinkLength,
      tooLarge: s.shareTooLarge,
      linkMessage: s.linkMessage,
      busy: selectBusy(s),
      stale: s.stale,
    })),
  );
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied('Link copied.');
    } catch {
      setCopied('Copy the address bar: it holds the whole analysis.');
    }
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
      await restore(useApp, readSessionFile(await file.text()));
    } catch (e) {
      useApp.setState({
        linkMessage: e instanceof LinkError ? e.message : `Could not open ${file.name}: ${(e as Error).message}`,
      });
    }
  };
  return (
    <div className="share">
      {current && !tooLarge && (
        <button type="button" onClick={() => void copy()} disabled={busy}>
          Copy share link
        </button>
      )}
      {current && tooLarge && (
        <span className="notice">
          This analysis makes a {length.toLocaleString('en-US')}-character link, over the{' '}
          {MAX_LINK_CHARS.toLocaleString('en-US')} a link may hold: save a session file instead.
        </span>
      )}
      {current && (
        <button type="button" onClick={save}>
          Save session file
        </button>
      )}
      {stale && (
        <span className="muted" data-testid="share-stale">
          No share link: the results shown are not for the current input (press Run).
        </span>
      )}
      <label className="file-label">
        Open session file{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void open(f);
            e.target.value = '';
          }}
        />
      </label>
      {copied && (
        <span className="muted" role="status">
          {copied}
        </span>
      )}
      {linkMessage && (
        <p className="error" role="alert" data-testid="link-message">
          {linkMessage}
        </p>
      )}
    </div>
  );
}
