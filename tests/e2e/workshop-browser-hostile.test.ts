import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { canRunBrowser, launchBrowser, startWorkshop, watchErrors, type Workshop } from './workshop-browser-kit.js';

/** A bank written to break the page: markup in every text it has. The page shows it as text. */

const maybe = canRunBrowser ? describe : describe.skip;
// Generous: a loaded 2-core machine runs the browser several times slower than a quiet one.
jest.setTimeout(120_000);

const EVIL = '<img src=x onerror="document.title=`pwned`"><script>document.title="pwned"</script>';
const dims = ['a', 'b', 'c'];
const BANK = {
  id: 'hostile',
  version: '1.0.0',
  languages: ['en'],
  title: `Bank ${EVIL}`,
  description: `About ${EVIL}`,
  scales: { two: { options: [{ value: 1, label: `No ${EVIL}` }, { value: 2, label: `Yes ${EVIL}` }] } },
  dimensions: dims.map((id) => ({ id, title: `${id.toUpperCase()} ${EVIL}` })),
  levels: [
    { id: 'low', min: 0, label: `Low ${EVIL}` },
    { id: 'high', min: 50, label: `High ${EVIL}` },
  ],
  questions: dims.map((id) => ({ id: `${id}.q`, type: 'likert', dimension: id, scale: 'two', text: `Question ${EVIL}`, help: `Help ${EVIL}`, benchmark: { agreeShare: 50, source: `Source ${EVIL}` } })),
  recommendations: [{ id: 'r', title: `Do ${EVIL}`, text: `Text ${EVIL}` }],
};

maybe('diag workshop in the browser: a hostile bank', () => {
  let dir: string;
  let workshop: Workshop;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-workshop-hostile-'));
    // The bank beside the session's folder, not in it: DIR holds only what the server writes.
    writeFileSync(join(dir, 'bank.json'), JSON.stringify(BANK));
    [workshop, browser] = await Promise.all([startWorkshop(join(dir, 'session'), ['--bank', join(dir, 'bank.json'), '--min-group', '3']), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await workshop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every text of the bank is shown as text, on every screen, the radar included', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.setViewport({ width: 390, height: 844 });
    const injected = () => page.$$eval('main img, main script, main [onerror]', (nodes) => nodes.length);
    await page.goto(workshop.join, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#start');
    expect(await page.$eval('main', (m) => m.textContent ?? '')).toContain(`About ${EVIL}`);
    expect(await injected()).toBe(0);
    await page.click('#start');
    for (const id of ['a.q', 'b.q', 'c.q']) {
      await page.waitForSelector(`form.question[data-question="${id}"]`);
      expect(await page.$eval('#question-help', (p) => p.textContent)).toBe(`Help ${EVIL}`);
      expect(await injected()).toBe(0);
      await page.click('label[for="choice-1"]');
      await page.click('form.question button[type="submit"]');
    }
    await page.waitForSelector('section.review');
    expect(await injected()).toBe(0);
    await page.click('section.review button.primary');
    await page.waitForSelector('section.results svg.radar');
    expect(await injected()).toBe(0);
    expect(await page.$eval('svg.radar', (svg) => svg.textContent ?? '')).toContain(`A ${EVIL}`);
    expect(await page.$eval('main', (m) => m.textContent ?? '')).toContain(`Source ${EVIL}`);
    expect(await page.title()).not.toBe('pwned');
    expect(errors).toEqual([]);
    await page.close();
  });
});
