import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSource } from '/work/main/src/cli/fileSource';
import { useNodeBackend } from '/work/main/src/cli/nodeRuntime';
import { parseSequence } from '/work/main/src/genome/parseSequence';
import { encode } from '/work/main/src/genome/tokens';
import { loadModel } from '/work/main/src/model/loadModel';
import { likelihoodScan } from '/work/main/src/analysis/likelihoodScan';
import { attentionMap } from '/work/main/src/analysis/attentionMap';
import { saturationMutagenesis } from '/work/main/src/analysis/mutagenesis';
await useNodeBackend('wasm');
const files = process.argv.slice(3);
const model = await loadModel(fileSource(process.argv[2]!));
for (const f of files) {
  const rec = parseSequence(readFileSync(join('/work/main/public/examples', f), 'utf8')).records[0]!;
  const s = rec.sequence, L = s.length;
  const scan = await likelihoodScan(model, encode(s));
  const mean = (a: number, b: number, arr: Float32Array) => { let t = 0, n = 0; for (let i = a; i < b; i++) if (Number.isFinite(arr[i]!)) { t += arr[i]!; n++; } return t / n; };
  console.log(`\n== ${f} ${rec.name} L=${L} mean log2P ${mean(0, L, scan.observedBits).toFixed(3)} entropy ${mean(0, L, scan.entropyBits).toFixed(3)}`);
  // blocks of 50
  const blocks = [];
  for (let i = 0; i < L; i += 50) blocks.push(`${i + 1}:${mean(i, Math.min(L, i + 50), scan.observedBits).toFixed(2)}/${mean(i, Math.min(L, i + 50), scan.entropyBits).toFixed(2)}`);
  console.log('blocks(log2P/H):', blocks.join(' '));
  // soft-masked vs not
  let sm = 0; for (const m of rec.softMasked) sm += m;
  if (sm) { let a = 0, na = 0, b = 0, nb = 0; for (let i = 0; i < L; i++) { const v = scan.observedBits[i]!; if (!Number.isFinite(v)) continue; if (rec.softMasked[i]) { a += v; na++; } else { b += v; nb++; } } console.log(`soft-masked mean ${(a / na).toFixed(3)} (${na}) vs unmasked ${(b / nb).toFixed(3)} (${nb})`); }
  // most confident positions
  const idx = [...Array(L).keys()].sort((x, y) => scan.entropyBits[x]! - scan.entropyBits[y]!).slice(0, 12).sort((a, b) => a - b);
  console.log('lowest entropy:', idx.map((i) => `${i + 1}${s[i]}(${scan.entropyBits[i]!.toFixed(2)})`).join(' '));
  if (model.nAttentionLayers) {
    for (let layer = 0; layer < model.nAttentionLayers; layer++) {
      const am = await attentionMap(model, encode(s), layer, [...Array(model.nHeads).keys()], Math.floor(L / 2));
      const n = am.size;
      const desc = am.heads.map((h, hi) => { let d = 0, self = 0; for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { const p = am.probs[(hi * n + i) * n + j]!; d += p * Math.abs(i - j); if (i === j) self += p; } return `h${h + 1}: mean dist ${(d / n).toFixed(1)}, self ${(self / n).toFixed(2)}`; });
      console.log(`layer ${layer + 1}:`, desc.join('; '));
    }
  }
}
