// The nucleotide dependency map as a tab of the results (the panel itself: ../DependencyPanel.tsx).
import { DependencyPanel } from '../DependencyPanel';
import type { PanelSpec } from './panel';

export const panel: PanelSpec = {
  kind: 'dependency',
  title: 'Dependencies',
  order: 4,
  Component: DependencyPanel,
  showOnStart: true,
};
