// The app's single zustand store: one slice per concern, combined here (zustand's slices pattern).

import { create } from 'zustand';
import { createAnalysisSlice } from './analysisSlice';
import { createCompareSlice } from './compareSlice';
import { createCostCurveSlice } from './costCurveSlice';
import { createHubSlice } from './hubSlice';
import { createInputSlice } from './inputSlice';
import { createJobsSlice } from './jobsSlice';
import { createModelSlice } from './modelSlice';
import type { AppState } from './types';
import { createVariantSlice } from './variantSlice';

export type { AppState } from './types';

export const useApp = create<AppState>()((...a) => ({
  ...createInputSlice(...a),
  ...createModelSlice(...a),
  ...createJobsSlice(...a),
  ...createAnalysisSlice(...a),
  ...createVariantSlice(...a),
  ...createCompareSlice(...a),
  ...createCostCurveSlice(...a),
  ...createHubSlice(...a),
}));
