// Nucleotide dependency maps in the page: a map of part of a gallery sequence whose hover read-out equals
// the Node engine's, click to focus, keyboard, exports, the share link recomputing it, and cancel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dependencyMap, type DependencyMap } from '../src/analysis/dependency/dependencyMap';
import { describeCell, describeInfluence } from '../src/analysis/dependency/describe';
import { parseSequence } from '../src/genome/parseSequence';
import { encode } from '../src/genome/tokens';
import { loadModel } from '../src/model/loadModel';
import { fileSource } from '../src/node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../src/node/nodeRuntime';
import { decodeFrame } from '../src/share/linkCodec';
import { analyse, downloadOf, openTab, waitForModel } from './helpers';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'public/examples/human_alu_chr22.fa'), 'utf8');
const SEQ = parseSequence(EXAMPLE).records[0]!.sequence;
const FROM = 41,
  TO = 64; // 1-based, inclusive: 24 bases across the start of the Alu

/** The centre of cell (i, j) of an n x n map on the page's map canvas (sized to the panel's width). */
async function cellCentre(page: Page, i: number, j: number, n: number): Promise<{ x: number; y: number }> {
  const size = (await page.getByTestId('dependency-map').boundingBox())!.width;
  return { x: ((j + 0.5) * size) / n, y: ((i + 0.5) * size) / n };
}

async function runMap(page: Page, from: number, to: number): Promise<void> {
  await openTab(page, 'Dependencies');
  await page.getByLabel('Map bases').fill(String(from));
  await page.getByLabel('through').fill(String(to));
  await page.getByRole('button', { name: 'Run dependency map' }).click();
}

/**
 * The summary of a finished map of from-to: one reference pass per worker sharing the rows (however many
 * cores this machine gives the page) and three substitutions per base.
 */
async function expectSummary(page: Page, from: number, to: number): Promise<void> {
  const summary = page.getByTestId('dep-summary');
  await expect(summary).toContainText(`Positions ${from}-${to}: `);
  const text = await summary.innerText();
  const workers = Number(/shared among (\d+) workers/.exec(text)?.[1] ?? 1);
  expect(text).toContain(`Positions ${from}-${to}: ${3 * (to - from + 1) + workers} forward passes`);
}

/** The e value a read-out states, and the rest of it with the number blanked. */
const split = (text: string) => ({
  e: Number(/e = (-?[\d.]+)/.exec(text)![1]),
  rest: text.replace(/e = -?[\d.]+/, 'e = ?'),
});

/** The model of the Alu's gallery examples: the page is switched to it, and the Node reference runs it. */
const MODEL = 'mlm-hybrid-chr22';

/** Open the page (at url), switch it to MODEL and analyse the example. */
async function openOnModel(page: Page, url = './'): Promise<void> {
  await page.goto(url);
  await waitForModel(page);
  await page.getByLabel('Model:').selectOption(MODEL);
  await expect(page.getByTestId('model-info')).toHaveAttribute('data-model-id', MODEL);
  await analyse(page, EXAMPLE);
}

/** The Node engine's map of FROM-TO (cpu backend), the reference the page's read-outs are checked against. */
async function nodeMap(): Promise<DependencyMap> {
  await useNodeBackend('cpu');
  const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', MODEL)));
  try {
    return await dependencyMap(model, encode(SEQ), FROM - 1, TO);
  } finally {
    model.dispose();
  }
}

/** Hover cell (i, j) of the map of FROM-TO: the read-out is the engine's, its e within 2e-3 (page wasm, Node cpu). */
async function expectReadout(page: Page, node: DependencyMap, i: number, j: number): Promise<string> {
  const n = TO - FROM + 1;
  await page.getByTestId('dependency-map').hover({ position: await cellCentre(page, i, j, n) });
  const readout = page.getByTestId('dependency-readout');
  await expect(readout).toContainText(`Substituted ${FROM + i} (`);
  const got = split(await readout.innerText()),
    want = split(describeCell(node, SEQ, i, j));
  expect(got.rest).toBe(want.rest);
  expect(Math.abs(got.e - want.e)).toBeLessThan(2e-3);
  return want.rest;
}

test('a dependency map whose read-out matches the Node engine, with focus, keys, exports and a share link', async ({
  page,
  browser,
}) => {
  await openOnModel(page);
  await runMap(page, FROM, TO);
  await expectSummary(page, FROM, TO);

  const node = await nodeMap();
  const n = TO - FROM + 1;
  // the strongest off-diagonal cell (its substitution and target base are then unlikely to tie)
  let best = [0, 1];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j && node.values[i * n + j]! > node.values[best[0]! * n + best[1]!]!) best = [i, j];
  const [i, j] = best as [number, number];
  const canvas = page.getByTestId('dependency-map');
  const readout = page.getByTestId('dependency-readout');
  const wantRest = await expectReadout(page, node, i, j);

  // a click focuses the substituted base: the track under the per-base tracks shows its row
  await canvas.click({ position: await cellCentre(page, i, j, n) });
  await expect(page.getByTestId('dependency-track')).toHaveAttribute('data-row', String(i));
  await expect(page.getByTestId('track-readout')).toContainText(`Position ${FROM + i} (`);
  // and the panel states its row's variant influence: the engine's three numbers (page wasm, Node cpu)
  const influence = await page.getByTestId('dep-influence').innerText();
  const numbers = (t: string) =>
    [...t.matchAll(/([ACGT])>([ACGT]) ([\d.]+e[-+]\d+)/g)].map((m) => ({
      alt: 'ACGT'.indexOf(m[2]!),
      v: Number(m[3]),
    }));
  const shown = numbers(influence);
  expect(shown.map((x) => x.alt)).toEqual([0, 1, 2, 3].filter((b) => 'ACGT'[b] !== SEQ[FROM - 1 + i]));
  for (const x of shown)
    expect(Math.abs(x.v - node.influence[i * 4 + x.alt]!)).toBeLessThan(1e-2 * node.influence[i * 4 + x.alt]! + 1e-7);
  expect(influence.replace(/[\d.]+e[-+]\d+/g, '?')).toBe(
    describeInfluence(node, SEQ, i).replace(/[\d.]+e[-+]\d+/g, '?'),
  );

  // the wheel zooms around the pointer: the cell under it stays under it, and zooming out returns the whole map
  const at = await cellCentre(page, i, j, n);
  const windowLabel = page.getByText(/^rows \d+-\d+, columns \d+-\d+$/);
  await canvas.hover({ position: at });
  await page.mouse.wheel(0, -100);
  await expect(windowLabel).not.toHaveText(`rows ${FROM}-${TO}, columns ${FROM}-${TO}`);
  const [r0, r1, c0, c1] = (await windowLabel.innerText()).match(/\d+/g)!.map(Number) as [
    number,
    number,
    number,
    number,
  ];
  expect([r1 - r0, c1 - c0]).toEqual([15, 15]); // 24 * exp(-100 / 250) rounds to 16 cells, the smallest span
  expect(r0 <= FROM + i && FROM + i <= r1 && c0 <= FROM + j && FROM + j <= c1).toBe(true);
  await canvas.hover({ position: { x: at.x + 1, y: at.y } });
  await canvas.hover({ position: at });
  await expect(readout).toContainText(`Substituted ${FROM + i} (${SEQ[FROM - 1 + i]}) → read ${FROM + j} (`);
  await page.mouse.wheel(0, 100);
  await page.mouse.wheel(0, 100);
  await expect(windowLabel).toHaveText(`rows ${FROM}-${TO}, columns ${FROM}-${TO}`);

  // keyboard: Home takes the cursor to the row's first column, arrows move it, Enter focuses its row
  await canvas.focus();
  await page.keyboard.press('Home');
  expect(split(await readout.innerText()).rest).toBe(split(describeCell(node, SEQ, i, 0)).rest);
  await page.keyboard.press(i > 0 ? 'ArrowUp' : 'ArrowDown');
  const r = i > 0 ? i - 1 : 1;
  await expect(readout).toContainText(`Substituted ${FROM + r} (`);
  expect(split(await readout.innerText()).rest).toBe(split(describeCell(node, SEQ, r, 0)).rest);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dependency-track')).toHaveAttribute('data-row', String(r));

  // exports: the TSV holds the matrix, the SVG a raster inside
  const tsv = await downloadOf(page, page.getByRole('button', { name: 'Download matrix TSV' }));
  expect(tsv.name).toBe('chr22_17558674-17559073.dependency.tsv');
  const lines = tsv.text.trim().split('\n');
  expect(lines.length).toBe(n + 2);
  expect(lines[1]!.split('\t').length).toBe(n + 1);
  expect(lines[1]!.split('\t')[1]).toBe(`${17558674 + FROM - 1}${SEQ[FROM - 1]}`);
  expect(Math.abs(Number(lines[2 + i]!.split('\t')[1 + j]) - node.values[i * n + j]!)).toBeLessThan(2e-3);
  const svg = await downloadOf(page, page.getByRole('button', { name: 'Download map SVG' }));
  expect(svg.text).toMatch(/<image[^>]+data:image\/png;base64,/);
  const png = await downloadOf(page, page.getByRole('button', { name: 'Download map PNG' }));
  expect(readFileSync(png.path).subarray(1, 4).toString()).toBe('PNG');

  // the share link keeps the region and recomputes the map on open
  await expect
    .poll(() =>
      JSON.stringify(
        (decodeFrame(new URL(page.url()).hash).settings as { analyses: { dependency?: unknown } }).analyses.dependency,
      ),
    )
    .toBe(JSON.stringify({ start: FROM - 1, end: TO, strands: 'forward' }));
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  await expectSummary(fresh, FROM, TO);
  await fresh.getByTestId('dependency-map').hover({ position: await cellCentre(fresh, i, j, n) });
  expect(split(await fresh.getByTestId('dependency-readout').innerText()).rest).toBe(wantRest);
});

test('the gallery example opens with its dependency map running; it can be cancelled and the page stays usable', async ({
  page,
}) => {
  await page.goto('./');
  await waitForModel(page);
  await page.getByRole('button', { name: 'Open Dependencies around an Alu repeat' }).click();
  const panel = page.getByRole('region', { name: 'Nucleotide dependency map' });
  await expect(panel.getByRole('status')).toContainText(/Dependency map of 21-276: \d+\/768, about \d+ s left/); // progress and time left
  await page.getByRole('button', { name: 'Cancel dependency map' }).click();
  await expect(page.getByText('Dependency map cancelled.')).toBeVisible();
  await expect(page.getByTestId('dependency-map')).toHaveCount(0);
  await runMap(page, 10, 20); // the worker is free again
  await expectSummary(page, 10, 20);
});

test('on wasm the rows are shared among workers: the same read-out, and cancel stops them all', async ({ page }) => {
  await openOnModel(page, './?backend=wasm&mapworkers=2');
  await runMap(page, FROM, TO);
  // each of the two workers makes its own reference pass
  await expect(page.getByTestId('dep-summary')).toContainText(
    `Positions ${FROM}-${TO}: 74 forward passes (74 full-pass equivalents), shared among 2 workers.`,
  );
  const node = await nodeMap();
  const n = TO - FROM + 1;
  // a cell in each worker's share of the rows
  for (const [i, j] of [
    [2, 3],
    [n - 3, n - 2],
  ] as const)
    await expectReadout(page, node, i, j);
  // a long map, cancelled while both workers run; then the workers take the next one
  await runMap(page, 1, 256);
  await expect(page.getByRole('region', { name: 'Nucleotide dependency map' }).getByRole('status')).toContainText(
    /Dependency map of 1-256: [1-9]\d*\/768/,
  );
  await page.getByRole('button', { name: 'Cancel dependency map' }).click();
  await expect(page.getByText('Dependency map cancelled.')).toBeVisible();
  await runMap(page, 10, 20);
  await expect(page.getByTestId('dep-summary')).toContainText(
    'Positions 10-20: 35 forward passes (35 full-pass equivalents), shared among 2 workers.',
  );
});
