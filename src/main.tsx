// Entry point: start the model (backend, model list, first model), open the analysis in the link if
// there is one, then keep the link in step with the state; and mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './components/app.css';
import { installInit } from './state/bootstrap';
import { restoreFromLocation, startShareSync } from './state/shareSync';
import { useApp } from './state/store';

installInit(useApp);

async function bootstrap(): Promise<void> {
  await useApp.getState().init();
  // without a model nothing can be restored; init has put the reason on screen
  if (useApp.getState().modelId) await restoreFromLocation(useApp);
  startShareSync(useApp);
}

void bootstrap();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
