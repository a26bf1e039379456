// Model families by the type their folder names: model.json's architecture.type (bundled) or config.json's
// model_type (published), the way transformers.js maps model types to classes. Adding a family is one folder
// and one line here.

import type { Family } from '../family';
import { ModelFormatError } from '../formatError';
import { caduceus } from './caduceus';
import { gpn } from './gpn';
import { hybridFamily } from './hybrid';
import { hyenaFamily } from './hyena';
import { hyenaDNA } from './hyenadna';

const FAMILIES = [hybridFamily, hyenaFamily, hyenaDNA, caduceus, gpn] as unknown as Family<unknown>[];

/** The family that reads `type`; an unknown one is refused, naming the types this app reads. */
export function familyFor(type: unknown, where: string): Family<unknown> {
  const f = FAMILIES.find((fam) => fam.modelTypes.includes(type as string));
  if (!f) {
    const known = FAMILIES.flatMap((fam) => fam.modelTypes).concat('markov');
    throw new ModelFormatError(
      `${where}: unknown model type ${JSON.stringify(type)}; this app reads ${known.join(', ')}.`,
    );
  }
  return f;
}
