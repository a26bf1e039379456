// The loaded model's card in a dialog: what it is (family, size, context, objective, training, licence, source)
// and what its variant scores measured (model.json metrics.variantEffect), each number with its setting.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { METHODS, type ScoreMethod } from '../analysis/variantEffect';
import { QUESTIONS, type Question, type VariantEffectMetrics } from '../model/variantMetrics';
import { useApp } from '../state/store';
import type { ModelEntry } from '../state/types';
import type { ModelInfo } from '../worker/protocol';
import { folderFacts, type FolderFacts } from './modelFolder';
import { fmtAuroc, howFar, settingText } from './scoreReading';

const label = (m: string) => METHODS[m as ScoreMethod]?.label ?? m;

/** A button that opens the card of the loaded model; `text` names it where more than one is on the page. */
export function ModelCardButton({ text = 'About this model' }: { text?: string }) {
  const { model, entry } = useApp(
    useShallow((s) => ({ model: s.model, entry: s.models.find((m) => m.id === s.modelId) })),
  );
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) ref.current?.showModal();
  }, [open]);
  if (!model) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {text}
      </button>
      {open && (
        <dialog ref={ref} className="model-card" aria-labelledby="model-card-h" onClose={() => setOpen(false)}>
          <CardBody model={model} entry={entry} />
          <form method="dialog">
            <button type="submit">Close</button>
          </form>
        </dialog>
      )}
    </>
  );
}

function CardBody({ model, entry }: { model: ModelInfo; entry: ModelEntry | undefined }) {
  const [facts, setFacts] = useState<FolderFacts | null>(null);
  useEffect(() => {
    let live = true;
    if (entry) void folderFacts(entry).then((f) => live && setFacts(f));
    return () => {
      live = false;
    };
  }, [entry]);
  const objective =
    model.objective === 'mlm'
      ? 'masked: predicts a hidden base from the bases on both sides'
      : 'causal: predicts each base from the bases before it';
  const source =
    model.format === 'bundled' ? 'trained for this playground (bundled format)' : "a published family's own files";
  return (
    <div data-testid="model-card">
      <h2 id="model-card-h">About this model: {model.name}</h2>
      <dl className="card-facts">
        <dt>Family</dt>
        <dd>
          {model.family} ({model.architecture})
        </dd>
        <dt>Size</dt>
        <dd>{model.parameters.toLocaleString('en-US')} parameters</dd>
        <dt>Context</dt>
        <dd>
          {model.context.toLocaleString('en-US')} bases
          {facts?.trainContext ? ` (trained on ${facts.trainContext}-base windows)` : ''}
        </dd>
        <dt>Objective</dt>
        <dd>{objective}</dd>
        <dt>Source</dt>
        <dd>
          {entry?.user ? 'your files (brought to this page)' : source}
          {facts?.trainedOn && (
            <>
              ; trained on {facts.trainedOn.join(', ')}
              {facts.trainBases ? ` (${facts.trainBases.toLocaleString('en-US')} bases)` : ''}
            </>
          )}
        </dd>
        <dt>Licence</dt>
        <dd>{facts?.licence ?? (facts ? 'not stated in its model card' : '…')}</dd>
        <dt>Model card</dt>
        <dd>
          {facts?.readmeUrl ? (
            <a href={facts.readmeUrl} target="_blank" rel="noreferrer">
              README (training, data and every measurement)
            </a>
          ) : facts ? (
            'none on this site'
          ) : (
            '…'
          )}
        </dd>
        {model.metrics.heldoutBits ? (
          <>
            <dt>Held-out DNA</dt>
            <dd>
              {model.metrics.heldoutBits.toFixed(3)} bits per base on BRCA1-region DNA it never saw (2 bits is a blind
              guess)
            </dd>
          </>
        ) : null}
      </dl>
      <Measured m={model.metrics.variantEffect} />
    </div>
  );
}

function Measured({ m }: { m: VariantEffectMetrics | undefined }) {
  if (!m) {
    return (
      <p>
        Not tested on variants of known effect here: nothing says how far its variant scores are from chance. Research
        use only.
      </p>
    );
  }
  return (
    <>
      <h3>What its variant scores are worth</h3>
      <p className="muted">
        Tested on the {m.dataset}. AUROC: the chance that a variant of the first group scores lower than one of the
        second; 0.5 is chance, CADD reaches 0.79 on the same variants. In brackets: the 95% interval. Measured{' '}
        {m.date.slice(0, 10)} on the {m.backend} backend by <code>{m.command}</code>.
      </p>
      <table className="card-table" data-testid="card-questions">
        <caption>Which score for which question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Compares</th>
            <th scope="col">Best score</th>
            <th scope="col">AUROC (95% interval)</th>
            <th scope="col">Reading</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(QUESTIONS) as Question[]).map((q) => {
            const r = m.recommendation[q];
            return (
              <tr key={q}>
                <th scope="row">{QUESTIONS[q].label}</th>
                <td>{QUESTIONS[q].compares}</td>
                <td>
                  {label(r.method)}, {settingText(m.methods[r.method]!)}
                </td>
                <td className="num">{fmtAuroc(r)}</td>
                <td>{howFar(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="card-table" data-testid="card-methods">
        <caption>Every score method, at the setting it was measured</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Setting</th>
            <th scope="col">LOF vs rest</th>
            <th scope="col">nonsense vs synonymous</th>
            <th scope="col">canonical splice vs intronic</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(m.methods).map(([name, x]) => (
            <tr key={name}>
              <th scope="row">{label(name)}</th>
              <td>{settingText(x)}</td>
              <td className="num">{fmtAuroc(x.lof)}</td>
              <td className="num">{fmtAuroc(x.nonsenseVsSynonymous)}</td>
              <td className="num">{fmtAuroc(x.canonicalSpliceVsIntronic)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Regulatory variants: not measured (the BRCA1 set has none), so no score here is known to work on them.
      </p>
    </>
  );
}
