// npm run score's stream: VCF lines read into batches, each batch sent to the scorer as it fills (at most its
// slots in flight, so memory stays bounded), and the scored rows written in input order with a running count.

import { percentile } from '../eval/calibration';
import type { VcfLineReader } from '../genome/vcf';
import type { GenomicRegion, VcfLine } from '../node/vcfStream';
import { readLine, type Batch } from './scoreLines';
import type { Output } from './scoreOutput';
import type { Scorer } from './scorePool';

/** Writes scored batches: the header before the first, then their rows; counts rows and scores as it goes. */
export class RowWriter {
  rows = 0;
  scored = 0;
  private headerWritten = false;
  private lastReport = 0;
  /** When scoring began. */
  readonly t0 = performance.now();

  constructor(
    private readonly out: Output,
    private readonly write: (line: string) => void,
    private readonly progress: (msg: string) => void,
  ) {}

  /** The header, unless it has been written. */
  header(): void {
    if (!this.headerWritten) {
      this.out.header().forEach(this.write);
      this.headerWritten = true;
    }
  }

  emit(b: Batch): void {
    this.header();
    for (const l of b.lines) {
      this.out.line(l).forEach(this.write);
      this.rows += l.rows.length;
    }
    const was = this.scored;
    this.scored += b.lines.reduce((n, l) => n + l.rows.filter((r) => r.score !== '').length, 0);
    if (was === 0 && this.scored > 0)
      this.progress(`first variant scored ${((performance.now() - this.t0) / 1000).toFixed(2)} s after scoring began`);
    if (performance.now() - this.lastReport > 2000) {
      this.lastReport = performance.now();
      this.progress(
        `${this.rows} rows written, ${this.scored} scored (${(this.scored / ((performance.now() - this.t0) / 1000)).toFixed(1)} variants/s)`,
      );
    }
  }
}

export interface StreamSetup {
  lines: AsyncIterable<VcfLine>;
  reader: VcfLineReader;
  region: GenomicRegion | undefined;
  batchLines: number;
  /** Whether batch b (0-based) is this run's (a shard keeps a run of them); the others are read, not scored. */
  keep: (b: number) => boolean;
  scorer: Scorer;
  /** The model's score quantiles for the method, for the percentile column; null leaves it empty. */
  quantiles: number[] | null;
}

/** Scores the batch's variants; fills their rows' score, percentile and note. */
async function scoreBatch(s: StreamSetup, b: Batch): Promise<Batch> {
  const res = await s.scorer.score(b.todo.map((t) => t.query));
  res.forEach((r, k) => {
    const row = b.todo[k]!.row;
    row.score = r.score === null ? '' : r.score.toFixed(6);
    row.percentile = r.score === null || !s.quantiles ? '' : percentile(s.quantiles, r.score).toFixed(1);
    row.note = r.note;
  });
  return b;
}

/** Scores every data line of the stream and writes its rows in order; returns how many data lines there were. */
export async function streamScores(s: StreamSetup, writer: RowWriter): Promise<number> {
  const inFlight: Promise<Batch>[] = [];
  let batch: Batch = { lines: [], todo: [] },
    index = 0,
    ordinal = 0;
  const flush = async () => {
    if (s.keep(index++)) {
      const p = scoreBatch(s, batch);
      p.catch(() => {}); // awaited below in order; if an earlier batch fails first, this one's failure is not also thrown unhandled
      inFlight.push(p);
    }
    batch = { lines: [], todo: [] };
    // results are written in input order; at most `slots` batches are held
    while (inFlight.length >= s.scorer.slots) writer.emit(await inFlight.shift()!);
  };
  for await (const { text, line } of s.lines) {
    if (!text.trim() || text.startsWith('#')) continue;
    ordinal++;
    if (s.keep(index)) batch.lines.push(readLine(s.reader, text, line, ordinal, s.region, batch));
    else batch.lines.push({ text: '', read: false, rows: [] });
    if (batch.lines.length === s.batchLines) await flush();
  }
  if (batch.lines.length) await flush();
  while (inFlight.length) writer.emit(await inFlight.shift()!);
  return ordinal;
}
