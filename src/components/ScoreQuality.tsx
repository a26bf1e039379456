// Beside the variant table: what its scores are worth in one plain sentence, the best measured model and
// method for each question (the evidence a click away, in the model card), and the percentile colour legend.
import { useShallow } from 'zustand/react/shallow';
import { METHODS, type ScoreMethod } from '../analysis/variantEffect';
import { QUESTIONS, type Question } from '../model/variantMetrics';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { ModelCardButton } from './ModelCard';
import { bestPerQuestion, useMeasuredModels } from './modelFolder';
import { fmtAuroc, howFar, PERCENTILE_GRADIENT, plainSentence } from './scoreReading';

const label = (m: string) => METHODS[m as ScoreMethod]?.label ?? m;

export function ScoreQuality({ percentiles }: { percentiles: boolean }) {
  const { model, models, selectModel, busy } = useApp(
    useShallow((s) => ({ model: s.model, models: s.models, selectModel: s.selectModel, busy: selectBusy(s) })),
  );
  const best = bestPerQuestion(useMeasuredModels(models));
  if (!model) return null;
  const own = model.metrics.variantEffect;
  const tops = Object.values(best);
  const bestEverywhere = tops.length > 0 && tops.every((t) => t.model.id === model.id);
  const switchTo = best.overall && best.overall.model.id !== model.id ? best.overall.model : null;
  return (
    <div className="score-quality">
      <p className="plain-sentence" data-testid="plain-sentence">
        <strong>{plainSentence(own)}</strong>
      </p>
      <ul className="questions" aria-label="Which score for which question" data-testid="recommendations">
        {(Object.keys(QUESTIONS) as Question[]).map((q) => {
          const mine = own?.recommendation[q],
            top = best[q];
          const topHere = top?.model.id === model.id;
          const topR = top?.model.metrics.recommendation[q];
          return (
            <li key={q}>
              <strong>{QUESTIONS[q].label}</strong> ({QUESTIONS[q].compares}):{' '}
              {mine ? (
                <>
                  this model by {label(mine.method)}, AUROC {fmtAuroc(mine)}, {howFar(mine)}.
                </>
              ) : (
                'this model was not measured.'
              )}
              {top && topR && !topHere && (
                <>
                  {' '}
                  Best measured here: {top.model.name} by {label(top.method)}, AUROC {fmtAuroc(topR)}.
                </>
              )}
            </li>
          );
        })}
        <li>
          <strong>regulatory</strong>: not measured; the BRCA1 set has no regulatory variants, so no score here is known
          to work on them.
        </li>
      </ul>
      {bestEverywhere && <p>For each question this is the best measured of the models here.</p>}
      <div className="row">
        <ModelCardButton text="Evidence: this model's card" />
        {switchTo && (
          <button type="button" disabled={busy} onClick={() => void selectModel(switchTo.id)}>
            Use the best measured model ({switchTo.name})
          </button>
        )}
      </div>
      {percentiles && (
        <div className="pct-legend" data-testid="percentile-legend">
          <span>Percentile colour:</span>
          <span>0% (lowest of random substitutions)</span>
          <span className="pct-bar" style={{ background: PERCENTILE_GRADIENT }} aria-hidden="true" />
          <span>100%</span>
          <span className="muted">
            A low percentile says the model finds the variant more unusual than most random changes of DNA, not that it
            is harmful.
          </span>
        </div>
      )}
    </div>
  );
}
