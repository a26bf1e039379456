// The bundled Hyena model on WebGPU (Chromium's software adapter) matches PyTorch, its 16,384-base case
// (the FFT path, one read-back per block) and its short cases (one depthwise conv on the GPU) included.
import { expect, test } from '@playwright/test';
import { waitForModel } from './helpers';

test('clm-hyena-chr22 matches its golden vectors on WebGPU to 1e-3', async ({ page }) => {
  test.setTimeout(900_000); // the software adapter is ~200x slower than a CPU here; a 16,384-base pass takes minutes
  await page.goto('./?backend=webgpu');
  await waitForModel(page);
  await page.getByLabel('Model:').selectOption('clm-hyena-chr22');
  await expect(page.getByTestId('model-info')).toContainText('context 16384 bp');
  await page.getByRole('button', { name: 'Check against PyTorch' }).click();
  const result = page.getByTestId('check-result');
  await expect(result).toBeVisible({ timeout: 840_000 });
  expect(await result.getAttribute('data-backend')).toBe('webgpu');
  expect(Number(await result.getAttribute('data-max-logprob-error'))).toBeLessThan(1e-3);
  await expect(result).toContainText('(4 sequences)');
});
