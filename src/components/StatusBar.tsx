// The model section of the side column: the backend and why it was chosen, the model picker and what the model is,
// its check against PyTorch, what a switch did to the analysis, and a model the user brings.
import { useShallow } from 'zustand/react/shallow';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { BringModel } from './BringModel';
import { HubModels } from './HubModels';
import { ModelCardButton } from './ModelCard';
import { ModelCheck } from './ModelCheck';
import { PublishedCard } from './PublishedCard';

export function StatusBar() {
  const { backend, backendError, model, modelError, models, modelId, selectModel, busy, modelNote } = useApp(
    useShallow((s) => ({
      backend: s.backend,
      backendError: s.backendError,
      model: s.model,
      modelError: s.modelError,
      models: s.models,
      modelId: s.modelId,
      selectModel: s.selectModel,
      busy: selectBusy(s),
      modelNote: s.modelNote,
    })),
  );
  return (
    <section className="panel" aria-labelledby="model-h">
      <h2 id="model-h">Model</h2>
      <div className="row">
        <label htmlFor="model-select">Model:</label>
        <select
          id="model-select"
          value={modelId ?? ''}
          disabled={busy || models.length < 2}
          onChange={(e) => void selectModel(e.target.value)}
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>{' '}
        <ModelCardButton />
      </div>
      {model && (
        <p className="muted small" data-testid="model-info" data-model-id={model.id}>
          {model.objective === 'mlm' ? 'masked LM' : 'causal LM'}, {model.parameters.toLocaleString('en-US')}{' '}
          parameters, context {model.context} bp
          {model.metrics.heldoutBits ? `, ${model.metrics.heldoutBits.toFixed(3)} bits/nt on held-out BRCA1 DNA` : ''}
        </p>
      )}
      {modelError && (
        <p className="error" role="alert" data-testid="model-error">
          {modelError}
        </p>
      )}
      {modelNote && (
        <p className="notice" role="status" data-testid="model-note">
          {modelNote}
        </p>
      )}
      <ModelCheck />
      <PublishedCard />
      <p className="small" data-testid="backend" data-backend={backend?.name ?? ''}>
        Backend:{' '}
        {backendError ? (
          <span className="error">{backendError}</span>
        ) : backend ? (
          <>
            {backend.name}
            {backend.threads ? `, ${backend.threads}` : ''} <span className="muted">({backend.reason})</span>
          </>
        ) : (
          'starting…'
        )}
      </p>
      <BringModel />
      <HubModels />
    </section>
  );
}
