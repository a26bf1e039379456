// Variants by name or VCF, scored by every method the model has: what the scores are worth beside them
// (ScoreQuality), then the table (VariantTable).
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { methodsFor, WINDOW_RANGE } from '../analysis/variantEffect';
import { outsideSummary, splitOutside } from '../genome/outside';
import { resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import type { VariantRow } from '../state/types';
import { variantsTsv } from '../export/tables';
import { downloadText, stem } from './download';
import { ScoreMethodsNote } from './ScoreMethodsNote';
import { ScoreQuality } from './ScoreQuality';
import { VariantTable } from './VariantTable';

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
  const methods = s.model ? methodsFor(s.model.objective) : [];
  // a whole VCF against one region: the variants outside it are summarised in one line (genome/outside.ts)
  const record = useMemo(
    () => (s.analysed ? { name: s.analysed.name, length: s.analysed.sequence.length } : null),
    [s.analysed],
  );
  const { listed, outside } = useMemo(() => splitOutside(s.variants, record, (r) => r.source), [s.variants, record]);
  if (!s.model || !s.analysed) return null;
  const dist = s.model.scoreDistribution;
  const settingsMatch = !dist || (dist.window === s.window && dist.bothStrands === s.bothStrands);
  // the compare view's second model: one column, by the method both models have (analysis/compare.ts)
  const other =
    s.compareScan && s.compareModel
      ? {
          name: s.compareModel.name,
          method: Object.values(s.compareScores)[0]?.method,
          scores: s.compareScores,
          measured: s.compareModel.metrics.variantEffect,
          context: s.compareModel.context,
        }
      : null;

  const readFile = async (file: File) => s.addVcf(await file.text());
  const add = () => {
    void s.addVariants(text);
    setText('');
  };
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
      <ScoreQuality percentiles={Boolean(dist)} />
      <ScoreMethodsNote model={s.model} methods={methods} settingsMatch={settingsMatch} />
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
                  [...listed, ...outside].map((r) => ({
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
      {listed.length > 0 && (
        <VariantTable
          rows={listed}
          methods={methods}
          measured={s.model.metrics.variantEffect}
          dist={dist}
          setting={{
            window: s.window,
            bothStrands: s.bothStrands,
            context: s.model.context,
            length: s.analysed.sequence.length,
          }}
          other={other}
          noteOf={noteOf}
          onFocus={s.setFocus}
          onRemove={s.removeVariant}
        />
      )}
    </section>
  );
}

/** The row's note: what its notation says (the assembly an accession names), then why it has no score. */
function noteOf(r: VariantRow): string {
  return [r.source.note, r.note].filter(Boolean).join('; ');
}
