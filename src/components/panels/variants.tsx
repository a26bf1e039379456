// The variant table as the first tab of the results (the panel itself: ../VariantPanel.tsx).
import { VariantPanel } from '../VariantPanel';
import type { PanelSpec } from './panel';

export const panel: PanelSpec = { kind: 'variants', title: 'Variant effects', order: 1, Component: VariantPanel };
