// A genome opened from disk (a generated .2bit): a typed region is analysed as if its sequence had been pasted
// with a chrom:start-end header: the same bedGraph, at genomic coordinates; a region past the end is refused.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeTwoBit } from '../src/node/twoBitWriter';
import { downloadOf, openTab, waitForModel } from './helpers';

let x = 2024;
const rand = () => {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  return x >>> 8;
};
const chr17 = Array.from({ length: 60_000 }, () => 'ACGT'[rand() % 4]).join('');
const region = chr17.slice(50_000, 50_300);

async function bedGraph(page: Page): Promise<string> {
  await openTab(page, 'Attention');
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();
  const file = await downloadOf(page, page.getByRole('button', { name: 'Download track' }));
  expect(file.name).toBe('chr17_50001-50300.observed.bedgraph');
  return file.text;
}

test('a region of a local 2bit analyses as the pasted sequence does, at its genomic coordinates', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-2bit-'));
  const path = join(dir, 'mini.2bit');
  writeTwoBit(
    path,
    [
      { name: 'chr2', length: 1000 },
      { name: 'chr17', length: chr17.length },
    ],
    [
      { name: 'chr2', sequence: 'A'.repeat(1000) },
      { name: 'chr17', sequence: chr17 },
    ],
  );

  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('Genome files').setInputFiles(path);
  await expect(page.getByTestId('genome-info')).toHaveText('mini.2bit: 2 sequences (chr2, chr17)');
  await page.getByLabel('Region').fill('chr17:59,001-60,001');
  await page.getByRole('button', { name: 'Analyse region' }).click();
  await expect(page.getByTestId('genome-error')).toHaveText(
    'chr17 is 60,000 bases long: the region ends past it (60,001)',
  );

  await page.getByLabel('Region').fill('17:50,001-50,300');
  await page.getByRole('button', { name: 'Analyse region' }).click();
  await expect(page.getByTestId('genome-error')).toHaveCount(0);
  const fromGenome = await bedGraph(page);
  expect((await page.getByLabel('DNA sequence or FASTA').inputValue()).replace(/\n/g, '')).toBe(
    `>chr17:50001-50300${region}`,
  );
  const first = fromGenome.trim().split('\n')[1]!.split('\t');
  expect(first.slice(0, 2)).toEqual(['chr17', '50000']);

  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(`>chr17:50001-50300\n${region}`);
  await page.getByRole('button', { name: 'Run' }).click();
  expect(await bedGraph(page)).toBe(fromGenome);
});
