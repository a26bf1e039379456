// A published model's card: family, size, window, objective, licence, training data, source and what is known of
// its zero-shot quality, from the Hub catalogue (a download) or its config.json (a dropped folder, which states
// no licence, data or quality: said so, not guessed). The model card of bundled models can include it.
import { useApp } from '../state/store';

const notStated = (v: string | number | null, what: string) =>
  v === null ? <span className="muted">{what} not stated in its config.json</span> : v;

export function PublishedCard() {
  const model = useApp((s) => s.model);
  const card = model?.card;
  if (!model || !card) return null;
  return (
    <div className="published-card" data-testid="published-card">
      <div>
        <strong>{model.family}</strong>, {model.objective === 'mlm' ? 'masked' : 'causal'} language model,{' '}
        {model.parameters.toLocaleString('en-US')} parameters ({(card.weights.bytes / 1e6).toFixed(1)} MB in{' '}
        {card.weights.file}); trained on{' '}
        {card.trainedContext === null
          ? notStated(null, 'its training window')
          : `${card.trainedContext.toLocaleString('en-US')}-base windows`}
        , read here {model.context.toLocaleString('en-US')} bases at a time.
      </div>
      <div>
        Licence: {notStated(card.licence, 'licence')}. Training data: {notStated(card.trainingData, 'training data')}.
        Source: {card.source}.
      </div>
      <div>
        Zero-shot quality:{' '}
        {card.zeroShot ? (
          <>
            {card.zeroShot.text} <span className="muted">({card.zeroShot.source})</span>
          </>
        ) : (
          <span className="muted">nothing known to this page for a dropped folder</span>
        )}
      </div>
      {card.unverified.length > 0 && (
        <div className="muted" data-testid="card-unverified">
          Not verified: {card.unverified.join('; ')}.
        </div>
      )}
    </div>
  );
}
