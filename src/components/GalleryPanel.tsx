// Teaching gallery: curated real sequences that open in one click, each with what to look for.
import { GALLERY, type GalleryExample } from '../gallery/examples';
import { useApp } from '../state/store';

async function open(ex: GalleryExample) {
  const app = useApp.getState();
  const text = await (await fetch(`${import.meta.env.BASE_URL}examples/${ex.file}`)).text();
  if (app.models.some((m) => m.id === ex.model) && app.modelId !== ex.model) await app.selectModel(ex.model);
  useApp.getState().setInput(text);
  await useApp.getState().run();
  const s = useApp.getState();
  if (ex.focus !== undefined) s.setFocus(ex.focus - 1);
  if (ex.mutagenesis) await s.runMutagenesis(ex.mutagenesis[0] - 1, ex.mutagenesis[1]);
}

export function GalleryPanel() {
  const busy = useApp((s) => s.busy);
  if (GALLERY.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="gallery-h">
      <h2 id="gallery-h">Teaching gallery</h2>
      <ul className="gallery">
        {GALLERY.map((ex) => (
          <li key={ex.id}>
            <h3>{ex.title}</h3>
            <p>{ex.caption}</p>
            <button type="button" disabled={busy} onClick={() => void open(ex)} aria-label={`Open ${ex.title}`}>Open</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
