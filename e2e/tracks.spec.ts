// The genome-browser view: letters at the opening zoom of the 600-bp gallery promoter on a 1,280-px page, a logo
// whose heights follow information, axes and a ruler in genomic coordinates, a dropped BED's feature and a
// GenBank record's CDS. What the canvas drew is read from its summary (track-summary), not from pixels.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForModel } from './helpers';

const summary = (page: Page) => page.getByTestId('track-summary');
const attr = async (page: Page, name: string) => (await summary(page).getAttribute(name)) ?? '';

/** The drawn logo column totals, base -> bits (or probability). */
async function logoHeights(page: Page): Promise<Map<number, number>> {
  const pairs = (await attr(page, 'data-logo-heights')).split(' ').filter(Boolean);
  return new Map(pairs.map((p) => p.split(':').map(Number) as [number, number]));
}

/** Open a gallery example and wait until the view has scrolled to its focused base (1-based). */
async function openGallery(page: Page, name: string, focus: number): Promise<void> {
  await page.goto('./');
  await waitForModel(page);
  await page.getByRole('button', { name: `Open ${name}` }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await expect(page.getByTestId('track-readout')).toContainText(`Position ${focus} `);
  await expect
    .poll(async () => {
      const first = Number(await attr(page, 'data-first'));
      return first < focus && focus <= first + (await attr(page, 'data-letters')).length;
    })
    .toBe(true);
}

test('the 600-bp promoter opens with its bases as letters, a genomic ruler and an axis per track', async ({ page }) => {
  await openGallery(page, 'A fly promoter', 571);
  const fasta = await page.getByLabel('DNA sequence or FASTA').inputValue();
  expect(fasta).toMatch(/^>chr2L:16766137-16766736/);
  const sequence = fasta.split('\n').slice(1).join('').toUpperCase();
  expect(sequence).toHaveLength(600);

  await expect(summary(page)).toHaveAttribute('data-sequence-detail', 'letters');
  const { letters, first } = await summary(page).evaluate((e) => ({
    letters: e.dataset.letters ?? '',
    first: Number(e.dataset.first),
  }));
  expect(letters.length).toBeGreaterThan(100); // a screen of letters, not the whole 600
  expect(letters.length).toBeLessThan(600);
  expect(letters.toUpperCase()).toBe(sequence.slice(first, first + letters.length));

  // every data track is there with its axis; ruler ticks at a nice step, in chr2L coordinates
  expect((await attr(page, 'data-tracks')).split(' ')).toEqual(
    expect.arrayContaining(['ruler', 'sequence', 'logo', 'surprise', 'entropy', 'attention']),
  );
  const ticks = (await attr(page, 'data-ticks')).split(' ').map(Number);
  expect(ticks.length).toBeGreaterThan(3);
  const step = ticks[1]! - ticks[0]!;
  expect([10, 20, 50]).toContain(step);
  expect(ticks.every((t, i) => t % step === 0 && (i === 0 || t - ticks[i - 1]! === step))).toBe(true);
  expect(ticks[0]!).toBeGreaterThanOrEqual(16766137 + first);

  // zoomed out to the whole record there is no room for letters; zoomed back in they return
  await page.getByRole('button', { name: 'Whole record' }).click();
  await expect(summary(page)).toHaveAttribute('data-sequence-detail', 'bars');
  await expect(page.getByTestId('track-range')).toContainText('600 of 600 bp');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(summary(page)).toHaveAttribute('data-sequence-detail', 'letters');

  // a drag pans: 240 px to the left at 8 px per base is 30 bases on; the wheel zooms in, '-' back out
  const tracks = page.getByTestId('tracks');
  await expect(tracks).toHaveAttribute('data-bp-per-pixel', '0.125');
  const before = Number(await tracks.getAttribute('data-start'));
  const box = (await tracks.boundingBox())!;
  await page.mouse.move(box.x + 700, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 460, box.y + 200, { steps: 6 });
  await page.mouse.up();
  await expect(tracks).toHaveAttribute('data-start', String(before + 30));
  await page.mouse.wheel(0, -100);
  await expect(tracks).toHaveAttribute('data-bp-per-pixel', '0.0625');
  await tracks.press('-');
  await expect(tracks).toHaveAttribute('data-bp-per-pixel', '0.125');
});

test('the logo column of a base is P x (2 - entropy) tall; the probability stack is 1 tall', async ({ page }) => {
  await openGallery(page, 'A human Alu repeat', 150);
  const tracks = page.getByTestId('tracks');
  const box = (await tracks.boundingBox())!;
  const heights = await logoHeights(page);
  const values = [...heights.values()];
  expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.3); // columns differ: the check can fail
  for (const frac of [0.2, 0.5, 0.8]) {
    await tracks.hover({ position: { x: 150 + (box.width - 150) * frac, y: 60 } });
    const text = await page.getByTestId('track-readout').innerText();
    const pos = Number(/^Position (\d+) /.exec(text)![1]);
    const p = [...text.matchAll(/([ACGT]) (\d\.\d{3})/g)].map((m) => Number(m[2]));
    expect(p).toHaveLength(4);
    const entropy = -p.reduce((s, q) => (q > 0 ? s + q * Math.log2(q) : s), 0);
    // the read-out rounds P to 3 decimals: 0.02 bits covers it
    expect(Math.abs(heights.get(pos - 1)! - (2 - entropy))).toBeLessThan(0.02);
  }
  await page.getByLabel('Probability stack instead of logo').check();
  await expect(summary(page)).toHaveAttribute('data-logo-mode', 'probability');
  const stack = [...(await logoHeights(page)).values()];
  expect(stack.length).toBeGreaterThan(50);
  expect(stack.every((h) => Math.abs(h - 1) < 1e-3)).toBe(true);
});

test('a dropped BED shows its feature on the region; a BED of another chromosome says so', async ({ page }) => {
  await openGallery(page, 'BRCA1 exon 19 and its splice sites', 108);
  // BRCA1 exon 19 in hg19 (0-based BED): the gallery's bases 110-193 of chr17:41208960-41209260
  const bed = 'chr17\t41209068\t41209152\tBRCA1_exon19\t0\t-\n';
  const dataTransfer = await page.evaluateHandle((text) => {
    // the e2e folder is type-checked without the DOM library: the page's constructors, typed by hand
    const w = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
    };
    const dt = new w.DataTransfer();
    dt.items.add(new w.File([text], 'exon19.bed', { type: 'text/plain' }));
    return dt;
  }, bed);
  await page.locator('section[aria-labelledby="tracks-h"]').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('feature-file-message')).toContainText('exon19.bed: 1 feature inside chr17:41208960');
  await expect(page.getByTestId('track-feature')).toContainText(['file features: BED BRCA1_exon19 at 110-193']);
  await expect(summary(page)).toHaveAttribute('data-tracks', /annotation/);

  await page.getByLabel('Annotation file (BED, GFF3 or GTF)').setInputFiles({
    name: 'brca2.bed',
    mimeType: 'text/plain',
    buffer: Buffer.from('chr13\t32889610\t32973805\tBRCA2\t0\t+\n'),
  });
  await expect(page.getByTestId('feature-file-message')).toContainText(
    'brca2.bed has 1 feature on chr13, none on the chromosome of the analysed record, chr17:41208960-41209260',
  );
  await expect(page.getByTestId('track-feature')).toHaveCount(0);
});

test("a pasted GenBank record's CDS, exon and gene show on its annotation track", async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(readFileSync('test/data/genbank/FJ940752.gb', 'utf8'));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await expect(page.getByTestId('track-feature')).toContainText([
    'record features: gene BRCA1 at 1-349',
    'record features: mRNA BRCA1 at 79-153',
    'record features: CDS BRCA1 (ACR33809.1) at 79-153',
    'record features: exon BRCA1 exon 18 at 79-153',
  ]);
  // the read-out names the features over the focused base: base 1 lies in the gene only
  await page.mouse.move(0, 0);
  await page.getByTestId('tracks').focus();
  await page.getByTestId('tracks').press('Home');
  await expect(page.getByTestId('track-readout')).toContainText(/^Position 1 \(G\): .*; in BRCA1 \(gene\)$/);
});
