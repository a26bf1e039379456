// A published model folder dropped on the page (a copy of a shared/reference-models fixture: config.json and its
// weights) runs every analysis: tracks, a variant score, mutagenesis, a dependency map, the compare view beside a
// bundled model (none of these families has attention); and on WebGPU (Chromium's software adapter) it reproduces
// its official code's logits within 1e-3 through the `logits` analysis.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { referenceModelsDir } from '../src/node/referenceModels';
import { startMutagenesis, waitForModel } from './helpers';
import { fixtureCopy } from './hubRoutes';

const SEQ = 'GATTACAGATTACACCGGTTAACCGGTTTTGCAAGCTTGCATGCCTGCAGGTCGACTCTAGAGGATCC';
const FIXTURES = [
  { name: 'hyenadna-hf', family: 'HyenaDNA', method: 'dll' },
  { name: 'caduceus-ps', family: 'Caduceus', method: 'masked' },
  { name: 'gpn-convnet', family: 'GPN', method: 'masked' },
];

async function dropFolder(page: Page, name: string): Promise<void> {
  await page.getByLabel('Model folder').setInputFiles(fixtureCopy(name));
  await expect(page.getByLabel('Model:')).toHaveValue(`user:${name}`);
  await waitForModel(page);
}

for (const f of FIXTURES) {
  test(`${f.name}: a dropped published folder runs the tracks, a variant, mutagenesis, a map and the compare view`, async ({
    page,
  }) => {
    await page.goto('./?backend=wasm&mapworkers=1');
    await waitForModel(page);
    await dropFolder(page, f.name);
    const card = page.getByTestId('published-card');
    await expect(card).toContainText(f.family);
    await expect(card).toContainText(`config.json and model.safetensors`);
    await expect(card).toContainText('Licence: licence not stated in its config.json');
    await expect(page.getByRole('button', { name: 'Check against PyTorch' })).toHaveCount(0);

    await page.getByLabel('DNA sequence or FASTA').fill(`>short\n${SEQ}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const summary = page.getByTestId('scan-summary');
    await expect(summary).toContainText(/Mean log2 P\(observed\) -\d+\.\d{3} bits/);
    await expect(page.getByText('(this model has no attention)')).toBeVisible();
    // base 1: a causal model without a start token has no prediction there, and the page says so
    await page.mouse.move(0, 0); // no hover: the read-out follows the focus, moved to base 1 by keyboard
    for (let k = 0; k < 4; k++) await page.getByTestId('tracks').press('Shift+ArrowLeft');
    const readout = page.getByTestId('track-readout');
    if (f.family === 'HyenaDNA') {
      await expect(summary).toContainText('Position 1 has no prediction');
      await expect(readout).toContainText('Position 1 (G): no prediction');
    } else await expect(readout).toContainText(/Position 1 \(G\): log2 P\(observed\) -\d/);
    await expect(readout).not.toContainText('NaN');

    await page.getByLabel('Variants').fill(`1G>A, 20${SEQ[19]}>${SEQ[19] === 'A' ? 'C' : 'A'}`);
    await page.getByRole('button', { name: 'Add' }).click();
    const cells = page.locator(`td[data-method="${f.method}"]`);
    await expect(cells).toHaveCount(2);
    for (const c of await cells.all()) await expect(c).toHaveText(/^-?\d+\.\d{3}$/);
    if (f.family === 'HyenaDNA')
      await expect(page.getByTestId('variant-table')).toContainText("the variant's own base among them");

    await startMutagenesis(page, 1, 3);
    await expect(page.getByTestId('mutagenesis')).toBeVisible();

    await page.getByLabel('Map bases').fill('1');
    await page.getByLabel('through').fill('8');
    await page.getByRole('button', { name: 'Run dependency map' }).click();
    await expect(page.getByTestId('dep-summary')).toContainText(/^Positions 1-8: \d+ forward passes/);

    await page.getByLabel('Model B').selectOption('markov-k9-chr22');
    const compare = page.getByTestId('compare-summary');
    await expect(compare).toBeVisible();
    expect(Number(await compare.getAttribute('data-mean-a'))).toBeLessThan(0);
    expect(Number(await compare.getAttribute('data-mean-b'))).toBeLessThan(0);
  });
}

for (const f of FIXTURES) {
  test(`${f.name} on WebGPU reproduces its official logits within 1e-3 (the logits analysis)`, async ({ page }) => {
    await page.goto('./?backend=webgpu&testhooks=1');
    await waitForModel(page);
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
    await dropFolder(page, f.name);
    const ref = JSON.parse(readFileSync(join(referenceModelsDir(), f.name, 'reference.json'), 'utf8')) as {
      inputs: { token_ids: number[] }[];
      outputs: { logits: number[][] }[];
    };
    const err = await page.evaluate(async (r) => {
      type Call = (req: object) => Promise<unknown>;
      const call = (globalThis as unknown as { __glmCall: Call }).__glmCall;
      const { sequence } = (await call({ type: 'setSequence', sequence: 'A' })) as { sequence: number };
      const rows = r.inputs.map((i) => i.token_ids);
      const res = (await call({ type: 'analysis', kind: 'logits', sequence, args: { rows } })) as {
        vocab: number;
        logits: Float32Array[];
      };
      let max = 0;
      r.outputs.forEach((o, i) =>
        o.logits.forEach((row, t) =>
          row.forEach((v, k) => (max = Math.max(max, Math.abs(v - res.logits[i]![t * res.vocab + k]!)))),
        ),
      );
      return { max, rows: res.logits.map((l) => l.length / res.vocab) };
    }, ref);
    expect(err.rows).toEqual(ref.outputs.map((o) => o.logits.length));
    console.log(`${f.name} on WebGPU: largest logit difference ${err.max.toExponential(2)}`);
    expect(err.max).toBeLessThan(1e-3);
    await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
  });
}
