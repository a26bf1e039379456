// Variants typed and from a VCF, scored in the browser and checked against the Node engine;
// saturation mutagenesis with a click that adds a variant.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { withoutPrefixReuse } from '../src/model/benchmarking';
import { percentile } from '../src/eval/calibration';
import { scoreVariants } from '../src/analysis/variantEffect';
import { fileSource } from '../src/node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../src/node/nodeRuntime';
import { parseSequence } from '../src/genome/parseSequence';
import { loadModel } from '../src/model/loadModel';
import { analyse, openAndAnalyse, startMutagenesis, waitForModel } from './helpers';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'public/examples/lambda_cI_cro.fa'), 'utf8');
const SEQ = parseSequence(EXAMPLE).records[0]!.sequence;

test('typed and VCF variants get scores equal to the Node engine, and clear messages when wrong', async ({ page }) => {
  await openAndAnalyse(page);

  const ok = `5${SEQ[4]}>${SEQ[4] === 'A' ? 'G' : 'A'}`;
  const wrong = SEQ[4] === 'T' ? 'C' : 'T';
  await page.getByLabel('Variants').fill(`${ok}, 5${wrong}>A, 2000A>C`);
  await page.getByRole('button', { name: 'Add' }).click();
  const table = page.getByTestId('variant-table');
  await expect(table).toContainText(
    `reference mismatch at position 5: the sequence has ${SEQ[4]}, the variant says ${wrong}`,
  );
  await expect(table).toContainText('position 2000 is outside the sequence (1-1000)');

  // a VCF in genomic coordinates: the FASTA header NC_001416.1:37800-38799 places it
  const vcf = `##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nNC_001416.1\t37899\t.\t${SEQ[99]}\t${SEQ[99] === 'C' ? 'T' : 'C'}\t.\t.\t.\n`;
  await page.getByLabel('Load VCF').setInputFiles({ name: 'v.vcf', mimeType: 'text/plain', buffer: Buffer.from(vcf) });
  await expect(table.locator('tr', { hasText: 'NC_001416.1:37899' }).locator('td[data-method=masked]')).toHaveText(
    /^-?\d+\.\d{3}$/,
  );

  // the browser's numbers equal the Node engine's on the same bundled model
  const modelPath = join(
    REPO_ROOT,
    'public',
    JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')).models[0].path,
  );
  await useNodeBackend('cpu');
  const model = await loadModel(fileSource(modelPath));
  const variants = [
    { pos: 4, ref: SEQ[4]!, alt: ok.slice(-1) },
    { pos: 99, ref: SEQ[99]!, alt: SEQ[99] === 'C' ? 'T' : 'C' },
  ];
  for (const method of ['masked', 'wt'] as const) {
    const node = await scoreVariants(model, SEQ, variants, { method, window: 256 });
    const cells = [table.locator('tr', { hasText: ok }), table.locator('tr', { hasText: 'NC_001416.1:37899' })].map(
      (r) => r.locator(`td[data-method=${method}]`),
    );
    for (const [i, cell] of cells.entries()) {
      await expect(cell).toHaveText(/^-?\d+\.\d{3}$/);
      expect(Math.abs(Number(await cell.innerText()) - node.scores[i]!.score!)).toBeLessThanOrEqual(0.0015);
    }
    // beside each score its percentile against the model's shipped distribution (default settings: no ≈)
    const pcts = [table.locator('tr', { hasText: ok }), table.locator('tr', { hasText: 'NC_001416.1:37899' })].map(
      (r) => r.locator(`td[data-percentile=${method}]`),
    );
    for (const [i, cell] of pcts.entries()) {
      const p = percentile(model.meta.scoreDistribution!.quantiles[method]!, node.scores[i]!.score!);
      await expect(cell).toHaveText(/^\d+(\.\d)?%$/);
      // the browser's score may differ from Node's in the fourth decimal: allow the rounding of one point
      expect(Math.abs(Number((await cell.innerText()).replace('%', '')) - p)).toBeLessThanOrEqual(1);
    }
  }
  model.dispose();

  // a chromosome accession's assembly is noted beside the row; a few variants off the sequence stay in the table
  await page.getByLabel('Variants').fill('NC_000017.10:g.41,209,148T>G');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(table.locator('tr', { hasText: 'NC_000017.10:g.41,209,148T>G' }).locator('td.note')).toHaveText(
    /^NC_000017\.10 is chr17 of GRCh37 \(hg19\); .*; no sequence named chr17 in the FASTA$/,
  );
  await expect(page.getByTestId('variants-outside')).toHaveCount(0);
  // a whole VCF: more than ten outside are summed up in one line that opens to list them
  const far = Array.from({ length: 12 }, (_, i) => `chr1\t${1001 + i}\t.\tA\tG\t.\t.\t.`).join('\n');
  await page
    .getByLabel('Load VCF')
    .setInputFiles({ name: 'far.vcf', mimeType: 'text/plain', buffer: Buffer.from(`${vcf}${far}\n`) });
  const outside = page.getByTestId('variants-outside');
  await expect(outside.locator('summary')).toHaveText(
    '14 variants lie outside the analysed sequence (NC_001416.1:37,800-38,799)',
  );
  await expect(table).not.toContainText('chr1:1001A>G');
  await expect(table).not.toContainText('2000A>C');
  await expect(table.locator('tr', { hasText: 'NC_001416.1:37899' }).locator('td[data-method=masked]')).toHaveText(
    /^-?\d+\.\d{3}$/,
  );
  await outside.locator('summary').click();
  await expect(outside.getByText('chr1:1012A>G: no sequence named chr1 in the FASTA')).toBeVisible();
});

test('saturation mutagenesis paints every substitution and a click adds the variant', async ({ page }) => {
  await openAndAnalyse(page, EXAMPLE);
  await startMutagenesis(page, 11, 30, '60 substitutions, 20 forward rows');
  const heat = page.getByTestId('mutagenesis');
  await expect(heat).toBeVisible();
  const box = (await heat.boundingBox())!;
  // the A row (top) of the 10th column of 20
  const x = 24 + ((box.width - 24) * 9.5) / 20;
  await heat.hover({ position: { x, y: 10 } });
  const readout = page.getByTestId('mutagenesis-readout');
  await expect(readout).toContainText(`Position 20 ${SEQ[19]}>A`);
  if (SEQ[19] !== 'A') {
    await expect(readout).toHaveText(/: -?\d+\.\d{3}$/);
    await heat.click({ position: { x, y: 10 } });
    await expect(page.getByTestId('variant-table')).toContainText(`20${SEQ[19]}>A`);
  } else {
    await expect(readout).toContainText('reference base');
  }

  // the same heatmap by keyboard: the first arrow lands on position 11, base A; Shift moves ten positions,
  // Down moves to the next base; Enter adds the variant under the cursor
  await page.mouse.move(0, 0);
  await heat.focus();
  await heat.press('ArrowRight');
  await expect(readout).toContainText(`Position 11 ${SEQ[10]}>A`);
  await heat.press('Shift+ArrowRight');
  await heat.press('End');
  await expect(readout).toContainText(`Position 30 ${SEQ[29]}>A`);
  const alt = 'ACGT'.split('').find((b) => b !== SEQ[29])!;
  for (let i = 0; i < 'ACGT'.indexOf(alt); i++) await heat.press('ArrowDown');
  await expect(readout).toContainText(`Position 30 ${SEQ[29]}>${alt}:`);
  await expect(page.locator('.cell-cursor')).toBeVisible();
  await heat.press('Enter');
  await expect(page.getByTestId('variant-table')).toContainText(`30${SEQ[29]}>${alt}`);
});

test('a long mutagenesis shows progress with time remaining and can be cancelled', async ({ page }) => {
  await openAndAnalyse(page, EXAMPLE);
  await startMutagenesis(page, 1, 1000);
  await expect(page.getByText(/Mutagenesis of 1-1000: \d+\/1000, about \d+ s left/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Cancel mutagenesis' }).click();
  await expect(page.getByText('Mutagenesis cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run mutagenesis' })).toBeEnabled();
});

test('the causal model scores substitutions in the browser as full passes in Node do (dll variants and mutagenesis)', async ({
  page,
}) => {
  await page.goto('./');
  await waitForModel(page);
  await page.locator('#model-select').selectOption('clm-hybrid-chr22');
  await waitForModel(page);
  await analyse(page, EXAMPLE);
  const alt = (p: number) => (SEQ[p] === 'A' ? 'G' : 'A');
  await page.getByLabel('Variants').fill(`500${SEQ[499]}>${alt(499)}, 700${SEQ[699]}>${alt(699)}`);
  await page.getByRole('button', { name: 'Add' }).click();

  // the reference: Node, every alternative window run in full; the app continues each from its reference pass
  await useNodeBackend('wasm');
  const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models/clm-hybrid-chr22')));
  const full = withoutPrefixReuse(model);
  const node = await scoreVariants(
    full,
    SEQ,
    [499, 699, 600].map((pos) => ({ pos, ref: SEQ[pos]!, alt: alt(pos) })),
    { method: 'dll', window: 256 },
  );
  const table = page.getByTestId('variant-table');
  for (const [i, p] of [500, 700].entries()) {
    const cell = table.locator('tr', { hasText: `${p}${SEQ[p - 1]}>` }).locator('td[data-method=dll]');
    await expect(cell).toHaveText(/^-?\d+\.\d{3}$/);
    expect(Math.abs(Number(await cell.innerText()) - node.scores[i]!.score!)).toBeLessThanOrEqual(0.0015);
  }

  await startMutagenesis(
    page,
    601,
    603,
    '9 substitutions, 3 reference rows, each substitution run from its position on',
  );
  const heat = page.getByTestId('mutagenesis');
  await expect(heat).toBeVisible();
  await heat.focus();
  for (let i = 0; i <= 'ACGT'.indexOf(alt(600)); i++) await heat.press(i === 0 ? 'ArrowRight' : 'ArrowDown');
  const readout = page.getByTestId('mutagenesis-readout');
  await expect(readout).toContainText(`Position 601 ${SEQ[600]}>${alt(600)}:`);
  const shown = Number(/: (-?\d+\.\d{3})$/.exec(await readout.innerText())![1]);
  expect(Math.abs(shown - node.scores[2]!.score!)).toBeLessThanOrEqual(0.0015);
  model.dispose();
});
