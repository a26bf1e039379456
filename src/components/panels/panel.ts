// What a result panel registers: the analysis it shows, where it sits, and its component. App lists this
// folder, so an analysis with its own panel is added without touching App.

import type { ComponentType } from 'react';
import type { AnalysisKind } from '../../analysis/descriptor';

export interface PanelSpec {
  kind: AnalysisKind;
  title: string;
  /** Panels sort by this among the discovered ones (lower first). */
  order: number;
  Component: ComponentType;
}

const modules = import.meta.glob<{ panel?: PanelSpec }>('./*.tsx', { eager: true });

export const PANELS: PanelSpec[] = Object.values(modules)
  .flatMap((m) => (m.panel ? [m.panel] : []))
  .sort((a, b) => a.order - b.order);
