// The attention and dependency maps as figures: axes in the record's genomic coordinates and a colour bar,
// letters once zoomed in, the hovered cell's positions drawn on the tracks, every head's thumbnail opening it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseSequence } from '../src/genome/parseSequence';
import { REPO_ROOT } from '../src/node/nodeRuntime';
import { openAndAnalyse, openTab } from './helpers';

// chr22:17558674-17559073, 400 bases: the axes read genomic positions
const EXAMPLE = readFileSync(join(REPO_ROOT, 'public/examples/human_alu_chr22.fa'), 'utf8');
const SEQ = parseSequence(EXAMPLE).records[0]!.sequence;
const G0 = 17558674; // the genomic position of base 1
const fmt = (p: number) => p.toLocaleString('en-US');

/** The window a map's zoom bar states: [first row, last row, first column, last column], 1-based. */
async function windowOf(page: Page, label: RegExp): Promise<number[]> {
  return (await page.getByText(label).innerText()).match(/\d+/g)!.map(Number);
}

test('the attention map has genomic axes, a colour bar, letters when zoomed, track highlights and thumbnails', async ({
  page,
}) => {
  await openAndAnalyse(page, EXAMPLE);
  const heat = page.getByTestId('attention');
  const panel = page.getByRole('region', { name: 'Attention' });
  // the figure fills the panel: the map and its thumbnails span most of its width, reaching its right side
  await expect(page.getByTestId('attention-overview')).toBeVisible();
  const [pb, hb, ob] = await Promise.all(
    [panel, heat, page.getByTestId('attention-overview')].map((l) => l.boundingBox()),
  );
  expect(ob!.x + ob!.width - hb!.x).toBeGreaterThan(0.75 * pb!.width);
  expect(pb!.x + pb!.width - (ob!.x + ob!.width)).toBeLessThan(60);

  // axes and colour bar, named for what they show; the whole window first, too narrow a cell for letters
  const rows = page.getByTestId('attention-rows'),
    cols = page.getByTestId('attention-cols'),
    bar = page.getByTestId('attention-colorbar');
  await expect(rows).toHaveAttribute('aria-label', `query position on chr22: ${fmt(G0)}-${fmt(G0 + 399)}`);
  await expect(cols).toHaveAttribute('aria-label', `key position on chr22: ${fmt(G0)}-${fmt(G0 + 399)}`);
  await expect(bar).toHaveAttribute(
    'aria-label',
    "Colour bar, attention / its row's largest: viridis from 0 (dark) to 1 (bright), linear scale",
  );
  await panel.getByLabel('log colour scale').check();
  await expect(bar).toHaveAttribute('aria-label', /from ≤0\.001 \(dark\) to 1 \(bright\), log scale$/);

  // zoomed in (the + key on the map, around the cursor) the axes carry the window's letters
  await heat.focus();
  await page.keyboard.press('ArrowDown');
  for (let k = 0; k < 5; k++) await page.keyboard.press('+');
  const label = /^queries \d+-\d+, keys \d+-\d+$/;
  await expect(page.getByText(label)).toHaveText('queries 1-16, keys 1-16'); // 400 -> 200 -> ... -> 16
  await page.keyboard.press('End'); // the cursor's row, last column: the window follows it
  const [q0, q1, k0, k1] = (await windowOf(page, label)) as [number, number, number, number];
  expect([q1 - q0, k1 - k0, k1]).toEqual([15, 15, 400]);
  await expect(cols).toHaveAttribute(
    'aria-label',
    `key position on chr22: ${fmt(G0 + k0 - 1)}-${fmt(G0 + k1 - 1)}, sequence ${SEQ.slice(k0 - 1, k1)}`,
  );
  await expect(rows).toHaveAttribute('aria-label', new RegExp(`, sequence ${SEQ.slice(q0 - 1, q1)}$`));

  // hovering a cell marks its query and key positions on the tracks; leaving the map clears them
  const lines = page.getByTestId('map-hover-lines');
  const hb2 = (await heat.boundingBox())!;
  await heat.hover({ position: { x: hb2.width * 0.3, y: hb2.height * 0.7 } });
  const readout = page.getByTestId('attention-readout');
  await expect(readout).toContainText(/^Query \d+ \([ACGT]\) → key \d+ \([ACGT]\): \d\.\d{4} \(chr22:/);
  const [q, k] = (await readout.innerText()).match(/\d+/g)!.map(Number) as [number, number];
  expect(q0 <= q && q <= q1 && k0 <= k && k <= k1).toBe(true);
  await expect(lines).toHaveAttribute('data-positions', `${q} ${k}`);
  await page.mouse.move(0, 0);
  await expect(lines).toHaveAttribute('data-positions', '');

  // a thumbnail opens its layer and head in the main map
  const thumb = page.getByRole('button', { name: 'Open layer 1 head 3' });
  await thumb.click();
  await expect(page.getByText('Attention layer 1, head 3,')).toBeVisible();
  await expect(page.getByLabel('Layer')).toHaveValue('0');
  await expect(page.getByLabel('Head', { exact: true })).toHaveValue('2');
  await expect(thumb).toHaveAttribute('aria-pressed', 'true');
});

test('the dependency map has axes and a colour bar, and its hovered cell is marked on the tracks', async ({ page }) => {
  await openAndAnalyse(page, EXAMPLE);
  await openTab(page, 'Dependencies');
  await page.getByLabel('Map bases').fill('41');
  await page.getByLabel('through').fill('64');
  await page.getByRole('button', { name: 'Run dependency map' }).click();
  await expect(page.getByTestId('dep-summary')).toContainText('Positions 41-64: ');
  // 24 bases on the whole map already leave room for a letter a cell
  await expect(page.getByTestId('dependency-map-cols')).toHaveAttribute(
    'aria-label',
    `read (j) position on chr22: ${fmt(G0 + 40)}-${fmt(G0 + 63)}, sequence ${SEQ.slice(40, 64)}`,
  );
  await expect(page.getByTestId('dependency-map-colorbar')).toHaveAttribute(
    'aria-label',
    /^Colour bar, e\(i, j\), bits: viridis from 0 \(dark\) to ≥[\d.]+ \(bright\), linear scale$/,
  );
  const map = page.getByTestId('dependency-map');
  const size = (await map.boundingBox())!.width;
  // cell (row 3, column 20): substituted 44, read 61
  await map.hover({ position: { x: (20.5 * size) / 24, y: (3.5 * size) / 24 } });
  await expect(page.getByTestId('dependency-readout')).toContainText('Substituted 44 (');
  await expect(page.getByTestId('map-hover-lines')).toHaveAttribute('data-positions', '44 61');
});
