// "Measure on this device": one bundled model per architecture timed on the page's backend, drawn log-log
// with a fitted slope (lengths cut to two by ?costlengths to keep the run short; the math is unit-tested).
import { expect, test } from '@playwright/test';
import { waitForModel } from './helpers';

test('the cost curve measures each architecture and gives its slope', async ({ page }) => {
  await page.goto('./?backend=wasm&costlengths=512,1024');
  await waitForModel(page);
  await page.getByRole('button', { name: 'Measure on this device' }).click();
  const result = page.getByTestId('cost-result');
  await expect(result).toBeVisible({ timeout: 240_000 });
  await expect(result).toHaveAttribute('data-backend', 'wasm');
  for (const arch of ['hybrid-conv-alibi', 'markov', 'hyena']) {
    const row = page.getByTestId(`cost-${arch}`);
    await expect(row).toContainText(/\d+(\.\d)? ms/);
    await expect(row.getByTestId('cost-slope')).toHaveText(/^-?\d+\.\d\d/);
  }
  await expect(page.getByTestId('cost-plot').locator('polyline')).toHaveCount(3);
});
