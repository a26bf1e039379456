// Whole journeys through the page. A geneticist scores BRCA1 exon 19 variants and reads, beside the scores, what
// the model is worth; a teacher opens a gallery example and finds its caption and walkthrough beside the result; a
// method builder compares two models and maps where bases depend on each other. Each journey ends with a
// screenshot of what its person sees: `npm run screenshots` writes them to docs/journey-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { decodeFrame } from '../src/share/linkCodec';
import { REPO_ROOT } from '../src/node/nodeRuntime';
import type { AurocEstimate, VariantEffectMetrics } from '../src/model/variantMetrics';
import { downloadOf, openTab, waitForModel } from './helpers';

const EXON19 = readFileSync(join(REPO_ROOT, 'public/examples/brca1_exon19.fa'), 'utf8');
const RECORD_START = 41208960; // the FASTA header: chr17:41208960-41209260
const index = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as {
  models: { id: string }[];
};
const DEFAULT_ID = index.models[0]!.id;
const metrics = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models', DEFAULT_ID, 'model.json'), 'utf8')).metrics
  .variantEffect as VariantEffectMetrics;
const auroc = (e: Pick<AurocEstimate, 'auroc' | 'lo' | 'hi'>) =>
  `${e.auroc.toFixed(2)} (${e.lo.toFixed(2)}-${e.hi.toFixed(2)})`;

/** The journey's last view, kept in docs/ when asked (SCREENSHOTS=1), else beside the test's results. */
async function keep(page: Page, info: TestInfo, name: string): Promise<void> {
  const file = process.env.SCREENSHOTS ? join(REPO_ROOT, `docs/journey-${name}.png`) : info.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
}

/** Panels may sit in tabs: open the tab of that name when there is one. */
async function showTab(page: Page, name: RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if (await tab.count()) await tab.first().click();
}

test('a geneticist scores BRCA1 exon 19 variants and sees what the model is worth beside them', async ({
  page,
}, info) => {
  await page.goto('./');
  await waitForModel(page);
  // the default is the best measured model
  await expect(page.getByTestId('model-info')).toHaveAttribute('data-model-id', 'mlm-hybrid-exon');

  await page.getByLabel('DNA sequence or FASTA').fill(EXON19);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await showTab(page, /variant/i);
  // a missense variant in comma style, and a canonical splice variant of the acceptor (LOF in the SGE data)
  await page.getByLabel('Variants').fill('chr17:41,209,148T>G, chr17:41209154T>C');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const table = page.getByTestId('variant-table');
  const row = (text: string) => table.locator('tr', { hasText: text });
  for (const v of ['chr17:41,209,148T>G', 'chr17:41209154T>C']) {
    await expect(row(v).locator('td[data-method=masked]')).toHaveText(/^-?\d+\.\d{3}$/);
    await expect(row(v).locator('td[data-method=influence]')).toHaveText(/^-?\d+\.\d{3}$|^-?\d\.\de-\d+$/);
    await expect(row(v).locator('td[data-method=influence]')).not.toHaveText(/^-?0\.000$/);
  }

  // the comma variant lands on genomic 41209148: base 189 of the record, the T it names, no note
  await expect(row('chr17:41,209,148T>G').locator('td').nth(1)).toHaveText(String(41209148 - RECORD_START + 1));
  await expect(row('chr17:41,209,148T>G').locator('td.note')).toHaveText('');
  expect(EXON19.split('\n').slice(1).join('')[41209148 - RECORD_START]).toBe('T');
  const tsv = (await downloadOf(page, page.getByRole('button', { name: 'Download TSV' }))).text.trim().split('\n');
  const fields = tsv.find((l) => l.startsWith('chr17:41,209,148T>G'))!.split('\t');
  expect(fields[1]).toMatch(/^(chr)?17$/);
  expect(fields.slice(2, 5)).toEqual(['41209148', 'T', 'G']);

  // every score column carries its measured AUROC with interval, the contrasts, and the setting it was measured at
  for (const [method, x] of Object.entries(metrics.methods)) {
    const cell = page.getByTestId(`measured-${method}`);
    await expect(cell.getByTestId('auroc')).toHaveText(`AUROC ${auroc(x.lof)}`);
    await expect(cell).toContainText(`nonsense vs synonymous ${auroc(x.nonsenseVsSynonymous)}`);
    await expect(cell).toContainText(`canonical splice vs intronic ${auroc(x.canonicalSpliceVsIntronic)}`);
    // measured at 63 (influence 127) on one strand; the page scores at 255 on this 301-base record: marked
    await expect(cell.getByTestId('measured-setting')).toHaveText(
      `at window ${x.window}, one strand ≠ this page's window 255, one strand`,
    );
  }
  // the plain sentence, and no claim that every negative score is damaging
  const overall = metrics.recommendation.overall;
  await expect(page.getByTestId('plain-sentence')).toHaveText(
    new RegExp(
      `^Research use only, not a clinical classification\\. .*only a little better than chance ` +
        `\\(AUROC ${overall.auroc.toFixed(2)}, ${overall.lo.toFixed(2)}-${overall.hi.toFixed(2)}; 0\\.5 is chance, ` +
        'CADD reaches 0\\.79\\)\\.$',
    ),
  );
  await expect(page.getByText(/predicted damaging/i)).toHaveCount(0);
  // percentiles coloured, with their legend; a recommendation per question
  await expect(row('chr17:41209154T>C').locator('td[data-percentile=masked]')).toHaveAttribute(
    'style',
    /background: rgb\(\d+, \d+, \d+\)/,
  );
  await expect(page.getByTestId('percentile-legend')).toBeVisible();
  await expect(page.getByTestId('recommendations')).toContainText(
    'splice (canonical splice vs intronic): this model by masked marginal (GPN), ' +
      `AUROC ${auroc(metrics.recommendation.splice)}`,
  );

  // the evidence a click away: the model card
  await page.getByRole('button', { name: 'About this model' }).click();
  const card = page.getByRole('dialog', { name: /About this model/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('1,517,444 parameters');
  const maskedRow = card.getByTestId('card-methods').locator('tr', { hasText: 'masked marginal' });
  await expect(maskedRow.locator('td').nth(0)).toHaveText('window 63, one strand');
  await expect(maskedRow.locator('td').nth(1)).toHaveText(auroc(metrics.methods.masked!.lof));
  await expect(card.getByRole('link', { name: /README/ })).toHaveAttribute(
    'href',
    /models\/mlm-hybrid-exon\/README\.md$/,
  );
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toHaveCount(0);
  await page.getByTestId('plain-sentence').scrollIntoViewIfNeeded();
  await keep(page, info, 'geneticist');
});

test('a teacher opens a gallery example: its caption, marks and walkthrough sit beside the result', async ({
  page,
}, info) => {
  await page.goto('./');
  await waitForModel(page);
  await page.getByRole('button', { name: 'Open A human Alu repeat' }).click();
  const tracks = page.getByTestId('tracks');
  await expect(tracks).toBeVisible();
  const caption = page.getByRole('complementary', { name: 'Example: A human Alu repeat' });
  await expect(caption).toBeVisible();
  await expect(caption).toContainText('An Alu element');
  // beside the result: caption and tracks are seen together, no more than 300 px apart (the track panel's heading,
  // summary and controls may lie between; not at the gallery, far below)
  await tracks.scrollIntoViewIfNeeded();
  await expect(caption).toBeInViewport();
  const c = (await caption.boundingBox())!,
    t = (await tracks.boundingBox())!;
  expect(Math.max(0, t.y - (c.y + c.height), c.y - (t.y + t.height))).toBeLessThan(300);

  const steps = caption.getByTestId('walkthrough').locator('li');
  expect(await steps.count()).toBeGreaterThanOrEqual(3);
  await expect(steps.first()).toHaveText(/^Each bar of the log2 P\(observed\) track is one base/);
  // the marked region: a click focuses its first base
  await caption.getByRole('button', { name: 'Alu repeat (51-254)' }).click();
  await expect(page.getByTestId('track-readout')).toContainText('Position 51 (');
  // the click may come while the example is still opening (its variants, the compare view): the end of the
  // opening leaves the focus where the click put it
  await expect(page.getByRole('button', { name: 'Open A human Alu repeat' })).toBeEnabled();
  await expect(page.getByTestId('track-readout')).toContainText('Position 51 (');
  await keep(page, info, 'teacher');

  // another sequence is no longer the example: its caption goes
  await page.getByLabel('DNA sequence or FASTA').fill('>plain\nACGTACGTTAGCATCGATCGGATCGATTACGACTAGCATCGACTAGC');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(caption).toHaveCount(0);
});

test('a method builder compares two models on BRCA1 exon 19, reads every attention head and maps dependencies', async ({
  page,
}, info) => {
  const B = 'clm-hybrid-chr22';
  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(EXON19);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();

  // two models on one sequence: each one's mean log2 P and their difference, and the difference track
  await openTab(page, 'Compare models');
  await page.getByLabel('Model B').selectOption(B);
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toBeVisible();
  const mean = async (k: string) => Number(await summary.getAttribute(`data-mean-${k}`));
  const [a, b, diff] = [await mean('a'), await mean('b'), await mean('diff')];
  expect([a, b].every((m) => m < 0 && m > -2.5)).toBe(true); // bits per base: between certainty and chance (-2)
  expect(Math.abs(diff - (a - b))).toBeLessThan(1e-3);
  await expect(page.getByTestId('compare-tracks')).toBeVisible();

  // every layer's heads at once, as thumbnails beside the map
  await openTab(page, 'Attention');
  await expect(page.getByTestId('attention-overview')).toBeVisible();

  // where bases depend on each other: a dependency map of the acceptor side of the exon
  await openTab(page, 'Dependencies');
  await page.getByLabel('Map bases').fill('100');
  await page.getByLabel('through').fill('130');
  await page.getByRole('button', { name: 'Run dependency map' }).click();
  await expect(page.getByTestId('dep-summary')).toContainText('Positions 100-130: ');

  // the link a colleague gets holds the pair of models and the map
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=3\./);
  await page.waitForTimeout(500); // the fragment is rewritten 300 ms after the last change
  const saved = decodeFrame(new URL(page.url()).hash).settings as {
    models: unknown;
    analyses: { dependency?: unknown };
  };
  expect(saved.models).toEqual({ primary: 'mlm-hybrid-exon', compare: B });
  expect(saved.analyses.dependency).toEqual({ start: 99, end: 130, strands: 'forward' });
  await keep(page, info, 'method-builder');
});
