// The attention map around the focused base as a tab of the results (the panel itself: ../AttentionPanel.tsx).
import { AttentionPanel } from '../AttentionPanel';
import type { PanelSpec } from './panel';

export const panel: PanelSpec = { kind: 'attention', title: 'Attention', order: 3, Component: AttentionPanel };
