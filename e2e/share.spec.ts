// A share link reopens the same analysis in a fresh browser context with the same numbers; a
// damaged link gives a specific message and a working, empty app.
import { expect, test } from '@playwright/test';
import { decodeLink } from '../src/share/linkCodec';
import { openAndAnalyse, waitForModel } from './helpers';

test('share link round trip in a fresh context', async ({ page, browser }) => {
  await openAndAnalyse(page);
  await expect(page).toHaveURL(/#s=1\./); // written as soon as the run ends
  await page.getByLabel('Head').selectOption('3');
  await page.getByLabel('Variants').fill('5G>A'); // the example starts GCCTG
  await page.getByRole('button', { name: 'Add' }).click();
  const cell = page.getByTestId('variant-table').locator('td[data-method=masked]').first();
  await expect(cell).toHaveText(/^-?\d+\.\d{3}$/);
  const score = await cell.innerText();
  const summary = await page.getByTestId('scan-summary').innerText();
  // the fragment follows the state (debounced): wait until it holds the variant and the head
  await expect.poll(() => {
    const st = decodeLink(new URL(page.url()).hash);
    return `${st.head} ${st.variants?.join()}`;
  }).toBe('2 5G>A');
  const link = page.url();
  expect(link.length).toBeLessThan(3000);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('scan-summary')).toHaveText(summary);
  await expect(fresh.getByTestId('variant-table').locator('td[data-method=masked]').first()).toHaveText(score);
  await expect(fresh.getByLabel('Head')).toHaveValue('2');
  await expect(fresh.getByText('head 3,')).toBeVisible();
});

test('a damaged link says what is wrong and leaves a working app', async ({ page }) => {
  await page.goto('./#s=1.eJzLSM3JyVcozy_KSQEAGgQEXQ');
  await waitForModel(page);
  await expect(page.getByTestId('link-message')).toContainText(/damaged|incomplete/);
  await expect(page.getByTestId('link-message')).toContainText('The app opened empty instead.');
  await page.goto('./#s=9.abc');
  await waitForModel(page);
  await expect(page.getByTestId('link-message')).toContainText('made by a newer version of the app (format 9');
  await page.getByLabel('DNA sequence or FASTA').fill('ACGTACGTAC');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('scan-summary')).toBeVisible();
});
