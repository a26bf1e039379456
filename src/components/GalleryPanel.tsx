// Teaching gallery: curated real sequences that open in one click; the caption then shows beside the result
// (ExampleCaption).
import { useState } from 'react';
import { GALLERY, trackMarks, type GalleryExample } from '../gallery/examples';
import { parseSequence } from '../genome/parseSequence';
import { useApp } from '../state/store';
import { useResultsFocus } from './resultsFocus';

/** Resolves once no model is loading (a click while the page starts, or a switch runs, waits for it). */
async function modelSettled(): Promise<void> {
  await useApp.getState().init();
  if (useApp.getState().loading === null) return;
  await new Promise<void>((resolve) => {
    const unsubscribe = useApp.subscribe((s) => {
      if (s.loading !== null) return;
      unsubscribe();
      resolve();
    });
  });
}

async function open(ex: GalleryExample): Promise<void> {
  let text: string;
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}examples/${ex.file}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (e) {
    useApp.setState({ runError: `Could not load the example "${ex.title}" (${ex.file}): ${(e as Error).message}` });
    return;
  }
  const record = parseSequence(text).records[0]!;
  await modelSettled();
  if (!useApp.getState().modelId) {
    // the start-up said why (no backend, no model list): the example cannot run, whatever model it names
    useApp.setState({ runError: `Could not open the example "${ex.title}": no model could be loaded.` });
    return;
  }
  const notes = await useApp.getState().openAnalysis(
    {
      name: record.name,
      sequence: record.sequence,
      softMasked: record.softMasked,
      models: { primary: ex.model },
      view: ex.focus === undefined ? {} : { focus: ex.focus - 1 },
      analyses: {
        ...(ex.mutagenesis
          ? { mutagenesis: { start: ex.mutagenesis[0] - 1, end: ex.mutagenesis[1], method: null } }
          : {}),
        ...(ex.dependency
          ? { dependency: { start: ex.dependency[0] - 1, end: ex.dependency[1], strands: 'forward' as const } }
          : {}),
      },
    },
    { id: ex.id, marks: trackMarks(ex) },
  );
  if (notes.length) useApp.setState({ runError: notes.join(' ') });
}

export function GalleryPanel() {
  const { follow } = useResultsFocus();
  const [opening, setOpening] = useState<string | null>(null);
  if (GALLERY.length === 0) return null;
  const choose = async (ex: GalleryExample) => {
    setOpening(ex.id);
    try {
      await follow(() => open(ex));
    } finally {
      setOpening(null);
    }
  };
  return (
    <section className="panel" aria-labelledby="gallery-h">
      <h2 id="gallery-h">Teaching gallery</h2>
      <p className="muted small">Real sequences; each opens with its analyses and what to look for.</p>
      <ul className="gallery">
        {GALLERY.map((ex) => (
          <li key={ex.id}>
            <button
              type="button"
              className="gallery-open"
              disabled={opening !== null}
              aria-label={`Open ${ex.title}`}
              onClick={() => void choose(ex)}
            >
              {ex.title}
              {opening === ex.id ? ' (opening…)' : ''}
            </button>
            <p className="muted small">{ex.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
