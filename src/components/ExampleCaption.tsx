// The open gallery example's caption beside its result: what to look for, the regions it names (a click
// focuses one) and, where the example has one, a step-by-step walkthrough.
import { useShallow } from 'zustand/react/shallow';
import { GALLERY } from '../gallery/examples';
import { useApp } from '../state/store';

export function ExampleCaption() {
  const { exampleId, marks, setFocus } = useApp(
    useShallow((s) => ({ exampleId: s.exampleId, marks: s.marks, setFocus: s.setFocus })),
  );
  const ex = GALLERY.find((e) => e.id === exampleId);
  if (!ex) return null;
  return (
    <aside className="panel example-caption" aria-labelledby="example-h" data-testid="example-caption">
      <h2 id="example-h">Example: {ex.title}</h2>
      <p>{ex.caption}</p>
      {marks.length > 0 && (
        <p className="muted">
          Marked on the tracks:{' '}
          {marks.map((m, i) => (
            <span key={`${m.start}-${m.label}`}>
              {i > 0 && ', '}
              <button type="button" className="link" onClick={() => setFocus(m.start)}>
                {m.label} ({m.start + 1}-{m.end})
              </button>
            </span>
          ))}
        </p>
      )}
      {ex.walkthrough && (
        <details open>
          <summary>Walkthrough: how to read this</summary>
          <ol data-testid="walkthrough">
            {ex.walkthrough.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      )}
    </aside>
  );
}
