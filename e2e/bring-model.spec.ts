// A model the user brings: a folder or a zip of it loads after its checks and runs on WebGPU matching its
// PyTorch golden vectors (the Hyena model's FFT path included); a tampered one is refused naming the file.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { checkAgainstPytorch, waitForModel } from './helpers';

const FIXTURE = join(import.meta.dirname, 'fixtures/smoke-hyena'); // training/smoke.sh's tiny Hyena export

function tamperedCopy(file: string, edit: (b: Buffer) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'glm-model-')), 'smoke-hyena');
  cpSync(FIXTURE, dir, { recursive: true });
  const b = readFileSync(join(dir, file));
  edit(b);
  writeFileSync(join(dir, file), b);
  return dir;
}

async function analyseShort(page: Page) {
  await page
    .getByLabel('DNA sequence or FASTA')
    .fill('>short\nGATTACAGATTACACCGGTTAACCGGTTTTGCAAGCTTGCATGCCTGCAGGTCGACTCTAGAGGATCC');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('scan-summary')).toContainText('bits/nt');
}

test('a model folder loads, runs on WebGPU and matches its golden vectors', async ({ page }) => {
  await page.goto('./?backend=webgpu');
  await waitForModel(page);
  await page.getByLabel('Model folder').setInputFiles(FIXTURE);
  await expect(page.getByLabel('Model:')).toHaveValue('user:smoke-hyena');
  await expect(page.getByTestId('model-info')).toContainText('causal LM, 5,828 parameters, context 2048 bp');
  const check = await checkAgainstPytorch(page);
  expect(check.backend).toBe('webgpu');
  expect(check.logprob).toBeLessThan(1e-3); // includes the 2,048-base case (the longest this tiny model reads)
  await analyseShort(page);
  await expect(page.getByText('(this model has no attention)')).toBeVisible();
});

test("a zip of the folder loads too, in the dependency map's helper workers as well", async ({ page }) => {
  await page.goto('./?backend=wasm&mapworkers=2');
  await waitForModel(page);
  const zip = zipSync(
    Object.fromEntries(
      readdirSync(FIXTURE).map((f) => [`smoke-hyena/${f}`, new Uint8Array(readFileSync(join(FIXTURE, f)))]),
    ),
  );
  await page
    .getByLabel('Model zip')
    .setInputFiles({ name: 'smoke-hyena.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByLabel('Model:')).toHaveValue('user:smoke-hyena');
  await analyseShort(page);
  // the map's two workers load the brought model from its kept zip (they check it against golden.json too)
  await page.getByLabel('Map bases').fill('1');
  await page.getByLabel('through').fill('10');
  await page.getByRole('button', { name: 'Run dependency map' }).click();
  await expect(page.getByTestId('dep-summary')).toContainText(
    /^Positions 1-10: 32 forward passes .*, shared among 2 workers\./,
  );
});

test('a tampered weight shard or golden file is refused naming the file, and the app keeps its model', async ({
  page,
}) => {
  await page.goto('./?backend=wasm');
  await waitForModel(page);
  const first = await page.getByLabel('Model:').inputValue();

  await page.getByLabel('Model folder').setInputFiles(
    tamperedCopy('group1-shard1of1.bin', (b) => {
      b[100] = b[100]! ^ 0x40;
    }),
  );
  await expect(page.getByTestId('model-error')).toContainText(
    /Your model was refused: Weight file smoke-hyena\/group1-shard1of1\.bin is corrupt/,
  );
  await expect(page.getByLabel('Model:')).toHaveValue(first);
  await waitForModel(page);

  // weights intact, golden vectors edited: the shards pass their hashes, the outputs do not match
  const golden = tamperedCopy('golden.json', (b) => {
    const i = b.indexOf('"logprobs": [[-') + 15;
    b[i] = b[i] === 0x31 ? 0x32 : 0x31;
  });
  await page.getByLabel('Model folder').setInputFiles(golden);
  await expect(page.getByTestId('model-error')).toContainText(
    /smoke-hyena\/golden\.json: the model does not reproduce its golden vectors/,
  );
  await expect(page.getByLabel('Model:')).toHaveValue(first);
});
