// The token map of the in-house models: they read the runtime's own vocabulary (genome/tokens.ts) and their
// head predicts ids 0-3.

import type { TokenMap } from '../family';

export const RUNTIME_TOKENS: TokenMap = { ids: [0, 1, 2, 3, 4, 5, 6], baseColumns: [0, 1, 2, 3] };
