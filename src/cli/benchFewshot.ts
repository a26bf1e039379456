// npx tsx src/cli/benchFewshot.ts [rows] [features]: wall and CPU time of one few-shot probe fit (nested
// cross-validation and the final fit) on embedding-like synthetic features, binary and continuous labels.

import { rng } from '../analysis/random';
import { matrix } from '../fewshot/matrix';
import { fitProbe } from '../fewshot/probe';

const n = Number(process.argv[2] ?? 1000),
  p = Number(process.argv[3] ?? 512),
  RANK = 16;
const next = rng(2024);
const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

// embeddings are far from isotropic: a few shared directions (rank 16) carry most of the variance
const factors = Float64Array.from({ length: n * RANK }, normal);
const loadings = Float64Array.from({ length: RANK * p }, normal);
const X = matrix(n, p, new Float32Array(n * p));
for (let i = 0; i < n; i++) {
  for (let j = 0; j < p; j++) {
    let v = 0.5 * normal();
    for (let r = 0; r < RANK; r++) v += factors[i * RANK + r]! * loadings[r * p + j]!;
    X.data[i * p + j] = v;
  }
}
const signal = Array.from({ length: n }, (_, i) => factors[i * RANK]! - 0.5 * factors[i * RANK + 1]! + 0.8 * normal());
const names = Array.from({ length: p }, (_, j) => `emb[${j}]`);
const groups = Array.from({ length: n }, (_, i) => `exon${i % 40}`);

for (const kind of ['binary', 'continuous'] as const) {
  for (const grouped of [false, true]) {
    const y = kind === 'binary' ? signal.map((s) => (s > 0.3 ? 1 : 0)) : signal;
    const t0 = performance.now(),
      cpu0 = process.cpuUsage();
    const { report } = await fitProbe({ X, names, y, kind, groups: grouped ? groups : undefined });
    const seconds = (performance.now() - t0) / 1000,
      cpu = process.cpuUsage(cpu0).user / 1e6;
    const tried = report.loss.filter(Number.isFinite).length;
    const m = report.metric,
      grouping = grouped ? '40 groups' : 'no groups';
    const setting = `${kind.padEnd(10)} ${n} x ${p} ${grouping.padEnd(9)}`;
    console.log(
      `${setting} ${seconds.toFixed(2)} s (cpu ${cpu.toFixed(2)} s)  ` +
        `${m.name} ${m.value.toFixed(3)} [${m.lo.toFixed(3)}, ${m.hi.toFixed(3)}]  ` +
        `lambda ${report.lambda.toPrecision(2)} (final search tried ${tried} of ${report.lambdas.length})`,
    );
  }
}
