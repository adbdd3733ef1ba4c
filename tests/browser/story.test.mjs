// The story page in a real browser: `dossier serve` on loopback over a store seeded with
// examples/story/, opened in Debian's Chromium through playwright-core (no browser download).
// Skips with a printed reason when chromium, node modules or the dossier binary are missing,
// and fails instead when CI=true.
//
//   cargo build -p dossier-cli && (cd tests/browser && npm ci && npm test)
//
// DOSSIER_BIN names the binary (default target/debug/dossier); CHROMIUM the browser
// (default /usr/bin/chromium); the screenshot goes to SCREENSHOT (default
// tests/browser/story.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const binary = process.env.DOSSIER_BIN ?? join(root, 'target/debug/dossier');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const screenshot = process.env.SCREENSHOT ?? join(here, 'story.png');
const inCi = process.env.CI === 'true';

async function missing() {
  if (!existsSync(chromium)) return `no Chromium at ${chromium} (apt-get install chromium)`;
  if (!existsSync(binary)) return `no dossier binary at ${binary} (cargo build -p dossier-cli)`;
  try {
    await import('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm ci in tests/browser)';
  }
  return null;
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitFor(url, deadlineMs) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('the story page shows verdicts and marked evidence', async (t) => {
  const reason = await missing();
  if (reason) {
    if (inCi) assert.fail(`browser test cannot run in CI: ${reason}`);
    console.log(`skipped: ${reason}`);
    t.skip(reason);
    return;
  }
  const { chromium: launcher } = await import('playwright-core');
  const data = mkdtempSync(join(tmpdir(), 'dossier-browser-'));
  let server;
  let browser;
  try {
    const seeded = spawnSync(binary, ['ingest', '--quiet', '--data', data, join(root, 'examples/story')], {
      encoding: 'utf8',
    });
    assert.equal(seeded.status, 0, `seeding failed: ${seeded.stderr}`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(binary, ['serve', '--data', data, '--addr', `127.0.0.1:${port}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${base}/`, 10_000);

    browser = await launcher.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--headless'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // Loopback only: anything else the page asks for is refused.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(base) ? route.continue() : route.abort(),
    );
    await page.goto(`${base}/`);
    const link = page.locator('#stories a').first();
    assert.ok((await link.count()) > 0, 'the story list links a story');
    await link.click();
    await page.waitForSelector('#verdicts');

    const verdicts = await page.locator('#verdicts .badge').allTextContents();
    assert.ok(verdicts.includes('conflict'), `a conflict verdict: ${verdicts}`);
    assert.ok(verdicts.includes('corroborated'), `a corroborated verdict: ${verdicts}`);
    const marked = page.locator('.outlets article mark');
    assert.ok((await marked.count()) > 5, 'evidence is marked in the texts');
    const background = await marked.first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'marks are highlighted');
    assert.ok(await marked.first().isVisible());
    const outlets = await page.locator('.outlets article h3').allTextContents();
    assert.ok(outlets.length >= 3, `outlets side by side: ${outlets}`);
    assert.ok((await page.locator('#timeline tr').count()) > 1, 'a timeline');
    assert.ok((await page.locator('#people h3').count()) > 0, 'people and their quotes');

    await page.screenshot({ path: screenshot, fullPage: false });
    console.log(`screenshot: ${screenshot}`);
    const sideBySide = screenshot.replace(/\.png$/, '-outlets.png');
    await page.locator('.outlets').scrollIntoViewIfNeeded();
    await page.locator('.outlets').screenshot({ path: sideBySide });
    console.log(`screenshot: ${sideBySide}`);
  } finally {
    if (browser) await browser.close();
    if (server) server.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
});
