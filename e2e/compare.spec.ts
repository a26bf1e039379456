// The compare view: two models on one sequence. Its tracks and its variant column are checked against
// two separate runs, one with each model; the share link keeps the pair.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForModel } from './helpers';

const FASTA = readFileSync(join(import.meta.dirname, '../public/examples/lambda_cI_cro.fa'), 'utf8');
const SEQ = FASTA.split('\n').slice(1).join('').slice(0, 400);
const A = 'clm-hybrid-chr22',
  B = 'markov-k9-chr22';
const VARIANT = `201${SEQ[200]}>${SEQ[200] === 'A' ? 'G' : 'A'}`;

/** Run the sequence with `model` alone: its mean log2 P, the read-out at the focus (bits), its dll score of VARIANT. */
async function alone(page: Page, model: string) {
  await page.getByLabel('Model:').selectOption(model);
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(`>part\n${SEQ}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const summary = page.getByTestId('scan-summary');
  await expect(summary).toContainText('bits/nt');
  await page.getByLabel('Variants').fill(VARIANT);
  await page.getByRole('button', { name: 'Add' }).click();
  const cell = page.locator('td[data-method="dll"]');
  await expect(cell).toHaveText(/^-?\d+\.\d{3}$/);
  return {
    mean: Number(/Mean log2 P\(observed\) (-?[\d.]+) bits/.exec((await summary.textContent())!)![1]),
    focus: Number(
      /log2 P\(observed\) (-?[\d.]+) bits/.exec((await page.getByTestId('track-readout').textContent())!)![1],
    ),
    dll: Number(await cell.textContent()),
  };
}

test('the difference track and the variant column match two separate runs, and the link keeps the pair', async ({
  page,
  context,
}) => {
  await page.goto('./?backend=wasm');
  await waitForModel(page);
  const b = await alone(page, B);
  const a = await alone(page, A);

  await page.getByLabel('Model B').selectOption(B);
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toBeVisible();
  const mean = async (k: string) => Number(await summary.getAttribute(`data-mean-${k}`));
  const meanA = await mean('a'),
    meanB = await mean('b'),
    meanDiff = await mean('diff');
  expect(Math.abs(meanA - a.mean)).toBeLessThan(6e-4);
  expect(Math.abs(meanB - b.mean)).toBeLessThan(6e-4);
  expect(Math.abs(meanDiff - (a.mean - b.mean))).toBeLessThan(1.2e-3);
  expect(Math.abs(meanDiff)).toBeGreaterThan(0.01); // the two models do differ here
  // at the focused base (the middle): A, B and A - B against the separate runs' read-outs (2 decimals)
  const [fa, fb, fd] = /A (-?[\d.]+) bits, B (-?[\d.]+) bits, A − B (-?[\d.]+) bits/
    .exec((await page.getByTestId('compare-readout').textContent())!)!
    .slice(1)
    .map(Number);
  expect(Math.abs(fa! - a.focus)).toBeLessThan(6e-3);
  expect(Math.abs(fb! - b.focus)).toBeLessThan(6e-3);
  expect(Math.abs(fd! - (fa! - fb!))).toBeLessThan(2e-3);
  await expect(page.getByTestId('compare-tracks')).toBeVisible();

  // the variant table's column for B: B's dll score, as B's own table gave it
  await expect(page.getByTestId('compare-column')).toContainText('delta log-likelihood');
  const bCell = page.locator('td[data-compare-score]');
  await expect(bCell).toHaveText(/^-?\d+\.\d{3}$/);
  expect(Math.abs(Number(await bCell.textContent()) - b.dll)).toBeLessThan(1.5e-3);
  expect(Math.abs(Number(await page.locator('td[data-method="dll"]').textContent()) - a.dll)).toBeLessThan(1.5e-3);

  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=3\./);
  await page.waitForTimeout(500); // the fragment is rewritten 300 ms after the last change
  const link = page.url();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('compare-summary')).toBeVisible();
  await expect(other.getByLabel('Model B')).toHaveValue(B);
  await expect(other.getByLabel('Model:')).toHaveValue(A);
  expect(
    Math.abs(Number(await other.getByTestId('compare-summary').getAttribute('data-mean-diff')) - meanDiff),
  ).toBeLessThan(1e-6);
});
