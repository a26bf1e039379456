// A lost WebGPU device or a crashed worker: the app says so, restarts on the next backend and
// re-runs the analysis; the pasted sequence is never lost.
import { expect, test, type Page } from '@playwright/test';
import { analyse, waitForModel } from './helpers';

const SEQ = '>resilience\nGATTACAGATTACACCGGTTAACCGGTTTTGCAAGCTTGCATGCCTGCAGGTCGACTCTAGAGGATCCCCGGGTACCGAGCTCGAATTC';

async function inWorker(page: Page, fn: string) {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  await page.workers()[0]!.evaluate(`self.__glmTest.${fn}()`);
}

test('a lost WebGPU device: reported, restarted on wasm, analysis re-run', async ({ page }) => {
  await page.goto('./?backend=webgpu&testhooks=1');
  await waitForModel(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'webgpu');
  await analyse(page, SEQ);
  await inWorker(page, 'destroyDevice');
  await expect(page.getByText(/The WebGPU device was lost \(destroyed/)).toBeVisible();
  await expect(page.getByText(/Recovered on wasm; the analysis was run again/)).toBeVisible();
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('scan-summary')).toBeVisible();
  await expect(page.getByLabel('DNA sequence or FASTA')).toHaveValue(SEQ);
});

test('a crashed worker: reported, restarted on the next backend, analysis re-run', async ({ page }) => {
  await page.goto('./?testhooks=1');
  await waitForModel(page);
  await analyse(page, SEQ);
  await inWorker(page, 'crash');
  await expect(
    page.getByText(/The model worker crashed \(.*simulated crash.*\)\. Recovered on cpu; the analysis was run again/),
  ).toBeVisible();
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
  await expect(page.getByTestId('scan-summary')).toBeVisible();
  await expect(page.getByLabel('DNA sequence or FASTA')).toHaveValue(SEQ);
});

test('recovery re-runs the analysed record, not an edit typed into the box since', async ({ page }) => {
  await page.goto('./?testhooks=1');
  await waitForModel(page);
  await analyse(page, SEQ);
  const edited = '>edited\nACGTACGTACGTACGTACGTACGTACGT';
  await page.getByLabel('DNA sequence or FASTA').fill(edited);
  await expect(page.getByTestId('stale-results')).toContainText('resilience');
  await inWorker(page, 'crash');
  await expect(page.getByText(/Recovered on cpu; the analysis was run again/)).toBeVisible();
  // still the results for "resilience", still marked stale against the edited box
  await expect(page.getByTestId('stale-results')).toContainText('"resilience"');
  await expect(page.getByLabel('DNA sequence or FASTA')).toHaveValue(edited);
});

test('a corrupt weight shard is named, and another model still works', async ({ page }) => {
  const index = await (await page.request.get('./models/index.json')).json();
  const first = index.models[0];
  await page.route(`**/${first.path}group1-shard1of2.bin`, async (route) => {
    const body = await (await route.fetch()).body();
    body[1000] = body[1000]! ^ 0xff;
    await route.fulfill({ body, contentType: 'application/octet-stream' });
  });
  await page.goto('./');
  await expect(
    page.getByRole('alert').filter({ hasText: 'group1-shard1of2.bin is corrupt or truncated' }),
  ).toBeVisible();
  await page.locator('#model-select').selectOption(index.models[1].id);
  await waitForModel(page);
  await analyse(page, SEQ);
});
