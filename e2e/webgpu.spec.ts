// The forced WebGPU backend really runs (on Chromium's software adapter) and matches PyTorch.
import { expect, test } from '@playwright/test';
import { analyse, checkAgainstPytorch, waitForModel } from './helpers';

test('?backend=webgpu runs the model on WebGPU and matches the golden vectors to 1e-3', async ({ page }) => {
  await page.goto('./?backend=webgpu');
  await waitForModel(page);
  const backend = page.getByTestId('backend');
  await expect(backend).toHaveAttribute('data-backend', 'webgpu');
  await expect(backend).toContainText('forced by ?backend=webgpu');

  const check = await checkAgainstPytorch(page);
  expect(check.backend).toBe('webgpu');
  expect(check.logprob).toBeLessThan(1e-3);
  expect(check.attention).toBeLessThan(1e-3);

  await analyse(page, '>short\nGATTACAGATTACACCGGTTAACCGGTTTTGCAAGCTTGCATGCCTGCAGGTCGACTCTAGAGGATCC');
  await expect(page.getByTestId('scan-summary')).toContainText('bits/nt');
  await expect(backend).toHaveAttribute('data-backend', 'webgpu');
});
