// Teaching gallery: curated real sequences that open in one click; the caption then shows beside the result
// (ExampleCaption).
import { GALLERY, trackMarks, type GalleryExample } from '../gallery/examples';
import { parseSequence } from '../genome/parseSequence';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';

async function open(ex: GalleryExample) {
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
  const busy = useApp(selectBusy);
  if (GALLERY.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="gallery-h">
      <h2 id="gallery-h">Teaching gallery</h2>
      <ul className="gallery">
        {GALLERY.map((ex) => (
          <li key={ex.id}>
            <h3>{ex.title}</h3>
            <p>{ex.summary}</p>
            <button type="button" disabled={busy} onClick={() => void open(ex)} aria-label={`Open ${ex.title}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
