// Few-shot probes on a person's labelled examples: the API the worker, the page and the CLI call.

export {
  fitProbe,
  DEFAULT_LAMBDAS,
  type ProbeInput,
  type ProbeOptions,
  type ProbeReport,
  type FoldReport,
  type ProbeKind,
} from './probe';
export { predictProbe, probeToJSON, probeFromJSON, rawScale, type ProbeModel, type ProbeJSON } from './probeModel';
export { parseLabels, type LabelSpec, type LabelTable } from './labels';
export {
  variantBaseline,
  sequenceBaseline,
  scoreBlock,
  embeddingBlock,
  differenceBlock,
  assemble,
  type FeatureBlock,
} from './features';
export { matrix, type Matrix } from './matrix';
export { ProbeInputError } from './inputError';
