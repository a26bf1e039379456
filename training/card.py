"""The model card (README.md) of an exported model, written from its model.json (export.py)."""
from pathlib import Path


def describe_architecture(meta):
    """The card's first paragraph."""
    a = meta["architecture"]
    kind = "masked (MLM, bidirectional)" if meta["objective"] == "mlm" else "causal (CLM, next base)"
    size = f"{meta['parameters']:,} parameters, {meta['weightsBytes'] / 1e6:.1f} MB of float32 weights."
    if a["type"] == "hyena":
        return f"""A {kind} single-nucleotide genome language model without attention: {a['n_hyena']} Hyena blocks as in
HyenaDNA (input projection to three streams, a causal depthwise conv of {a['short_kernel']}, an implicit long filter
from a {a['filter_order']}-wide MLP with sine activations over positional features of the lag, times an
exponential decay window reaching 1% at lags from {a['decay_lags'][0]} to {a['decay_lags'][1]:,} bases, applied
by FFT, and gating); width {a['d_model']}, feed-forward {a['d_ff']}, {size} It reads up to
{a['max_len']:,} bases in one pass (the filter is defined for lags below that); trained on {a['context']}-base windows."""
    attn = (f"then {a['n_attn']} attention blocks with ALiBi\nrelative-position bias; width {a['d_model']}, {a['n_heads']} heads,"
            if a['n_attn'] else f"and no attention (a convolutional\nmodel in the style of GPN); width {a['d_model']},")
    return f"""A {kind} single-nucleotide genome language model: {len(a['conv_dilations'])} dilated residual convolution
blocks (kernel {a['conv_kernel']}, dilations {a['conv_dilations']}) {attn} feed-forward {a['d_ff']},
{size}"""


def write_card(meta, out: Path, command: str):
    a, t, m = meta["architecture"], meta["training"], meta["metrics"]
    tcx = t.get("trainContext", a["context"])
    warm = f" (warm-started from {t['initFrom']})" if t.get("initFrom") else ""
    reads = "" if tcx == a["context"] else f"\nTrained on {tcx}-base windows{warm}; exported to read {a['context']}-base windows: ALiBi's relative bias has no learned positions, so the longer window needs no new weights.\n"
    card = f"""# {meta['name']}

{describe_architecture(meta)}

## Data
{', '.join(t['genomes'])}: {t['trainBases']:,} training bases (records of at least {tcx} bp{f"; every {t['valEvery']}th record held out for validation" if t['valEvery'] else ''}), both strands (reverse-complement augmentation).
The BRCA1 evaluation region (chr17:40,577,017-41,752,017, hg19) is on another chromosome and never trained on.
{region_text(t['config'])}
## Training{reads}
{t['steps']:,} steps of batch {t['batchSize']} x {tcx} = {t['tokensSeen']:,} tokens seen, {t['wallMinutes']:.0f} minutes
on {t['threads']} CPU thread(s); AdamW, peak learning rate {t['lr']}, cosine decay{'' if meta['objective'] == 'clm' else f"; {t['maskRate']:.0%} of bases masked (80/10/10)"}. Seed {t['seed']}.

## Metrics
| metric | value |
|---|---|
| validation bits/nt (held-out records of the training genomes) | {m['valBits']:.3f} |
| held-out bits/nt, BRCA1 region, {m['heldoutPositions']} fixed positions, {m['heldoutWindow']}-bp windows | {'not measured' if m['heldoutBits'] is None else f"{m['heldoutBits']:.3f}"} |
{grammar_rows(m.get('grammar'))}
Uniform is 2.0 bits/nt. `npm run eval` recomputes the held-out bits with the TypeScript runtime, next to
order-k Markov baselines on the same positions and the BRCA1 variant-effect AUROC (docs/eval.md).

## Reproduce
```
{command}
```
"""
    (out / "README.md").write_text(card)


def region_text(conf):
    """What the windows were centred on and how the loss was weighted, for configs that say (regions.py)."""
    d = conf["data"]
    lines = []
    for g in d["genomes"]:
        if isinstance(g, dict) and g.get("centres"):
            mix = ", ".join(f"{v:.0%} {k.replace('_', ' ')}" for k, v in g["centres"].items())
            lines.append(f"- {Path(g['path']).name}: windows centred on {mix} (gene models {Path(g['annotation']).name}), jitter +-{d.get('jitter', 0)} bp.")
    lw = d.get("loss_weights")
    if lw:
        stop = f", bases of the annotated reading frame where one substitution makes a stop codon x{lw['stop']}" if "stop" in lw else ""
        lines.append(f"- Loss weights per base: soft-masked repeats x{lw.get('repeat', 1)}, CDS x{lw.get('cds', 1)}{stop}, within "
                     f"{lw.get('splice_flank', 10)} bp of an intron end x{lw.get('splice', 1)} (the largest applies; evaluation unweighted).")
    if d.get("heldout_genes"):
        lines.append(f"- Every 8th coding gene of chr22 held out of training (span +-1 kb; {d['heldout_genes']}).")
    return "\n".join(lines) + ("\n" if lines else "")


GRAMMAR_LABELS = {"p_donor": "mean P(ref), canonical donor bases (GT)", "p_acceptor": "mean P(ref), canonical acceptor bases (AG)",
                  "p_stop": "mean P(ref), first base of codons one substitution turns into a stop", "p_random": "mean P(ref), random non-repeat bases",
                  "p_random_repeat": "mean P(ref), random repeat bases", "bits_random": "bits/nt, random non-repeat bases",
                  "bits_random_repeat": "bits/nt, random repeat bases"}


def grammar_rows(g):
    """Rows of the card's metric table for the grammar probe of the last evaluation (held-out chr22 genes)."""
    if not g:
        return ""
    return "".join(f"| {GRAMMAR_LABELS[k]} (held-out chr22 genes) | {v:.3f} |\n" for k, v in g.items() if k in GRAMMAR_LABELS)
