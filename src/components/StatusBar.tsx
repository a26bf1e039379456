// Which backend and model run, and why the backend was chosen.
import { useShallow } from 'zustand/react/shallow';
import { selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { BringModel } from './BringModel';
import { HubModels } from './HubModels';
import { ModelCardButton } from './ModelCard';
import { ModelCheck } from './ModelCheck';
import { PublishedCard } from './PublishedCard';
import { ShareControls } from './ShareControls';

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
    <section className="status" aria-label="Status">
      <div data-testid="backend" data-backend={backend?.name ?? ''}>
        <strong>Backend:</strong>{' '}
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
      </div>
      <div>
        <label htmlFor="model-select">
          <strong>Model:</strong>
        </label>{' '}
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
        <ModelCardButton />{' '}
        {model && (
          <span className="muted" data-testid="model-info" data-model-id={model.id}>
            {model.objective === 'mlm' ? 'masked LM' : 'causal LM'}, {model.parameters.toLocaleString('en-US')}{' '}
            parameters, context {model.context} bp
            {model.metrics.heldoutBits ? `, ${model.metrics.heldoutBits.toFixed(3)} bits/nt on held-out BRCA1 DNA` : ''}
          </span>
        )}{' '}
        <ModelCheck />
        <PublishedCard />
        {modelError && (
          <div className="error" role="alert" data-testid="model-error">
            {modelError}
          </div>
        )}
        {modelNote && (
          <div className="notice" role="status" data-testid="model-note">
            {modelNote}
          </div>
        )}
        <BringModel />
        <HubModels />
      </div>
      <ShareControls />
    </section>
  );
}
