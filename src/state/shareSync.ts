// Keeps the URL fragment equal to the analysis (so a reload or a shared link reopens it), and restores an
// analysis from a link or a session file. What is saved is share/savedAnalysis.ts's shape, made by savedOf.

import { LinkError } from '../share/linkError';
import { MAX_LINK_CHARS } from '../share/linkCodec';
import {
  decodeLink,
  encodeLink,
  type DecodedAnalysis,
  type SavedAnalyses,
  type SavedAnalysis,
} from '../share/savedAnalysis';
import { USER_PREFIX } from './modelLoad';
import { ANALYSES } from '../analysis/registry';
import { selectBusy } from './selectors';
import type { AppState, AppStore } from './types';

export const SESSION_FORMAT = 'glm-playground/session@1';

/** The current analysis as a saved analysis, or null before anything was analysed or while the results are stale. */
export function savedOf(s: AppState): SavedAnalysis | null {
  if (!s.analysed || !s.modelId || s.stale) return null;
  const analyses: SavedAnalyses = {};
  if (s.model && s.model.nAttentionLayers > 0) analyses.attention = s.attentionSettings;
  if (s.variants.length || s.window !== 256 || s.bothStrands) {
    analyses.variants = {
      variants: s.variants.map((v) => v.source.text),
      window: s.window,
      bothStrands: s.bothStrands,
    };
  }
  // every other analysis that ran on this sequence and model, as its descriptor saves its arguments
  for (const job of Object.values(s.jobs)) {
    if (!job || job.slot !== 'a' || job.status !== 'done' || job.of.sequence !== s.analysed.sequence) continue;
    if (job.kind !== 'attention' && job.kind !== 'variants' && job.kind !== 'scan' && ANALYSES.get(job.kind)?.saved) {
      (analyses as Record<string, unknown>)[job.kind] = job.args;
    }
  }
  return {
    name: s.analysed.name,
    sequence: s.analysed.sequence,
    softMasked: s.analysed.softMasked,
    // a brought model is named by its own id: the recipient is told the page does not have it
    models: {
      primary: s.modelId.startsWith(USER_PREFIX) ? s.modelId.slice(USER_PREFIX.length) : s.modelId,
      ...(s.compareId ? { compare: s.compareId } : {}),
    },
    view: { ...(s.view.zoom || s.view.start ? s.view : {}), ...(s.focus !== null ? { focus: s.focus } : {}) },
    analyses,
    ...(s.exampleId ? { example: s.exampleId } : {}),
  };
}

let timer: ReturnType<typeof setTimeout> | undefined;
let written = '';

/** Rewrite the fragment (without a history entry) whenever the saved analysis changes, once nothing runs. */
export function startShareSync(store: AppStore): void {
  // a link pasted into the address bar of an open tab only changes the fragment
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === written) return;
    store.setState({ linkMessage: null });
    void restoreFromLocation(store);
  });
  store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = store.getState();
      if (selectBusy(s)) return; // written once the work ends (the subscription fires again then)
      const saved = savedOf(s);
      const link = saved ? encodeLink(saved) : '';
      if (link === written) return;
      written = link;
      const fits = link.length > 0 && link.length <= MAX_LINK_CHARS;
      // stale or no results: the address bar must not hold an analysis the page no longer shows as current
      history.replaceState(null, '', fits ? `#${link}` : location.pathname + location.search);
      store.setState({ shareLinkLength: link.length, shareTooLarge: link.length > MAX_LINK_CHARS });
    }, 300);
  });
}

export function sessionFile(store: AppStore): Blob | null {
  const saved = savedOf(store.getState());
  return saved
    ? new Blob([JSON.stringify({ format: SESSION_FORMAT, state: encodeLink(saved) })], { type: 'application/json' })
    : null;
}

/** Read a session file's text; throws LinkError with a specific message. */
export function readSessionFile(text: string): DecodedAnalysis {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LinkError('This file is not a session file (it is not JSON).');
  }
  const j = json as { format?: unknown; state?: unknown };
  if (j.format !== SESSION_FORMAT || typeof j.state !== 'string')
    throw new LinkError(`This file is not a session file of this app (format ${JSON.stringify(j.format)}).`);
  return decodeLink(j.state, Infinity);
}

/** Open the analysis a link or session file holds; notes (an unknown model, a format-1 link) go to linkMessage. */
export async function restore(store: AppStore, st: DecodedAnalysis): Promise<void> {
  const notes = await store.getState().openAnalysis(st);
  const all = [...(st.notice ? [st.notice] : []), ...notes];
  store.setState({ linkMessage: all.join(' ') || null });
}

/** At start-up: restore the analysis in the fragment, or say precisely why it cannot be read. */
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
