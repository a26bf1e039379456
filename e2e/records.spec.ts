// A FASTA of several records: variants are placed on them the way `npm run score` places them, and a
// variant in a record other than the analysed one says which record it is in.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { BRCA1_FASTA, readFasta, SHARED_DATA } from '../src/node/data';
import { REPO_ROOT, useNodeBackend } from '../src/node/nodeRuntime';
import { runScore } from '../src/score/runScore';
import { parseSequence } from '../src/genome/parseSequence';
import { parseRegion } from '../src/genome/region';
import { openAndAnalyse } from './helpers';

const chr22Source = parseSequence(
  gunzipSync(readFileSync(join(SHARED_DATA, 'genomes/human_hg19_chr22_segments.fa.gz'))).toString(),
  Infinity,
).records[0]!;
const brca1 = readFasta(BRCA1_FASTA)[0]!;
const chr22 = { start: parseRegion(chr22Source.name).start, sequence: chr22Source.sequence.slice(0, 600) };
const chr17 = {
  start: 41_245_001,
  sequence: brca1.sequence.slice(41_245_001 - parseRegion(brca1.name).start).slice(0, 717),
};
const FASTA = `>chr22:${chr22.start}-${chr22.start + 599}\n${chr22.sequence}\n>chr17:41245001-41245717\n${chr17.sequence}\n`;
const alt = (b: string) => (b === 'A' ? 'G' : 'A');
const VCF =
  [
    '##fileformat=VCFv4.2',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    `chr22\t${chr22.start + 300}\t.\t${chr22.sequence[300]}\t${alt(chr22.sequence[300]!)}\t.\t.\t.`,
    `chr17\t41245400\t.\t${chr17.sequence[399]}\t${alt(chr17.sequence[399]!)}\t.\t.\t.`,
  ].join('\n') + '\n';

test('variants of a two-record FASTA are placed as the CLI places them, and one in the other record says which', async ({
  page,
}) => {
  await openAndAnalyse(page, FASTA); // record 1, chr22, is analysed
  await page
    .getByLabel('Load VCF')
    .setInputFiles({ name: 'two.vcf', mimeType: 'text/plain', buffer: Buffer.from(VCF) });
  const table = page.getByTestId('variant-table');
  const row = (where: string) =>
    table.locator('tr', { has: page.getByRole('button', { name: new RegExp(`^${where}[ACGT]`) }) });
  const at22 = `chr22:${chr22.start + 300}`,
    at17 = 'chr17:41245400';
  await expect(row(at22).locator('td[data-method=masked]')).toHaveText(/^-?\d+\.\d{3}$/);
  await expect(row(at17)).toContainText(
    'chr17:41245400 is in record 2 ("chr17:41245001-41245717"), not in the analysed record 1 ("chr22:',
  );
  await expect(page.getByTestId('analysed-record')).toContainText('record 1 of 2');

  await page.getByLabel('Record').selectOption('1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('analysed-record')).toContainText('record 2 of 2, "chr17:41245001-41245717"');
  const cell = row(at17).locator('td[data-method=masked]');
  await expect(cell).toHaveText(/^-?\d+\.\d{3}$/);
  await expect(row(at22)).toContainText('is in record 1 ("chr22:');
  // a VCF data line pasted without its header
  await page
    .getByLabel('Variants')
    .fill(`chr17\t41245500\tbare\t${chr17.sequence[499]}\t${alt(chr17.sequence[499]!)}\t.\t.\t.`);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(row('chr17:41245500').locator('td[data-method=masked]')).toHaveText(/^-?\d+\.\d{3}$/);
  await expect(page.getByTestId('variant-messages')).toHaveCount(0);

  // the CLI on the same files scores both rows; its chr17 score is the app's
  const dir = mkdtempSync(join(tmpdir(), 'records-'));
  writeFileSync(join(dir, 'two.fa'), FASTA);
  writeFileSync(join(dir, 'two.vcf'), VCF);
  await useNodeBackend('cpu');
  const modelPath = join(
    REPO_ROOT,
    'public',
    JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')).models[0].path,
  );
  const lines: string[] = [];
  await runScore(
    { model: modelPath, fasta: join(dir, 'two.fa'), vcf: join(dir, 'two.vcf'), method: 'masked', window: 256 },
    (l) => lines.push(l),
  );
  const cli = lines.slice(1).map((l) => l.split('\t'));
  expect(cli.map((r) => r[4])).not.toContain('');
  expect(Math.abs(Number(await cell.innerText()) - Number(cli[1]![4]))).toBeLessThanOrEqual(0.0015);
});
