// Saturation mutagenesis of a region as a tab of the results (the panel itself: ../MutagenesisPanel.tsx).
import { MutagenesisPanel } from '../MutagenesisPanel';
import type { PanelSpec } from './panel';

export const panel: PanelSpec = {
  kind: 'mutagenesis',
  title: 'Mutagenesis',
  order: 2,
  Component: MutagenesisPanel,
  showOnStart: true,
};
