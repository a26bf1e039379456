// What a probe's numbers are worth, in plain words: how wide the interval is for this many labels, whether the
// model's features beat the sequence-only baseline on the same folds, and whether the probe beats chance.

import type { SequenceProbeResult } from './sequenceProbe';

const f2 = (x: number) => x.toFixed(2);

/** Interval widths (hi - lo) above this are called wide: the estimate could move by a tenth either way. */
const WIDE = 0.2;

/** What was labelled: variants of a sequence, or whole records. */
export type Unit = 'variants' | 'records';

export function probeVerdict(
  r: Omit<SequenceProbeResult, 'fitted' | 'fromLink' | 'predictions'>,
  unit: Unit = 'variants',
): string[] {
  const m = r.probe.metric,
    d = r.difference,
    binary = r.kind === 'binary';
  const what = binary ? 'AUROC' : 'rank correlation';
  const chance = binary ? 0.5 : 0;
  const out: string[] = [];
  const labels = binary
    ? `${r.n} labelled ${unit} (${r.positives} positive, ${r.n - r.positives!} negative)`
    : `${r.n} labelled ${unit}`;
  if (!Number.isFinite(m.lo)) out.push(`With ${labels} the ${what} has no interval: treat it as unknown.`);
  else if (m.hi - m.lo > WIDE) {
    out.push(
      `With only ${labels} the interval is wide (${f2(m.lo)} to ${f2(m.hi)}): the true ${what} could be anywhere ` +
        'in it. More labels narrow it.',
    );
  } else out.push(`With ${labels} the ${what} is pinned to ${f2(m.lo)}-${f2(m.hi)}.`);
  if (Number.isFinite(m.lo) && m.lo <= chance && m.hi >= chance) {
    out.push(`The probe's interval includes ${chance} (chance): it has not shown that it predicts these labels.`);
  } else if (m.hi < chance) {
    // each fold's training part lacks the held-out labels, so a probe that learned nothing leans against them
    out.push(
      `The probe's interval lies below ${chance} (chance): with few labels a probe that learned nothing ranks ` +
        `the held-out ${unit} backwards, so read it as no signal, not as a reversed one.`,
    );
  }
  if (!Number.isFinite(d.lo)) {
    out.push('The difference from the baseline could not be tested.');
  } else if (d.lo > 0) {
    out.push(
      `The model's features beat the sequence-only baseline on the same folds by ${f2(d.diff)} ` +
        `(${f2(d.lo)} to ${f2(d.hi)}): the model adds something these bases alone do not.`,
    );
  } else if (d.hi < 0) {
    out.push(
      `The probe is worse than the sequence-only baseline on the same folds (${f2(d.diff)}, ${f2(d.lo)} to ` +
        `${f2(d.hi)}): use the baseline, or more labels.`,
    );
  } else {
    out.push(
      `The probe is no better than the sequence-only baseline on the same folds: the difference ${f2(d.diff)} ` +
        `(${f2(d.lo)} to ${f2(d.hi)}) includes 0, so these labels do not show that the model adds anything.`,
    );
  }
  return out;
}
