// Runs a CLI command from an esbuild bundle instead of through tsx: tsx compiles every TypeScript module at
// each start; from the bundle the first scored variant came 0.94 s after the start on a 3.1 Gb genome, against
// 3.3-4.3 s through tsx (npm run bench:genome, docs/bench-genome.md; the runs had different loads).
//   node src/cli/launch.mjs score --model ... --fasta ... --vcf ...      (what `npm run score` runs)
// The bundle (.cache/cli/<command>.mjs, with the score workers' entry beside it) is rebuilt when any source
// file it was built from is newer than it, so it never runs stale code; the rebuild is named on stderr.
// npm packages stay external (resolved from node_modules at run time, as under tsx). The output folder sits
// two levels below the repo root, as src/node/ does, because nodeRuntime finds the repo from its own folder.

import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.cache/cli');
/** Command -> its entry points: the command's module (which exports cli) first, then worker entries. */
const COMMANDS = { score: ['src/cli/score.ts', 'src/score/scoreWorker.ts'] };

function stale(entries) {
  const meta = join(OUT, 'meta.json');
  if (!existsSync(meta)) return true;
  const { inputs, outputs } = JSON.parse(readFileSync(meta, 'utf8'));
  if (entries.some((e) => !inputs.includes(e))) return true;
  const built = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  return inputs.some((f) => !existsSync(join(ROOT, f)) || statSync(join(ROOT, f)).mtimeMs > built);
}

/** Builds the bundle of `command` when missing or stale; returns the command module's path. */
export async function ensureBundle(command) {
  const entries = COMMANDS[command];
  if (!entries) throw new Error(`no bundled command ${command}; one of: ${Object.keys(COMMANDS).join(', ')}`);
  if (stale(entries)) {
    const t0 = performance.now();
    const { build } = await import('esbuild');
    const result = await build({
      // flat output names: the bundled score pool finds scoreWorker.mjs beside itself
      absWorkingDir: ROOT,
      entryPoints: entries.map((e) => ({ in: e, out: e.replace(/^.*\//, '').replace(/\.ts$/, '') })),
      outdir: OUT,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      define: { __GLM_CLI_BUNDLE__: 'true' },
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
      write: false,
    });
    // each file written whole then renamed into place, so that two commands building at once (tests in
    // parallel, shards of a workflow) never load a half-written bundle; the meta file goes last
    mkdirSync(OUT, { recursive: true });
    const place = (path, contents) => {
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, contents);
      renameSync(tmp, path);
    };
    for (const f of result.outputFiles) place(f.path, f.contents);
    const outputs = result.outputFiles.map((f) => f.path).filter((f) => f.endsWith('.mjs'));
    place(join(OUT, 'meta.json'), JSON.stringify({ inputs: Object.keys(result.metafile.inputs), outputs }));
    process.stderr.write(
      `built ${command}'s bundle in ${OUT} (${((performance.now() - t0) / 1000).toFixed(1)} s: none yet, or its sources changed)\n`,
    );
  }
  return join(OUT, entries[0].replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  if (!Object.hasOwn(COMMANDS, command ?? '')) {
    process.stderr.write(
      `usage: node src/cli/launch.mjs <command> [options]; commands: ${Object.keys(COMMANDS).join(', ')}\n`,
    );
    process.exit(2);
  }
  const mod = await import(pathToFileURL(await ensureBundle(command)).href);
  process.exitCode = await mod.cli(
    args,
    (l) => process.stdout.write(`${l}\n`),
    (m) => process.stderr.write(`${m}\n`),
  );
}
