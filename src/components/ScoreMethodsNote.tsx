// What the variant scores are and how to read them: the sign, the methods, influence's unit and the percentiles.
import { percentile } from '../eval/calibration';
import type { ScoreMethod } from '../analysis/variantEffect';
import type { ModelInfo } from '../worker/protocol';
import { settingText } from './scoreReading';

export function ScoreMethodsNote(p: { model: ModelInfo; methods: ScoreMethod[]; settingsMatch: boolean }) {
  const dist = p.model.scoreDistribution;
  // how many random substitutions score below 0: why a negative score alone says little
  const belowZero = p.methods.flatMap((m) => {
    const q = dist?.quantiles[m];
    return q && m !== 'influence' ? [`${Math.round(percentile(q, 0))}% by ${m}`] : [];
  });
  const methodsText =
    p.model.objective === 'mlm'
      ? ' Masked marginal hides the site (as GPN); wild-type marginal reads an unmasked pass (as ESM-1v). Both ' +
        'take substitutions only.'
      : ' Delta log-likelihood compares a window centred on the variant with and without it (as Evo 2); it takes ' +
        'indels too.';
  const pctText = dist
    ? ` Beside each score, its percentile among ${dist.substitutions.toLocaleString('en-US')} random ` +
      `substitutions of held-out sequence (${settingText(dist)}): 1% = lower than 99% of them.` +
      (p.settingsMatch ? '' : ' Your window or strand setting differs, so percentiles are marked ≈ (indicative).')
    : ' This model ships no score distribution, so no percentiles.';
  return (
    <p className="muted" data-testid="score-methods">
      Scores are log-likelihood ratios: below 0 the model finds the variant less likely than the reference base. That
      alone does not make a variant harmful
      {belowZero.length
        ? ` (${belowZero.join(', ')} of random substitutions score below 0 too): read the percentile and what ` +
          'the method measured'
        : ''}
      .{methodsText}
      {' Influence is minus the mean Jensen-Shannon divergence the substitution causes in the predictions at the ' +
        'other bases of the window, in milli-bits (mbit).'}
      {pctText}
    </p>
  );
}
