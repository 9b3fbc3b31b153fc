import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT } from './run-cli.js';
import { axeViolations, canRunBrowser, launchBrowser, request, setBrowserLanguage, startWorkshop, watchErrors, type Workshop } from './workshop-browser-kit.js';

/** "Does not apply" (SPEC section 9) in the browser: a last, separate choice on every type that has it. */

const BANK = 'tests/fixtures/banks/not-applicable.yaml';
const ready = canRunBrowser && existsSync(join(ROOT, BANK));
if (canRunBrowser && !ready) {
  // eslint-disable-next-line no-console
  console.warn(`workshop-browser n/a test skipped: ${BANK} is not there yet (the core's n/a support comes with it)`);
}
const maybe = ready ? describe : describe.skip;
// Generous: a loaded 2-core machine runs the browser several times slower than a quiet one.
jest.setTimeout(120_000);

maybe('diag workshop in the browser: does not apply', () => {
  let dir: string;
  let workshop: Workshop;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-workshop-na-'));
    [workshop, browser] = await Promise.all([startWorkshop(dir, ['--bank', BANK, '--min-group', '3']), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await workshop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const questionId = (page: Page) => page.$eval('form.question', (form) => form.getAttribute('data-question') ?? '');
  const next = async (page: Page) => {
    const before = await questionId(page);
    await page.click('form.question button[type="submit"]');
    await page.waitForFunction((id) => document.querySelector('form.question')?.getAttribute('data-question') !== id, {}, before);
  };
  const naLabel = (page: Page) => page.$eval('.na-group label', (l) => l.textContent);
  /** The n/a choice comes last, after the options, in its own group. */
  const naIsLast = (page: Page) => page.$eval('fieldset', (f) => [...f.querySelectorAll('input')].at(-1)?.id === 'choice-na' && f.querySelector('.na-group #choice-na') !== null);

  test('offered last and apart, in the bank’s words or the default ones, and sent as "n/a"', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await setBrowserLanguage(page, 'fr-FR,fr');
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(workshop.join, { waitUntil: 'networkidle0' });
    await page.click('#start');
    await page.waitForSelector('form.question[data-question="alone"]');
    await page.click('label[for="choice-1"]');
    await next(page);

    // likert, with the bank's own wording; choosing it reveals the follow-up question at once.
    expect(await questionId(page)).toBe('team.update');
    expect(await naLabel(page)).toBe('Je n’ai pas d’équipe');
    expect(await naIsLast(page)).toBe(true);
    const total = async () => Number((await page.$eval('.progress-line', (p) => p.textContent ?? '')).match(/\/(\d+)/)?.[1]);
    const before = await total();
    await page.click('label[for="choice-na"]');
    expect(await total()).toBe(before + 1);
    expect(await axeViolations(page)).toEqual([]);
    await next(page);

    // boolean, with the default wording.
    expect(await questionId(page)).toBe('team.meeting');
    expect(await naLabel(page)).toBe('Ne s’applique pas à ma situation');
    expect(await naIsLast(page)).toBe(true);
    await page.click('label[for="choice-na"]');
    await next(page);

    expect(await questionId(page)).toBe('team.channel');
    await page.click('label[for="choice-0"]');
    await next(page);

    // multiple: "does not apply" and the options exclude each other.
    expect(await questionId(page)).toBe('team.tools');
    await page.click('label[for="choice-0"]');
    await page.click('label[for="choice-na"]');
    expect(await page.$eval('#choice-0', (i) => (i as HTMLInputElement).checked)).toBe(false);
    await next(page);

    // number: the field is disabled while "does not apply" is ticked.
    expect(await questionId(page)).toBe('team.size');
    await page.click('label[for="choice-na"]');
    expect(await page.$eval('#answer', (i) => (i as HTMLInputElement).disabled)).toBe(true);
    await next(page);

    expect(await questionId(page)).toBe('team.alone_followup');
    await page.click('label[for="choice-2"]');
    await page.click('form.question button[type="submit"]');
    await page.waitForSelector('section.review');
    const review = await page.$$eval('.review-item', (items) => Object.fromEntries(items.map((i) => [i.getAttribute('data-question'), i.querySelector('.review-answer')?.textContent])));
    expect(review['team.update']).toBe('Je n’ai pas d’équipe');
    expect(review['team.size']).toBe('Ne s’applique pas à ma situation');

    await page.click('section.review button.primary');
    await page.waitForSelector('section.results');
    const participant = await page.evaluate((code) => JSON.parse(localStorage.getItem(`diag.workshop.${code}`) ?? '{}').participant, workshop.code);
    const report = (await request(`${workshop.origin}/api/report?code=${workshop.code}&participant=${participant}&format=json`)).json() as { answers: Record<string, unknown> };
    expect(report.answers).toMatchObject({ 'team.update': 'n/a', 'team.meeting': 'n/a', 'team.tools': 'n/a', 'team.size': 'n/a', 'team.channel': 'chat' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
