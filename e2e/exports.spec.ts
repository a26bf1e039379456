// An exported bedGraph lands on the genome (from the chrom:start-end header) and carries the values shown.
import { expect, test } from '@playwright/test';
import { downloadOf, openTab, waitForModel } from './helpers';

test('bedGraph export matches the displayed per-base values at genomic coordinates', async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  const seq = 'GGCTTAACCGGTATCGATCGGATCCATGCAAGTCTTGACGGTACCATGGCAATACGTTGCAAG'.repeat(3);
  await page.getByLabel('DNA sequence or FASTA').fill(`>chr17:41276001-41276189\n${seq}`);
  await page.getByRole('button', { name: 'Run' }).click();
  const tracks = page.getByTestId('tracks');
  await openTab(page, 'Attention');
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();

  const bedGraph = await downloadOf(page, page.getByRole('button', { name: 'Download track' }));
  expect(bedGraph.name).toBe('chr17_41276001-41276189.observed.bedgraph');
  const lines = bedGraph.text.trim().split('\n');
  expect(lines[0]).toMatch(/^track type=bedGraph name=/);
  const value = new Map<number, number>(); // 1-based genomic position -> value
  for (const l of lines.slice(1)) {
    const [chrom, s, e, v] = l.split('\t');
    expect(chrom).toBe('chr17');
    for (let p = Number(s); p < Number(e); p++) value.set(p + 1, Number(v));
  }
  expect(value.size).toBe(seq.length);
  expect(Math.min(...value.keys())).toBe(41276001);

  // hover a few bases and compare the read-out with the file
  const box = (await tracks.boundingBox())!;
  for (const frac of [0.3, 0.55, 0.8]) {
    await tracks.hover({ position: { x: 150 + (box.width - 150) * frac, y: 20 } });
    const text = await page.getByTestId('track-readout').innerText();
    const m = /Position (\d+) \([ACGT]\): log2 P\(observed\) (-?\d+\.\d+) bits/.exec(text)!;
    expect(Math.abs(value.get(41276000 + Number(m[1]))! - Number(m[2]))).toBeLessThanOrEqual(0.005);
  }
});

test('a gallery example opens in one click and shows what its caption says', async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  await page.getByRole('button', { name: 'Open A human Alu repeat' }).click();
  await expect(page.getByLabel('DNA sequence or FASTA')).toHaveValue(/^>chr22:17558674-17559073/);
  const tracks = page.getByTestId('tracks');
  await expect(page.getByTestId('scan-summary')).toBeVisible();
  // the view opens on letters around the focused base: out to the whole record, the 400 bases fit the plot area
  await page.getByRole('button', { name: 'Whole record' }).click();
  await expect(page.getByTestId('track-range')).toContainText('400 of 400 bp');
  const box = (await tracks.boundingBox())!;
  const entropyAt = async (pos: number) => {
    // the view fits the 400 bases into the plot area right of the 150-px labels
    await tracks.hover({ position: { x: 150 + ((box.width - 150) * (pos - 0.5)) / 400, y: 20 } });
    const m = /Position (\d+) .* entropy (\d\.\d+) bits/.exec(await page.getByTestId('track-readout').innerText())!;
    return Number(m[2]);
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const inside = [];
  for (const p of [80, 110, 140, 170, 200]) inside.push(await entropyAt(p));
  const outside = [];
  for (const p of [10, 30, 300, 340, 380]) outside.push(await entropyAt(p));
  expect(median(inside)).toBeLessThan(1.2);
  expect(median(outside)).toBeGreaterThan(1.4);
});
