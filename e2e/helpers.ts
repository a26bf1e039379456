// Shared steps of the e2e specs.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export async function waitForModel(page: Page): Promise<void> {
  await expect(page.getByTestId('model-info')).toBeVisible();
}

/** Click `button` and read the file it downloads: its suggested name, its path and its text. */
export async function downloadOf(page: Page, button: Locator): Promise<{ name: string; path: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = (await download.path())!;
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** Show the results tab `name` (the analyses under the tracks are tabs; a panel in a closed tab is hidden). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Paste `text` (or load the built-in example) and run it to the attention map (leaving its tab open). */
export async function analyse(page: Page, text?: string): Promise<void> {
  if (text === undefined) await page.getByRole('button', { name: /Load example/ }).click();
  else await page.getByLabel('DNA sequence or FASTA').fill(text);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await openTab(page, 'Attention');
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();
}

/** Open the app, wait for the model, then analyse. */
export async function openAndAnalyse(page: Page, text?: string): Promise<void> {
  await page.goto('./');
  await waitForModel(page);
  await analyse(page, text);
}

/** In its tab, set the mutagenesis range (1-based, inclusive), check the plan announced when given, and press Run. */
export async function startMutagenesis(page: Page, from: number, to: number, plan?: string): Promise<void> {
  await openTab(page, 'Mutagenesis');
  await page.getByLabel('From', { exact: true }).fill(String(from));
  await page.getByLabel('to', { exact: true }).fill(String(to));
  if (plan) await expect(page.getByText(plan)).toBeVisible();
  await page.getByRole('button', { name: 'Run mutagenesis' }).click();
}

export async function checkAgainstPytorch(
  page: Page,
): Promise<{ backend: string; logprob: number; attention: number }> {
  await page.getByRole('button', { name: 'Check against PyTorch' }).click();
  const result = page.getByTestId('check-result');
  await expect(result).toBeVisible();
  return {
    backend: (await result.getAttribute('data-backend'))!,
    logprob: Number(await result.getAttribute('data-max-logprob-error')),
    attention: Number(await result.getAttribute('data-max-attention-error')),
  };
}
