// The variant table: a column per score method, headed by what that method measured on BRCA1 (AUROC with its
// interval, the two grammar contrasts, and the setting it was measured at, marked where the page's differs),
// each score beside its percentile coloured on a colour-blind-safe scale.
import { useState } from 'react';
import { percentile } from '../eval/calibration';
import { METHODS, type ScoreMethod } from '../analysis/variantEffect';
import type { ScoreDistribution } from '../model/manifest';
import type { VariantEffectMetrics } from '../model/variantMetrics';
import type { VariantRow } from '../state/types';
import {
  columnLabel,
  effectiveWindow,
  fmtAuroc,
  fmtScore,
  percentileColors,
  settingDiffers,
  settingText,
} from './scoreReading';

type SortKey = 'position' | ScoreMethod;

export interface VariantTableProps {
  rows: VariantRow[];
  methods: ScoreMethod[];
  measured: VariantEffectMetrics | undefined;
  dist: ScoreDistribution | undefined;
  /** The page's setting and what it makes of the window on this sequence. */
  setting: { window: number; bothStrands: boolean; context: number; length: number };
  /** The compare view's model: its one column, its measured numbers and context. */
  other: {
    name: string;
    method: ScoreMethod | undefined;
    scores: Record<string, { score: number | null }>;
    measured: VariantEffectMetrics | undefined;
    context: number;
  } | null;
  noteOf: (r: VariantRow) => string;
  onFocus: (index: number) => void;
  onRemove: (key: string) => void;
}

export function VariantTable(p: VariantTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'position', asc: true });
  const rows = sortRows(p.rows, sort.key, sort.asc);
  const pctExact = !p.dist || (p.dist.window === p.setting.window && p.dist.bothStrands === p.setting.bothStrands);
  const header = (key: SortKey, text: string) => (
    <th key={key} scope="col" aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="th-button"
        onClick={() => setSort({ key, asc: sort.key === key ? !sort.asc : true })}
      >
        {text}
      </button>
    </th>
  );
  return (
    <table className="variants" data-testid="variant-table">
      <thead>
        <tr>
          <th scope="col">Variant</th>
          {header('position', 'Position')}
          {p.methods.map((m) => [
            header(m, columnLabel(m)),
            p.dist?.quantiles[m] && (
              <th
                key={`${m}-pct`}
                scope="col"
                title={`percentile of the ${METHODS[m].label} among random substitutions`}
              >
                pct
              </th>
            ),
          ])}
          {p.other && (
            <th scope="col" data-testid="compare-column">
              {p.other.name}: {p.other.method ? columnLabel(p.other.method) : '…'}
            </th>
          )}
          <th scope="col">Note</th>
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
        <tr className="measured-row">
          <th scope="row" colSpan={2}>
            Measured on BRCA1
          </th>
          {p.methods.map((m) => [
            <td key={m} className="measured" data-testid={`measured-${m}`} colSpan={p.dist?.quantiles[m] ? 2 : 1}>
              <Measured method={m} metrics={p.measured} setting={p.setting} />
            </td>,
          ])}
          {p.other && (
            <td className="measured" data-testid="measured-compare">
              {p.other.method && (
                <Measured
                  method={p.other.method}
                  metrics={p.other.measured}
                  setting={{ ...p.setting, context: p.other.context }}
                />
              )}
            </td>
          )}
          <td colSpan={2} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              <button
                type="button"
                className="link"
                disabled={r.index === null}
                onClick={() => r.index !== null && p.onFocus(r.index)}
              >
                {r.source.text}
              </button>
            </td>
            <td>{r.index === null ? '–' : r.index + 1}</td>
            {p.methods.map((m) => {
              const v = r.scores[m],
                q = p.dist?.quantiles[m];
              const pct = q && typeof v === 'number' ? percentile(q, v) : null;
              return [
                <td key={m} className="num" data-method={m}>
                  {fmtScore(v, m, r.note)}
                </td>,
                q && (
                  <td
                    key={`${m}-pct`}
                    className="num pct"
                    data-percentile={m}
                    style={pct === null ? undefined : percentileColors(pct)}
                    title={pct === null ? undefined : pctTitle(pct, pctExact)}
                  >
                    {pct === null ? '' : `${pctExact ? '' : '≈'}${fmtPct(pct)}`}
                  </td>
                ),
              ];
            })}
            {p.other && (
              <td className="num" data-compare-score>
                {fmtScore(p.other.scores[r.key]?.score, p.other.method ?? 'dll', r.note)}
              </td>
            )}
            <td className="note">{p.noteOf(r)}</td>
            <td>
              <button type="button" aria-label={`Remove ${r.source.text}`} onClick={() => p.onRemove(r.key)}>
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the method measured on BRCA1, at which setting, and whether the page scores at another. */
function Measured(props: {
  method: ScoreMethod;
  metrics: VariantEffectMetrics | undefined;
  setting: VariantTableProps['setting'];
}) {
  const x = props.metrics?.methods[props.method];
  if (!x) return <span className="muted">not measured: its worth is unknown</span>;
  const s = props.setting;
  const here = { window: effectiveWindow(props.method, s.window, s.context, s.length), bothStrands: s.bothStrands };
  const differs = settingDiffers(x, here);
  return (
    <>
      <span data-testid="auroc">AUROC {fmtAuroc(x.lof)}</span> (loss-of-function vs rest)
      <br />
      nonsense vs synonymous {fmtAuroc(x.nonsenseVsSynonymous)}
      <br />
      canonical splice vs intronic {fmtAuroc(x.canonicalSpliceVsIntronic)}
      <br />
      <span className={differs ? 'setting-differs' : 'muted'} data-testid="measured-setting">
        at {settingText(x)}
        {differs ? ` ≠ this page's ${settingText(here)}` : ', as here'}
      </span>
    </>
  );
}

const pctTitle = (pct: number, exact: boolean) =>
  `${pct.toFixed(1)}% of random substitutions of held-out sequence score this low or lower` +
  (exact ? '' : ' (at other settings: indicative)');

/** 0.3 -> "0.3%", 12.7 -> "13%": more precision where a percentile is most telling, near 0. */
function fmtPct(p: number): string {
  return `${p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}

function sortRows(rows: VariantRow[], key: SortKey, asc: boolean): VariantRow[] {
  // unscored rows sort last either way
  const val = (r: VariantRow) => (key === 'position' ? r.index : r.scores[key]) ?? null;
  return [...rows].sort((a, b) => {
    const x = val(a),
      y = val(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (asc ? 1 : -1) * (x < y ? -1 : 1);
  });
}
