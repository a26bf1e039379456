// A stand-in for the Hugging Face Hub: Playwright routes answer its resolve URLs with a fixture folder's files
// (shared/reference-models), so no test reaches the network. The real Hub redirects weight files to a CDN host;
// Playwright does not route the target of a redirect it fulfilled (the browser looked the CDN host up for real),
// so the routes answer the resolve URL itself, and the CDN host is answered when asked directly (cdnReachable).
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { referenceModelsDir } from '../src/node/referenceModels';

export const CDN = 'https://us.aws.cdn.hf.co';
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'content-length' };

/** The fixture's config.json and its one weight file (as a published folder ships them) in a fresh temp folder. */
export function fixtureCopy(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'glm-published-')), name);
  const weights = name === 'hyenadna-original' ? 'weights.ckpt' : 'model.safetensors';
  for (const f of ['config.json', weights]) cpSync(join(referenceModelsDir(), name, f), join(dir, f));
  return dir;
}

export interface HubLog {
  /** Every request to a Hub or CDN host, answered or not. */
  requests: Request[];
}

/** Serve `repo` at main from fixture `fixture`; weights answer after `delayMs`. offline: every Hub request fails. */
export async function serveHub(
  page: Page,
  repo: string,
  fixture: string,
  opts: { delayMs?: number; offline?: boolean } = {},
): Promise<HubLog> {
  const log: HubLog = { requests: [] };
  await page.route('https://huggingface.co/**', async (route) => {
    log.requests.push(route.request());
    if (opts.offline) return route.abort('internetdisconnected');
    const m = new RegExp(`^https://huggingface\\.co/${repo}/resolve/main/(.+)$`).exec(route.request().url());
    if (!m) return route.fulfill({ status: 404, headers: CORS, body: 'Entry not found' });
    const body = readFileSync(join(referenceModelsDir(), fixture, m[1]!));
    if (m[1] !== 'config.json') await new Promise((r) => setTimeout(r, opts.delayMs ?? 0));
    return route.fulfill({
      status: 200,
      headers: { ...CORS, 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) },
      body,
    });
  });
  return log;
}

/** Whether the page's CSP lets a fetch reach the CDN host the Hub redirects weights to (answered by a route). */
export async function cdnReachable(page: Page): Promise<number> {
  await page.route(`${CDN}/**`, (route) => route.fulfill({ status: 200, headers: CORS, body: 'ok' }));
  return page.evaluate(
    (url) =>
      fetch(url, { credentials: 'omit' }).then(
        (r) => r.status,
        () => 0,
      ),
    `${CDN}/xet-bridge-us/probe`,
  );
}

/** Open the catalogue and press the entry's button. */
export async function pressHubButton(page: Page, id: string, name: RegExp): Promise<void> {
  const list = page.getByTestId('hub-models');
  if (!(await list.getAttribute('open'))) await list.locator('summary').click();
  await page.getByTestId(`hub-${id}`).getByRole('button', { name }).click();
}
