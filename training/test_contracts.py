"""Checks the Python side of contracts.json (run by smoke.sh; src/contracts.test.ts checks the TypeScript side).

    /usr/bin/python3 training/test_contracts.py
"""
import json
import tempfile
from pathlib import Path

import export
import model
import probe
import sites
from contracts import CONTRACTS, ROOT
from genome import encode, heldout_positions
from regions import load_genome

vocab = CONTRACTS["vocab"]
assert model.VOCAB == vocab["tokens"], (model.VOCAB, vocab["tokens"])
ids = (model.A, model.C, model.G, model.T, model.N_ID, model.MASK_ID, model.BOS_ID)
assert ids == tuple(vocab["tokens"].index(t) for t in ("A", "C", "G", "T", "N", "[MASK]", "[BOS]")), ids
assert encode(vocab["example"]["sequence"]).tolist() == vocab["example"]["tokens"]

held = CONTRACTS["heldout"]
assert all(export.HELDOUT[k] == held[k] for k in ("n", "window", "margin")), export.HELDOUT
ex = held["example"]
assert heldout_positions(ex["length"], ex["n"], ex["margin"]).tolist() == ex["positions"]

window = CONTRACTS["grammarProbe"]["window"]
assert probe.WINDOW == window and sites.FLANK >= window - 1, (probe.WINDOW, sites.FLANK)
site_list = json.loads((ROOT / "training/grammar_sites.json").read_text())
assert f"with {window} bases inside it" in site_list["about"], "grammar_sites.json is for another window: run sites.py"

# the Markov baselines' split (src/node/data.ts keptRecords) is the split training makes
split = CONTRACTS["markovTraining"]["example"]
with tempfile.TemporaryDirectory() as tmp:
    fa = Path(tmp) / "split.fa"
    fa.write_text("".join(f">r{i}\n{'ACGT' * (n // 4)}{'A' * (n % 4)}\n" for i, n in enumerate(split["lengths"])))
    genome, val = load_genome({"path": fa}, split["minLength"], split["valEvery"], [], 10)
    assert [len(r) for r in genome.records] == [split["lengths"][i] for i in split["train"]]
    assert [len(r) for r in val] == [split["lengths"][i] for i in split["validation"]]
conf = json.loads((ROOT / CONTRACTS["markovTraining"]["config"]).read_text())
assert all(isinstance(g, str) for g in conf["data"]["genomes"]), "the Markov split's config must list genome files"
print("contracts (vocabulary, held-out positions, probe window, training split): ok")
