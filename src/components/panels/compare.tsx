// The compare view (a second model on the same sequence) as a tab of the results (the panel: ../ComparePanel.tsx).
import { ComparePanel } from '../ComparePanel';
import type { PanelSpec } from './panel';

export const panel: PanelSpec = { kind: 'compare', title: 'Compare models', order: 5, Component: ComparePanel };
