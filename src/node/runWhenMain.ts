// The commands whose cli() is also imported (by tests, and by src/cli/launch.mjs from a bundle) run it only when
// started as the program itself: arguments from argv, lines to stdout and messages to stderr, cli()'s code the
// process's exit code.
import { pathToFileURL } from 'node:url';

export type Cli = (argv: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;

export function runWhenMain(moduleUrl: string, cli: Cli): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  cli(
    process.argv.slice(2),
    (l) => process.stdout.write(`${l}\n`),
    (m) => process.stderr.write(`${m}\n`),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
