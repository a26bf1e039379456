// Downloading a published model from the Hugging Face Hub, served locally: Playwright routes answer the Hub's
// resolve URLs with a fixture folder's files, and the CSP lets the page reach the CDN host. The download shows its
// progress and can be cancelled, the model loads with its catalogue card and runs, a second visit loads it from
// this browser's cache with the network down, and a file that is not the catalogue's is refused.
import { expect, test } from '@playwright/test';
import { waitForModel } from './helpers';
import { cdnReachable, pressHubButton, serveHub } from './hubRoutes';

const CADUCEUS_PS = 'kuleshov-group/caduceus-ps_seqlen-131k_d_model-256_n_layer-16';
const SEQ = 'GATTACAGATTACACCGGTTAACCGGTTTTGCAAGCTTGCATGCCTGCAGGTCGACTCTAGAGGATCC';

test('download with progress, load and run; a second visit loads it from the cache with the Hub unreachable', async ({
  page,
  context,
}) => {
  await page.goto('./?backend=wasm');
  await waitForModel(page);
  const hub = await serveHub(page, CADUCEUS_PS, 'caduceus-ps', { delayMs: 2_000 });
  expect(hub.requests).toHaveLength(0); // opening the page asks the Hub nothing
  await pressHubButton(page, 'caduceus-ps-131k', /Download from Hugging Face \(30\.9 MB\)/);
  const progress = page.getByTestId('hub-progress');
  await expect(progress).toContainText(/Downloading kuleshov-group\/caduceus-ps.*\(MB\): [\d.]+\/[\d.]+/);
  await expect(progress.getByRole('button', { name: 'Cancel download' })).toBeVisible();
  await expect(page.getByLabel('Model:')).toHaveValue('user:caduceus-ps_seqlen-131k_d_model-256_n_layer-16');
  await waitForModel(page);
  const card = page.getByTestId('published-card');
  await expect(card).toContainText('Licence: Apache-2.0');
  await expect(card).toContainText(`Source: huggingface.co/${CADUCEUS_PS} at main`);
  await expect(card).toContainText('131,072-base windows');
  await expect(card).toContainText('TraitGym');
  await expect(page.getByTestId('hub-caduceus-ps-131k')).toContainText('Load from this browser');
  expect(hub.requests.map((r) => r.url().split('/').pop())).toEqual(['config.json', 'model.safetensors']);
  expect(await cdnReachable(page)).toBe(200); // the host the Hub redirects weights to is allowed by the CSP

  await page.getByLabel('DNA sequence or FASTA').fill(`>short\n${SEQ}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('scan-summary')).toContainText('bits/nt');

  // a second visit: the Hub unreachable, the model from Cache Storage
  const again = await context.newPage();
  const offline = await serveHub(again, CADUCEUS_PS, 'caduceus-ps', { offline: true });
  await again.goto('./?backend=wasm');
  await waitForModel(again);
  await pressHubButton(again, 'caduceus-ps-131k', /Load from this browser \(30\.9 MB, saved\)/);
  await expect(again.getByLabel('Model:')).toHaveValue('user:caduceus-ps_seqlen-131k_d_model-256_n_layer-16');
  await expect(again.getByTestId('published-card')).toContainText('Licence: Apache-2.0');
  expect(offline.requests).toHaveLength(0);

  // removed from the cache, the button offers the download again
  await again.getByTestId('hub-caduceus-ps-131k').getByRole('button', { name: 'Remove from this browser' }).click();
  await expect(again.getByTestId('hub-caduceus-ps-131k')).toContainText('Download from Hugging Face (30.9 MB)');
});

test('a cancelled download keeps no weights and leaves the model as it was', async ({ page }) => {
  await page.goto('./?backend=wasm');
  await waitForModel(page);
  const before = await page.getByLabel('Model:').inputValue();
  await serveHub(page, CADUCEUS_PS, 'caduceus-ps', { delayMs: 60_000 });
  await pressHubButton(page, 'caduceus-ps-131k', /Download from Hugging Face/);
  await page.getByRole('button', { name: 'Cancel download' }).click();
  await expect(page.getByTestId('hub-status')).toHaveText('Cancelled: nothing of the file being read was kept.');
  await expect(page.getByLabel('Model:')).toHaveValue(before);
  await expect(page.getByTestId('hub-caduceus-ps-131k')).toContainText('Download from Hugging Face (30.9 MB)');
});

test('a file that is not the one the catalogue lists (its sha256) is refused, naming both hashes', async ({ page }) => {
  await page.goto('./?backend=wasm');
  await waitForModel(page);
  const before = await page.getByLabel('Model:').inputValue();
  // the tiny HyenaDNA's catalogue entry pins its sha256; the fixture's weights are other bytes
  await serveHub(page, 'LongSafari/hyenadna-tiny-1k-seqlen-hf', 'hyenadna-hf');
  await pressHubButton(page, 'hyenadna-tiny-1k', /Download from Hugging Face \(1\.8 MB\)/);
  await expect(page.getByTestId('hub-error')).toContainText(
    /model\.safetensors is not the file the catalogue lists: sha256 [0-9a-f]{64}, expected 5ce2146c/,
  );
  await expect(page.getByLabel('Model:')).toHaveValue(before);
});
