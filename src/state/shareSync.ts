// Keeps the URL fragment equal to the analysis (so a reload or a shared link reopens it), and
// restores an analysis from a link or a session file.

import { decodeLink, encodeLink, LinkError, MAX_LINK_CHARS, type DecodedLink, type ShareState } from '../share/linkCodec';
import type { AppStore } from './types';
import { USER_PREFIX } from './userModels';

export const SESSION_FORMAT = 'glm-playground/session@1';

/** The current analysis as share state, or null before anything was analysed or while the results are stale. */
export function shareState(store: AppStore): ShareState | null {
  const s = store.getState();
  if (!s.analysed || !s.modelId || s.stale) return null;
  return {
    name: s.analysed.name, sequence: s.analysed.sequence, softMasked: s.analysed.softMasked,
    // a brought model is named by its own id: the recipient is told the page does not have it
    model: s.modelId.startsWith(USER_PREFIX) ? s.modelId.slice(USER_PREFIX.length) : s.modelId,
    focus: s.focus ?? undefined, layer: s.layer, head: s.head, window: s.window, bothStrands: s.bothStrands,
    variants: s.variants.length ? s.variants.map((v) => v.source.text) : undefined,
    mutagenesis: s.mutagenesis ? [s.mutagenesis.start, s.mutagenesis.end] : undefined,
    method: s.mutagenesisMethod ?? undefined,
    view: s.view.zoom || s.view.start ? s.view : undefined,
    dependency: s.dependency ? { start: s.dependency.start, end: s.dependency.end, strands: s.dependency.strands } : undefined,
    compare: s.compareId ?? undefined,
  };
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Rewrite the fragment (without a history entry) whenever the shared parts of the state change. */
export function startShareSync(store: AppStore): void {
  // a link pasted into the address bar of an open tab only changes the fragment
  window.addEventListener('hashchange', () => { store.setState({ linkMessage: null }); void restoreFromLocation(store); });
  store.subscribe((s, prev) => {
    if (s.analysed === prev.analysed && s.focus === prev.focus && s.layer === prev.layer && s.head === prev.head &&
      s.variants === prev.variants && s.window === prev.window && s.bothStrands === prev.bothStrands && s.mutagenesis === prev.mutagenesis && s.dependency === prev.dependency &&
      s.view === prev.view && s.mutagenesisMethod === prev.mutagenesisMethod && s.busy === prev.busy && s.stale === prev.stale && s.compareId === prev.compareId) return; // busy: write once a run ends
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (store.getState().busy) return;
      const st = shareState(store);
      if (!st) { // stale results: the address bar must not hold an analysis the page no longer shows as current
        history.replaceState(null, '', location.pathname + location.search);
        store.setState({ shareLinkLength: 0, shareTooLarge: false });
        return;
      }
      const link = encodeLink(st);
      const fits = link.length <= MAX_LINK_CHARS;
      history.replaceState(null, '', fits ? `#${link}` : location.pathname + location.search);
      store.setState({ shareLinkLength: link.length, shareTooLarge: !fits });
    }, 300);
  });
}

export function sessionFile(store: AppStore): Blob | null {
  const st = shareState(store);
  return st ? new Blob([JSON.stringify({ format: SESSION_FORMAT, state: encodeLink(st) })], { type: 'application/json' }) : null;
}

/** Read a session file's text into share state; throws LinkError with a specific message. */
export function readSessionFile(text: string): DecodedLink {
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw new LinkError('This file is not a session file (it is not JSON).'); }
  const j = json as { format?: unknown; state?: unknown };
  if (j.format !== SESSION_FORMAT || typeof j.state !== 'string') throw new LinkError(`This file is not a session file of this app (format ${JSON.stringify(j.format)}).`);
  return decodeLink(j.state, Infinity);
}

function fastaOf(st: ShareState): string {
  let seq = '';
  for (let i = 0; i < st.sequence.length; i++) seq += st.softMasked?.[i] ? st.sequence[i]!.toLowerCase() : st.sequence[i]!;
  return `>${st.name}\n${seq.replace(/(.{60})/g, '$1\n').trim()}\n`;
}

/** Open the analysis a link or session file holds; notes (an unknown model, a format-1 link) go to linkMessage. */
export async function restore(store: AppStore, st: DecodedLink): Promise<void> {
  const notes = await store.getState().openAnalysis({
    text: fastaOf(st), model: st.model, settings: { window: st.window, bothStrands: st.bothStrands, mutagenesisMethod: st.method },
    layer: st.layer, head: st.head, focus: st.focus, view: st.view, variants: st.variants, mutagenesis: st.mutagenesis, dependency: st.dependency, compare: st.compare,
  });
  const all = [...(st.notice ? [st.notice] : []), ...notes];
  store.setState({ linkMessage: all.join(' ') || null });
}

/** At start-up: restore the analysis in the fragment, or say precisely why it cannot be read (also for fragments this app does not know). */
export async function restoreFromLocation(store: AppStore): Promise<void> {
  if (location.hash.length <= 1) return;
  try {
    await restore(store, decodeLink(location.hash));
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    store.setState({ linkMessage: `${e.message} The app opened empty instead.` });
    history.replaceState(null, '', location.pathname + location.search);
  }
}
