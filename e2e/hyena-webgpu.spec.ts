// The bundled Hyena model on WebGPU (Chromium's software adapter) matches PyTorch, its 16,384-base case
// (the FFT path, one read-back per block) and its short cases (one depthwise conv on the GPU) included.
import { expect, test } from '@playwright/test';
import { checkAgainstPytorch, waitForModel } from './helpers';

test('clm-hyena-chr22 matches its golden vectors on WebGPU to 1e-3', async ({ page }) => {
  await page.goto('./?backend=webgpu');
  await waitForModel(page);
  await page.getByLabel('Model:').selectOption('clm-hyena-chr22');
  await expect(page.getByTestId('model-info')).toContainText('context 16384 bp');
  const check = await checkAgainstPytorch(page);
  expect(check.backend).toBe('webgpu');
  expect(check.logprob).toBeLessThan(1e-3);
  await expect(page.getByTestId('check-result')).toContainText('(4 sequences)');
});
