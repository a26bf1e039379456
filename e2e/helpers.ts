// Shared steps of the e2e specs.
import { expect, type Page } from '@playwright/test';

export async function waitForModel(page: Page): Promise<void> {
  await expect(page.getByTestId('model-info')).toBeVisible();
}

/** Paste `text` (or load the built-in example) and run it to the attention map. */
export async function analyse(page: Page, text?: string): Promise<void> {
  if (text === undefined) await page.getByRole('button', { name: /Load example/ }).click();
  else await page.getByLabel('DNA sequence or FASTA').fill(text);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();
}

/** Open the app, wait for the model, then analyse. */
export async function openAndAnalyse(page: Page, text?: string): Promise<void> {
  await page.goto('./');
  await waitForModel(page);
  await analyse(page, text);
}

/** Set the mutagenesis range (1-based, inclusive), check the plan the panel announces when given, and press Run. */
export async function startMutagenesis(page: Page, from: number, to: number, plan?: string): Promise<void> {
  await page.getByLabel('From').fill(String(from));
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
