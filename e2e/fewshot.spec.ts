// The few-shot probe in the page: on BRCA1 exon 19, labels of the SGE variants of that exon give a probe whose
// cross-validated AUROC shows beside the sequence-only baseline's, with the variants table predicted; a label
// naming the wrong base is refused with its line before anything runs; the predictions download as a TSV and as a
// VCF; the share link carries the fitted probe (applied without refitting), and the labels only when asked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT } from '../src/node/nodeRuntime';
import { decodeFrame } from '../src/share/linkCodec';
import { downloadOf, openTab, waitForModel } from './helpers';

const EXON19 = readFileSync(join(REPO_ROOT, 'public/examples/brca1_exon19.fa'), 'utf8');
// 35 SGE variants of exon 19 from the BRCA1 dev split: 12 LOF, 23 FUNC or INT
const LABELS = readFileSync(join(REPO_ROOT, 'test/data/brca1_sge_exon19.tsv'), 'utf8');
const METRIC = /^0\.\d{3} \(95% CI 0\.\d\d–[01]\.\d\d\)$/;

async function fit(page: Page, labels: string): Promise<void> {
  await page.getByLabel('Labels table').fill(labels);
  await page.getByLabel('Label column').selectOption('func_class');
  await page.getByLabel('Positive value').fill('LOF');
  await page.getByRole('button', { name: 'Fit probe' }).click();
}

test('labelled BRCA1 exon 19 variants give a probe shown beside the baseline, and the table predicted', async ({
  page,
}) => {
  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(EXON19);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await page.getByLabel('Variants').fill('chr17:41209148T>G, chr17:41209154T>C');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('variant-table').locator('tbody tr')).toHaveCount(2);

  await openTab(page, 'Few-shot probe');

  // one label naming a base the sequence does not have at its position: refused with its line, nothing fitted
  const lines = LABELS.trim().split('\n');
  const bad = [...lines];
  bad[4] = bad[4]!.replace(/\t([ACGT])\t([ACGT])\t/, (_, r: string, a: string) => `\t${r === 'G' ? 'C' : 'G'}\t${a}\t`);
  await fit(page, bad.join('\n'));
  await expect(page.getByTestId('fewshot-error')).toHaveText(
    /^1 of 35 labelled variants cannot be used: line 5 \(reference mismatch at 17:41209160/,
  );
  await expect(page.getByTestId('fewshot-result')).toHaveCount(0);

  await fit(page, LABELS);
  const probe = page.getByTestId('fewshot-probe'),
    baseline = page.getByTestId('fewshot-baseline');
  await expect(probe.locator('td').first()).toHaveText(METRIC);
  await expect(baseline.locator('td').first()).toHaveText(METRIC);
  await expect(page.getByTestId('fewshot-metrics').locator('thead')).toContainText('AUROC');
  await expect(page.getByTestId('fewshot-difference')).toContainText(/DeLong.*[+-]\d\.\d{3} \(95% CI/);
  await expect(page.getByTestId('fewshot-result')).toContainText('35 labelled variants, 12 positive');
  // 35 labels give a wide interval, and the page says so
  await expect(page.getByTestId('fewshot-verdict')).toContainText('With only 35 labelled variants');
  await expect(page.getByTestId('fewshot-calibration')).toBeVisible();
  const predictions = page.getByTestId('fewshot-predictions').locator('tbody tr');
  await expect(predictions).toHaveCount(2);
  for (const row of await predictions.all()) {
    await expect(row.locator('td').nth(1)).toHaveText(/^0\.\d{3}$|^1\.000$/);
    await expect(row.locator('td').nth(2)).toHaveText(/^0\.\d{3}$|^1\.000$/);
  }
  const shown = { probe: await probe.locator('td').first().textContent() };

  // the predictions download as the TSV npm run fewshot writes, in the record's genomic coordinates
  const result = page.getByTestId('fewshot-result');
  const tsv = (await downloadOf(page, result.getByRole('button', { name: 'Download TSV' }))).text.trim().split('\n');
  expect(tsv[0]).toBe('chrom\tpos\tref\talt\tprobability\tbaseline_probability\tnote');
  expect(tsv).toHaveLength(3);
  const first = await predictions.first().locator('td').nth(1).textContent();
  expect(tsv[1]).toMatch(/^17\t41209148\tT\tG\t[01]\.\d{6}\t[01]\.\d{6}\t$/);
  expect(Number(tsv[1]!.split('\t')[4]).toFixed(3)).toBe(first);
  // and as a VCF with the same values in its declared INFO fields
  const vcf = (await downloadOf(page, result.getByRole('button', { name: 'Download VCF' }))).text.trim().split('\n');
  expect(vcf[0]).toBe('##fileformat=VCFv4.2');
  expect(vcf.filter((l) => /^##INFO=<ID=GLM_(PROBE|BASELINE),Number=A,Type=Float,/.test(l))).toHaveLength(2);
  const body = vcf.filter((l) => !l.startsWith('#'));
  expect(body).toHaveLength(2);
  const [, , , , p, b] = tsv[1]!.split('\t');
  expect(body[0]).toBe(`17\t41209148\t.\tT\tG\t.\t.\tGLM_PROBE=${p};GLM_BASELINE=${b}`);

  // the link carries the fitted probe, not the labels: a colleague opening it sees the same metrics and predictions
  // without a refit; ticking the box adds the labels, and that link refits them, the form filled
  const fewshotOf = (url: string) =>
    !new URL(url).hash.startsWith('#s=')
      ? undefined
      : (decodeFrame(new URL(url).hash).settings as { analyses: { fewshot?: Record<string, unknown> } }).analyses
          .fewshot;
  await expect.poll(() => fewshotOf(page.url())?.fitted !== undefined).toBe(true);
  const saved = fewshotOf(page.url())!;
  expect(saved.labels).toBeUndefined();
  // no position, allele or score of a label line
  for (const text of ['41209162', '41209160', '0.43785901859467002']) expect(JSON.stringify(saved)).not.toContain(text);
  const colleague = await page.context().newPage();
  await colleague.goto(page.url());
  await openTab(colleague, 'Few-shot probe');
  await expect(colleague.getByTestId('fewshot-from-link')).toBeVisible();
  await expect(colleague.getByTestId('fewshot-probe').locator('td').first()).toHaveText(shown.probe!);
  await expect(
    colleague.getByTestId('fewshot-predictions').locator('tbody tr').first().locator('td').nth(1),
  ).toHaveText(first!);
  await expect(colleague.getByLabel('Labels table')).toHaveValue('');

  await page.getByLabel('Include my training labels in the link').check();
  await expect.poll(() => fewshotOf(page.url())?.labels).toBe(LABELS);
  const withLabels = await page.context().newPage();
  await withLabels.goto(page.url());
  await openTab(withLabels, 'Few-shot probe');
  await expect(withLabels.getByTestId('fewshot-probe').locator('td').first()).toHaveText(shown.probe!);
  await expect(withLabels.getByTestId('fewshot-from-link')).toHaveCount(0);
  await expect(withLabels.getByLabel('Label column')).toHaveValue('func_class');
  await expect(withLabels.getByLabel('Positive value')).toHaveValue('LOF');
});

test('labelled FASTA records give a sequence probe beside the k-mer baseline, and new records predicted', async ({
  page,
}) => {
  // 12 GC-richer and 12 AT-richer records of 60 bases in 4 groups (both classes in each), from a fixed generator;
  // the classes overlap, so neither fit is perfect
  let state = 5;
  const rand = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const draw = (gc: number) =>
    Array.from({ length: 60 }, () => (rand() < gc ? 'GC' : 'AT')[Math.floor(rand() * 2)]).join('');
  const records = Array.from({ length: 24 }, (_, i) => {
    const cls = i % 2 ? 'gc' : 'at';
    return `>r${i}|${cls}|g${Math.floor(i / 2) % 4}\n${draw(cls === 'gc' ? 0.58 : 0.42)}`;
  }).join('\n');
  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(EXON19);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await openTab(page, 'Sequence probe');
  await page.getByLabel('Labelled records (FASTA)').fill(records);
  await page.getByLabel('Positive class').fill('gc');
  await page.getByLabel('Records to predict (FASTA)').fill(`>new1\n${draw(0.8)}\n>new2\n${draw(0.2)}`);
  await page.getByRole('button', { name: 'Fit sequence probe' }).click();
  const result = page.getByTestId('recordprobe-result');
  await expect(result.getByTestId('fewshot-probe').locator('td').first()).toHaveText(METRIC);
  await expect(result.getByTestId('fewshot-baseline').locator('td').first()).toHaveText(METRIC);
  await expect(result.getByTestId('fewshot-baseline').locator('th')).toHaveText(
    'baseline: 1- to 3-mer shares of the record',
  );
  await expect(result).toContainText('24 labelled records, 12 positive');
  await expect(result).toContainText('folds by group');
  const rows = result.getByTestId('recordprobe-predictions').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('td').first()).toHaveText('new1');
  for (const row of await rows.all()) await expect(row.locator('td').nth(1)).toHaveText(/^0\.\d{3}$|^1\.000$/);
});
