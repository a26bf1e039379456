// What a result panel registers: the analysis it shows, its tab, and its component. App lists this folder and
// shows each as a tab under the tracks, so an analysis with its own panel is added without touching App.

import type { ComponentType } from 'react';
import type { AnalysisKind } from '../../analysis/descriptor';

export interface PanelSpec {
  /** The analysis it shows ('compare': the second model's scan and variant scores); names its tab too. */
  kind: AnalysisKind | 'compare';
  /** The tab's name. */
  title: string;
  /** Tabs sort by this among the discovered ones (lower first). */
  order: number;
  Component: ComponentType;
  /**
   * Show this tab when its analysis starts: one that runs on request (a region, a map), so that a gallery example
   * or a link that runs it shows it; not one that every Run recomputes.
   */
  showOnStart?: boolean;
}

const modules = import.meta.glob<{ panel?: PanelSpec }>('./*.tsx', { eager: true });

export const PANELS: PanelSpec[] = Object.values(modules)
  .flatMap((m) => (m.panel ? [m.panel] : []))
  .sort((a, b) => a.order - b.order);
