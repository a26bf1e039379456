// The README's screenshots of the page, at 1,280 px (docs/screenshot.png) and at 390 px, a phone's width
// (docs/screenshot-390.png): `npm run screenshots` rewrites them, and the journeys' screenshots too.
import { expect, test } from '@playwright/test';
import { analyse, waitForModel } from './helpers';

for (const [width, height, file] of [
  [1280, 1100, 'docs/screenshot.png'],
  [390, 844, 'docs/screenshot-390.png'],
] as const) {
  test(`the analysed example at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await waitForModel(page);
    await analyse(page);
    await page.getByRole('tab', { name: 'Variant effects' }).click();
    await page.getByLabel('Variants').fill('5G>A, 120A>G, 400A>C');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByTestId('variant-table').locator('td[data-method=masked]').nth(2)).toHaveText(/\d\.\d{3}$/);
    await page.getByTestId('tracks').click({ position: { x: width / 2, y: 30 } });
    await page.mouse.move(0, 0);
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await page.getByRole('heading', { name: /^Results:/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: file });
  });
}
