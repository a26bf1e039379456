// Shared steps of the e2e specs.
import { expect, type Page } from '@playwright/test';

export async function waitForModel(page: Page): Promise<void> {
  await expect(page.getByTestId('model-info')).toBeVisible();
}

export async function analyse(page: Page, text: string): Promise<void> {
  await page.getByLabel('DNA sequence or FASTA').fill(text);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();
}

export async function checkAgainstPytorch(page: Page): Promise<{ backend: string; logprob: number; attention: number }> {
  await page.getByRole('button', { name: 'Check against PyTorch' }).click();
  const result = page.getByTestId('check-result');
  await expect(result).toBeVisible();
  return {
    backend: (await result.getAttribute('data-backend'))!,
    logprob: Number(await result.getAttribute('data-max-logprob-error')),
    attention: Number(await result.getAttribute('data-max-attention-error')),
  };
}
