// Variants by name or VCF, scored by every method the model has, in a sortable table.
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { percentile } from '../eval/calibration';
import { METHODS, methodsFor, WINDOW_RANGE, type ScoreMethod } from '../analysis/variantEffect';
import { outsideSummary, splitOutside } from '../genome/outside';
import { resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import type { VariantRow } from '../state/types';
import { variantsTsv } from '../export/tables';
import { downloadText, stem } from './download';

type SortKey = 'position' | ScoreMethod;

export function VariantPanel() {
  const s = useApp(
    useShallow((st) => ({
      variants: st.variants,
      messages: st.variantMessages,
      model: st.model,
      window: st.window,
      bothStrands: st.bothStrands,
      analysed: st.analysed,
      analysedRecords: st.analysedRecords,
      addVariants: st.addVariants,
      addVcf: st.addVcf,
      removeVariant: st.removeVariant,
      clearVariants: st.clearVariants,
      setScoreSettings: st.setScoreSettings,
      scoreVariants: st.scoreVariants,
      setFocus: st.setFocus,
      compareScan: resultOf(st, 'scan', 'b'),
      compareModel: st.compareModel,
      compareScores: st.compareScores,
    })),
  );
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'position', asc: true });
  const methods = s.model ? methodsFor(s.model.objective) : [];
  // a whole VCF against one region: the variants outside it are summarised in one line (genome/outside.ts)
  const record = useMemo(
    () => (s.analysed ? { name: s.analysed.name, length: s.analysed.sequence.length } : null),
    [s.analysed],
  );
  const { listed, outside } = useMemo(() => splitOutside(s.variants, record, (r) => r.source), [s.variants, record]);
  const rows = useMemo(() => sortRows(listed, sort.key, sort.asc), [listed, sort]);
  if (!s.model || !s.analysed) return null;
  const dist = s.model.scoreDistribution;
  const settingsMatch = !dist || (dist.window === s.window && dist.bothStrands === s.bothStrands);
  // the compare view's second model: one column, by the method both models have (analysis/compare.ts)
  const other = s.compareScan && s.compareModel ? { model: s.compareModel } : null;
  const otherMethod = other ? Object.values(s.compareScores)[0]?.method : undefined;

  const readFile = async (file: File) => s.addVcf(await file.text());
  const add = () => {
    void s.addVariants(text);
    setText('');
  };
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="th-button"
        onClick={() => setSort({ key, asc: sort.key === key ? !sort.asc : true })}
      >
        {label}
      </button>
    </th>
  );
  return (
    <section
      className="panel"
      aria-labelledby="var-h"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer.files[0];
        if (f) void readFile(f);
      }}
    >
      <h2 id="var-h">Variant effects</h2>
      <p className="muted">
        Scores are log-likelihood ratios: negative means the model finds the variant less likely than the reference
        (predicted damaging).
        {s.model.objective === 'mlm'
          ? ' Masked marginal hides the site (as GPN); wild-type marginal reads an unmasked pass (as ESM-1v). Both take substitutions only.'
          : ' Delta log-likelihood compares a window centred on the variant with and without it (as Evo 2); it takes indels too.'}
        {
          ' Influence is minus the mean Jensen-Shannon divergence (bits) the substitution causes in the predictions at the other bases of the window.'
        }
        {dist
          ? ` Beside each score, its percentile among ${dist.substitutions.toLocaleString('en-US')} random substitutions of held-out sequence` +
            ` (window ${dist.window}, ${dist.bothStrands ? 'both strands' : 'one strand'}): 1% = lower than 99% of them.` +
            (settingsMatch ? '' : ' Your window or strand setting differs, so percentiles are marked ≈ (indicative).')
          : ' This model ships no score distribution, so no percentiles.'}
      </p>
      {s.analysedRecords.length > 1 && (
        <p className="muted" data-testid="analysed-record">
          Analysed: record {s.analysedRecords.indexOf(s.analysed) + 1} of {s.analysedRecords.length}, "{s.analysed.name}
          ". Variants in another record of the FASTA are listed with its number; pick it under Record and press Run to
          score them.
        </p>
      )}
      <div className="row">
        <label htmlFor="variant-input">Variants</label>
        <textarea
          id="variant-input"
          rows={2}
          cols={40}
          value={text}
          placeholder="123A>G, chr17:41245466G>A (or paste VCF lines)"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!text.trim()}>
          Add
        </button>
        <label className="file-label">
          Load VCF{' '}
          <input
            type="file"
            accept=".vcf,.txt,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void readFile(f);
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted">or drop a VCF here</span>
      </div>
      <div className="row">
        <label htmlFor="window-input">Window (bp)</label>
        <input
          id="window-input"
          type="number"
          min={WINDOW_RANGE.min}
          max={WINDOW_RANGE.max}
          value={s.window}
          onChange={(e) =>
            s.setScoreSettings({
              window: Math.max(
                WINDOW_RANGE.min,
                Math.min(WINDOW_RANGE.max, Number(e.target.value) || WINDOW_RANGE.min),
              ),
            })
          }
        />
        <span className="muted">
          {s.model.objective === 'mlm'
            ? `capped at the model's ${s.model.context}-bp context`
            : `past the model's ${s.model.context}-bp context the window is scored by sliding`}
          ; an even size is read as one less so the site is central
        </span>
        <label>
          <input
            type="checkbox"
            checked={s.bothStrands}
            onChange={(e) => s.setScoreSettings({ bothStrands: e.target.checked })}
          />{' '}
          average both strands
        </label>
        <button type="button" onClick={() => void s.scoreVariants()} disabled={s.variants.length === 0}>
          Rescore
        </button>
        {s.variants.length > 0 && (
          <button type="button" onClick={s.clearVariants}>
            Clear
          </button>
        )}
        {s.variants.length > 0 && (
          <button
            type="button"
            onClick={() =>
              downloadText(
                `${stem(s.analysed!.name)}.variants.tsv`,
                variantsTsv(
                  s.analysed!.name,
                  methods,
                  [...rows, ...outside].map((r) => ({
                    text: r.source.text,
                    index: r.index,
                    ref: r.source.ref,
                    alt: r.source.alt,
                    scores: r.scores,
                    note: noteOf(r),
                  })),
                  dist?.quantiles,
                ),
              )
            }
          >
            Download TSV
          </button>
        )}
      </div>
      {s.messages.length > 0 && (
        <ul className="error" role="alert" data-testid="variant-messages">
          {s.messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {outside.length > 0 && (
        <details data-testid="variants-outside">
          <summary>{outsideSummary(outside.length, record!)}</summary>
          <ul>
            {outside.map((r) => (
              <li key={r.key}>
                {r.source.text}
                {noteOf(r) && `: ${noteOf(r)}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {rows.length > 0 && (
        <table className="variants" data-testid="variant-table">
          <thead>
            <tr>
              <th scope="col">Variant</th>
              {header('position', 'Position')}
              {methods.map((m) => [
                <th key={m} scope="col" aria-sort={sort.key === m ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    className="th-button"
                    onClick={() => setSort({ key: m, asc: sort.key === m ? !sort.asc : true })}
                  >
                    {METHODS[m].label}
                  </button>
                </th>,
                dist?.quantiles[m] && (
                  <th
                    key={`${m}-pct`}
                    scope="col"
                    title={`percentile of the ${METHODS[m].label} among random substitutions`}
                  >
                    pct
                  </th>
                ),
              ])}
              {other && (
                <th scope="col" data-testid="compare-column">
                  {other.model.name}: {otherMethod ? METHODS[otherMethod].label : '…'}
                </th>
              )}
              <th scope="col">Note</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
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
                    onClick={() => r.index !== null && s.setFocus(r.index)}
                  >
                    {r.source.text}
                  </button>
                </td>
                <td>{r.index === null ? '–' : r.index + 1}</td>
                {methods.map((m) => {
                  const v = r.scores[m],
                    q = dist?.quantiles[m];
                  const pct = q && typeof v === 'number' ? percentile(q, v) : null;
                  return [
                    <td key={m} className="num" data-method={m}>
                      {fmtScore(v, r.note)}
                    </td>,
                    q && (
                      <td
                        key={`${m}-pct`}
                        className="num pct"
                        data-percentile={m}
                        title={
                          pct === null
                            ? undefined
                            : `${pct.toFixed(1)}% of random substitutions of held-out sequence score this low or lower${settingsMatch ? '' : ' (at other settings: indicative)'}`
                        }
                      >
                        {pct === null ? '' : `${settingsMatch ? '' : '≈'}${fmtPct(pct)}`}
                      </td>
                    ),
                  ];
                })}
                {other && (
                  <td className="num" data-compare-score>
                    {fmtScore(s.compareScores[r.key]?.score, r.note)}
                  </td>
                )}
                <td className="note">{noteOf(r)}</td>
                <td>
                  <button type="button" aria-label={`Remove ${r.source.text}`} onClick={() => s.removeVariant(r.key)}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The row's note: what its notation says (the assembly an accession names), then why it has no score. */
function noteOf(r: VariantRow): string {
  return [r.source.note, r.note].filter(Boolean).join('; ');
}

/** 0.3 -> "0.3%", 12.7 -> "13%": more precision where a percentile is most telling, near 0. */
function fmtPct(p: number): string {
  return `${p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}

function fmtScore(v: number | null | undefined, note: string): string {
  if (v === undefined) return note ? '–' : '…'; // '…' while it is being scored
  return v === null ? '–' : v.toFixed(3);
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
