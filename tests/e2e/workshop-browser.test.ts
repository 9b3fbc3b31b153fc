import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { isWithheld, type Aggregate, type Bank, type DimensionEntry } from '../../src/core/index.js';
import { formatNumber } from '../../src/web/strings.js';
import { diag, ROOT } from './run-cli.js';
import { answersFor, axeViolations, canRunBrowser, launchBrowser, request, setBrowserLanguage, shrinkPng, startWorkshop, watchErrors, type Workshop } from './workshop-browser-kit.js';

/**
 * `diag workshop` in a real headless Chromium: a participant on a phone from the join URL to their
 * own results, the trainer's projector screen before and after k have finished, axe-core on every
 * page. Set DIAG_SCREENSHOTS=1 to also write docs/screenshots/*.png.
 */

const K = 3;
const SCREENSHOTS = process.env.DIAG_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : undefined;
const PHONE = { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const PROJECTOR = { width: 1920, height: 1080, deviceScaleFactor: 1 };

if (!canRunBrowser) {
  // eslint-disable-next-line no-console
  console.warn('workshop-browser tests skipped: /usr/bin/chromium (apt-get install -y chromium) or dist/web (npm run build) is missing');
}
const maybe = canRunBrowser ? describe : describe.skip;
// Generous: a loaded 2-core machine runs the browser several times slower than a quiet one.
jest.setTimeout(120_000);

async function shot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS === undefined) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  shrinkPng(file);
  // The whole page too, outside the repository, to look at what lies below the fold.
  await page.screenshot({ path: join(tmpdir(), `diag-${name}-full.png`), fullPage: true });
}

maybe('diag workshop in the browser', () => {
  let dir: string;
  let workshop: Workshop;
  let browser: Browser;
  let bank: Bank;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-workshop-browser-'));
    [workshop, browser] = await Promise.all([startWorkshop(dir, ['--min-group', String(K), '--by', 'sells']), launchBrowser()]);
    const fetched = await request(`${workshop.origin}/api/bank?code=${workshop.code}`);
    expect(fetched.status).toBe(200);
    bank = fetched.json() as Bank;
  });

  afterAll(async () => {
    await browser?.close();
    await workshop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function phonePage(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    await page.setViewport(PHONE);
    await setBrowserLanguage(page, 'fr-FR,fr;q=0.9,en;q=0.5');
    return { page, errors: watchErrors(page) };
  }

  /** Nothing wider than the phone: no sideways scrolling. */
  const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  const questionId = (page: Page) => page.$eval('form.question', (form) => form.getAttribute('data-question') ?? '').catch(() => '');
  const progressTotal = async (page: Page) => Number((await page.$eval('.progress-line', (p) => p.textContent ?? '')).match(/\/(\d+)/)?.[1]);

  /** Answers the question on screen as a person would: taps an option, types a number or a text, then Next. */
  async function answerOnScreen(page: Page, id: string, index: number): Promise<void> {
    const radios = await page.$$('input[name="choice"][type="radio"]');
    const boxes = await page.$$('input[name="choice"][type="checkbox"]');
    if (id === 'sells' || id === 'manages') await page.click('label[for="choice-0"]');
    else if (radios.length > 0) await page.click(`label[for="choice-${(index * 3) % radios.length}"]`);
    else if (boxes.length > 0) await page.click('label[for="choice-0"]');
    else if (await page.$('input#answer[type="number"]')) await page.type('#answer', (await page.$eval('#answer', (i) => i.getAttribute('min'))) ?? '3');
    else if (await page.$('textarea#answer')) await page.type('#answer', 'Écrire plus <b>souvent</b>');
    await page.click('form.question button[type="submit"]');
    await page.waitForFunction((before) => document.querySelector('form.question')?.getAttribute('data-question') !== before, {}, id);
  }

  test('home: the code form goes to the participant page', async () => {
    const { page, errors } = await phonePage();
    await page.goto(`${workshop.origin}/`, { waitUntil: 'networkidle0' });
    expect(await axeViolations(page)).toEqual([]);
    await page.type('#code', 'ab');
    await page.click('button[type="submit"]');
    expect(await page.$eval('#code-error', (p) => p.textContent)).not.toBe('');
    await page.$eval('#code', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#code', workshop.code.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe(`/j/${workshop.code}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a participant on a phone: join, a condition that reveals questions, reload, review, results, downloads', async () => {
    const { page, errors } = await phonePage();
    const response = await page.goto(workshop.join, { waitUntil: 'networkidle0' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The phone asks for French first: the page follows it.
    expect(await page.$eval('html', (h) => h.lang)).toBe('fr');
    await page.waitForSelector('#start');
    expect(await page.$eval('main', (m) => m.textContent ?? '')).toMatch(/\d+ à \d+ questions/);
    await shot(page, 'phone-welcome');
    expect(await fitsWidth(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The switch changes the language of the page and of the bank's texts.
    await page.click('button.lang[lang="en"]');
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(await page.$eval('#start', (b) => b.textContent)).toBe('Start');
    await page.click('button.lang[lang="fr"]');

    await page.type('#pseudonym', 'Camille <script>alert(1)</script>');
    await page.click('#start');
    await page.waitForSelector('form.question');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question-text');

    const seen: string[] = [];
    let reloaded = false;
    let totalBeforeSells = 0;
    let totalAfterSells = 0;
    for (let i = 0; i < 200 && (await page.$('form.question')) !== null; i++) {
      const id = await questionId(page);
      seen.push(id);
      if (id === 'sells') {
        totalBeforeSells = await progressTotal(page);
        await page.click('label[for="choice-0"]');
        // The condition applies at once: the count on screen grows before Next.
        totalAfterSells = await progressTotal(page);
      }
      if (id === 'async.works_async') {
        await shot(page, 'phone-question');
        expect(await fitsWidth(page)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
      }
      if (!reloaded && seen.length === 12) {
        // In the middle: a reload lands on the same question with the answers kept.
        await page.reload({ waitUntil: 'networkidle0' });
        await page.waitForSelector('form.question');
        expect(await questionId(page)).toBe(id);
        reloaded = true;
      }
      await answerOnScreen(page, id, i);
    }
    expect(reloaded).toBe(true);
    expect(totalAfterSells).toBeGreaterThan(totalBeforeSells);
    expect(seen.some((id) => id.startsWith('sales.'))).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);

    await page.waitForSelector('section.review');
    expect(await page.$$eval('.review-item', (items) => items.length)).toBe(seen.length);
    expect(await axeViolations(page)).toEqual([]);

    // Tapping an answer in the review goes to its question; Next comes back to the review.
    await page.click('.review-item[data-question="sells"]');
    await page.waitForSelector('form.question[data-question="sells"]');
    expect(await page.$eval('#choice-0', (i) => (i as HTMLInputElement).checked)).toBe(true);
    await page.click('form.question button[type="submit"]');
    await page.waitForSelector('section.review');

    await page.click('section.review button.primary');
    await page.waitForSelector('section.results');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'phone-results');
    expect(await fitsWidth(page)).toBe(true);

    // The figures shown are the server's report of this participant.
    const participant = await page.evaluate((code) => JSON.parse(localStorage.getItem(`diag.workshop.${code}`) ?? '{}').participant, workshop.code);
    const report = (await request(`${workshop.origin}/api/report?code=${workshop.code}&participant=${participant}&format=json`)).json() as { respondent: string; scores: { overall: { score: number } } };
    expect(report.respondent).toBe('Camille <script>alert(1)</script>');
    expect(await page.$eval('#overall-score', (s) => s.textContent)).toBe(formatNumber(report.scores.overall.score, 'fr'));
    // The pseudonym is shown as text, never as markup.
    expect(await page.$$eval('main script', (s) => s.length)).toBe(0);
    expect(await page.$eval('main', (m) => m.textContent ?? '')).toContain('Camille <script>alert(1)</script>');

    // The downloads are the report as a page and as JSON.
    const html = await request(new URL(await page.$eval('#download-html', (a) => a.getAttribute('href') ?? ''), workshop.origin).href);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.text).toMatch(/^<!doctype html>/i);
    const json = await request(new URL(await page.$eval('#download-json', (a) => a.getAttribute('href') ?? ''), workshop.origin).href);
    expect(json.status).toBe(200);
    expect(json.disposition).toMatch(/attachment/);

    // In another language, the same results are rebuilt by the core with that language's texts.
    const frenchTitles = await page.$$eval('.dimension-title', (t) => t.map((x) => x.textContent));
    await page.click('button.lang[lang="en"]');
    expect(await page.$eval('section.results h2', (h) => h.textContent)).toBe('Your results');
    expect(await page.$$eval('.dimension-title', (t) => t.map((x) => x.textContent))).toEqual(bank.dimensions.map((d) => (typeof d.title === 'string' ? d.title : d.title.en)));
    expect(frenchTitles).toEqual(bank.dimensions.map((d) => (typeof d.title === 'string' ? d.title : d.title.fr)));
    expect(await page.$eval('#overall-score', (s) => s.textContent)).toBe(formatNumber(report.scores.overall.score, 'en'));

    // A reload after finishing shows the results again, not a new survey.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('section.results');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the trainer’s screen: the join screen, nothing under k, the group after k equal to diag aggregate', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.setViewport(PROJECTOR);
    await page.goto(workshop.present, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#join-code');
    expect(await page.$eval('#join-code', (c) => c.textContent)).toBe(workshop.code);
    expect(await page.$eval('.qr img', (img) => ({ alt: img.getAttribute('alt') ?? '', loaded: (img as HTMLImageElement).naturalWidth > 0 }))).toEqual({ alt: expect.stringContaining(workshop.join), loaded: true });
    await page.waitForFunction(() => document.getElementById('finished')?.textContent === '1');
    await shot(page, 'projector-waiting');
    expect(await axeViolations(page)).toEqual([]);

    await page.click('#show-results');
    await page.waitForSelector('#count-only');
    // One finished, k = 3: the count only, no figure.
    expect(await page.$('.group')).toBeNull();
    expect(await page.$eval('#count-only', (p) => p.textContent ?? '')).toMatch(/^1 personne/);

    // Two more finish through the API (as other phones would).
    for (const [seed, sells] of [[1, false], [2, true]] as const) {
      const joined = (await request(`${workshop.origin}/api/join?code=${workshop.code}`, { method: 'POST' })).json() as { participant: string };
      // Varied answers, as real people give: an option picked by the participant and the question.
      const answers = answersFor(bank, (q) => {
        if (q.id === 'sells') return sells;
        if (q.type === 'likert' || q.type === 'single') return q.options[(seed * 2 + q.id.length) % q.options.length]?.value;
        return undefined;
      });
      const sent = await request(`${workshop.origin}/api/answers?code=${workshop.code}&participant=${joined.participant}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bank: bank.id, answers }) });
      expect(sent.status).toBe(201);
    }
    // The screen follows by polling, without a reload.
    await page.waitForSelector('.group', { timeout: 20_000 });
    const aggregated = diag(['aggregate', dir, '--format', 'json', '--min-group', String(K), '--by', 'sells']);
    expect(aggregated.code).toBe(0);
    const expected = JSON.parse(aggregated.stdout) as Aggregate;
    expect(expected.count).toBe(K);
    const shown = await page.$$eval('[data-figure]', (nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-figure') ?? '', n.textContent ?? ''])));
    // Every figure the aggregate shows is on screen with the same value; what it withholds is hidden there too.
    const figure = (entry: DimensionEntry) => (isWithheld(entry) ? 'masqué pour l’anonymat' : formatNumber(entry.mean, 'fr'));
    expect(shown['overall.mean']).toBe(figure(expected.overall));
    for (const d of expected.dimensions) expect(shown[`${d.id}.mean`]).toBe(figure(d));
    let compared = 0;
    for (const q of expected.questions) {
      if (isWithheld(q) || q.reference === undefined) continue;
      expect(shown[`${q.id}.agreeShare`]).toBe(q.agreeShare === undefined || q.agreeShare === null ? '—' : `${formatNumber(q.agreeShare, 'fr')}\u202f%`);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    // Segments of fewer than k are hidden, by name only.
    if (expected.suppressed.length > 0) expect(await page.$eval('main', (m) => m.textContent ?? '')).toContain('masqué pour l’anonymat');
    await shot(page, 'projector-results');
    expect(await axeViolations(page)).toEqual([]);

    // The group page to save is the self-contained HTML.
    const saved = await request(new URL(await page.$eval('#save-group', (a) => a.getAttribute('href') ?? ''), workshop.origin).href);
    expect(saved.status).toBe(200);
    expect(saved.type).toMatch(/^text\/html/);

    // Finish, confirmed: no more answers.
    await page.click('#finish');
    await page.click('#confirm-finish');
    await page.waitForSelector('#reopen');
    const late = await request(`${workshop.origin}/api/answers?code=${workshop.code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bank: bank.id, answers: answersFor(bank) }) });
    expect(late.status).toBe(409);
    // Someone arriving after the end is told so on the welcome screen, and at "Finish" (join refused: 409).
    const context = await browser.createBrowserContext();
    const latecomer = await context.newPage();
    await setBrowserLanguage(latecomer, 'fr-FR,fr');
    await latecomer.goto(workshop.join, { waitUntil: 'networkidle0' });
    await latecomer.waitForSelector('#start');
    expect(await latecomer.$eval('.welcome .notice', (p) => p.textContent ?? '')).toMatch(/L’atelier est terminé/);
    await context.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
