// npm run score -- --model public/models/<id> --fasta REF.fa[.gz]|REF.2bit --vcf IN.vcf[.gz]
//                  [--method masked|wt|dll|influence] [--window N] [--both-strands] [--region chr:start-end]
//                  [--output-format tsv|vcf] [--threads N] [--shard i/n] [--batch N] > OUT.tsv
// The genome is read by index (node/reference.ts), the VCF line by line (node/vcfStream.ts); rows are
// written batch by batch in input order (the pipeline: score/runScore.ts; the options: score/scoreArgs.ts).
// Writes chrom, pos, ref, alt, score, percentile, method, model, note: one row per variant of the VCF (each ALT
// allele) and per line it could not read, in file order; a row without a score has the reason in
// note. percentile: the share (%) of 2,000 random substitutions of held-out sequence that the model scores
// at or below this variant (model.json's scoreDistribution, from npm run calibrate); 1 = more damaging
// than 99% of them. Progress and a summary go to stderr. Exit status: 0 when at least one variant was scored,
// 1 when nothing could be scored, 2 when the command is wrong (EXIT in score/scoreArgs.ts).

import { useNodeBackend } from '../node/nodeRuntime';
import { runScore } from '../score/runScore';
import { EXIT, parseScoreArgs, ScoreError } from '../score/scoreArgs';
import { runWhenMain } from '../node/runWhenMain';

/** The command line: writes the TSV to `out` and messages to `err`, and returns the exit status. */
export async function cli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  try {
    const args = parseScoreArgs(argv);
    await useNodeBackend(args.backend);
    const summary = await runScore(args, out, err);
    if (summary.scored === 0 && !(args.shard && summary.variants === 0))
      throw new ScoreError(
        `none of the ${summary.variants} rows of ${args.vcf} could be scored (the note column says why)`,
        EXIT.nothingScored,
      );
    return EXIT.ok;
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    return e instanceof ScoreError ? e.exitCode : EXIT.nothingScored;
  }
}

runWhenMain(import.meta.url, cli);
