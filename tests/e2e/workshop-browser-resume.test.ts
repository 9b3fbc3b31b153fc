import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { canRunBrowser, launchBrowser, setBrowserLanguage, startWorkshop, watchErrors, type Workshop } from './workshop-browser-kit.js';

/**
 * What a real room does to a survey: a closed tab, a phone whose storage was wiped, a keyboard
 * instead of a finger, and the trainer's laptop restarting the server just as someone finishes.
 */

const maybe = canRunBrowser ? describe : describe.skip;
// Generous: a loaded 2-core machine runs the browser several times slower than a quiet one.
jest.setTimeout(120_000);

maybe('diag workshop in the browser: resuming and retrying', () => {
  let dir: string;
  let workshop: Workshop;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diag-workshop-resume-'));
    [workshop, browser] = await Promise.all([startWorkshop(dir, ['--bank', 'tests/fixtures/banks/sample.yaml', '--min-group', '3']), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await workshop?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const questionId = (page: Page) => page.$eval('form.question', (form) => form.getAttribute('data-question') ?? '');
  const nextScreen = (page: Page, before: string) => page.waitForFunction((id) => document.querySelector('form.question')?.getAttribute('data-question') !== id, {}, before);
  const stored = (page: Page) => page.evaluate((code) => JSON.parse(localStorage.getItem(`diag.workshop.${code}`) ?? '{}') as { participant?: string; progress?: { answers: Record<string, unknown> } }, workshop.code);

  test('keyboard only, a closed tab, wiped storage, and a server restart during the submission', async () => {
    let page = await browser.newPage();
    let errors = watchErrors(page);
    await setBrowserLanguage(page, 'en-GB,en');
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await page.goto(workshop.join, { waitUntil: 'networkidle0' });
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');

    // Keyboard only: Tab to the field, type, Enter starts; Tab to an option, Space picks it, Enter goes on.
    await page.focus('#pseudonym');
    await page.keyboard.type('Kim');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form.question[data-question="age"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question-text');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('choice-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#choice-1', (i) => (i as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Enter');
    await nextScreen(page, 'age');
    expect(await questionId(page)).toBe('sells');
    // "No" to sells: the sales question stays hidden.
    await page.click('label[for="choice-1"]');
    await page.click('form.question button[type="submit"]');
    await nextScreen(page, 'sells');
    const id = await questionId(page);
    expect(id).toBe('async.interruptions');

    // A closed tab: a new one on the same phone carries on where it was.
    await page.close();
    page = await browser.newPage();
    errors = watchErrors(page);
    await setBrowserLanguage(page, 'en-GB,en');
    await page.goto(workshop.join, { waitUntil: 'networkidle0' });
    await page.waitForSelector('form.question');
    expect(await questionId(page)).toBe('async.interruptions');

    // Storage wiped but for the token (or another browser given it): the server's copy comes back.
    const { participant, progress } = await stored(page);
    expect(progress?.answers).toEqual({ age: '30-44', sells: false });
    // The server keeps the progress a moment after each answer.
    await page.waitForFunction(
      async (code, token) => (await fetch(`/api/progress?code=${code}&participant=${token}`)).status === 200,
      { polling: 200, timeout: 5000 },
      workshop.code,
      participant ?? '',
    );
    await page.evaluate((code, token) => localStorage.setItem(`diag.workshop.${code}`, JSON.stringify({ participant: token })), workshop.code, participant ?? '');
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('form.question');
    expect(await questionId(page)).toBe('async.interruptions');
    expect((await stored(page)).progress?.answers).toEqual({ age: '30-44', sells: false });

    // Answer the rest with the first option (and a number in range) up to the review.
    for (let i = 0; i < 30 && (await page.$('form.question')) !== null; i++) {
      const current = await questionId(page);
      if (await page.$('#answer[type="number"]')) await page.type('#answer', '4');
      else if (await page.$('label[for="choice-0"]')) await page.click('label[for="choice-0"]');
      await page.click('form.question button[type="submit"]');
      await page.waitForFunction((before) => document.querySelector('form.question')?.getAttribute('data-question') !== before, {}, current);
    }
    await page.waitForSelector('section.review');
    expect(await page.$('.review-item[data-question="sales.channels"]')).toBeNull();

    // The server stops just as the participant finishes: the answers wait, the page says so and retries.
    await workshop.stop();
    await page.click('section.review button.primary');
    await page.waitForFunction(() => /does not answer/.test(document.querySelector('.send-status')?.textContent ?? ''), { timeout: 10_000 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([]);
    workshop = await startWorkshop(dir, ['--bank', 'tests/fixtures/banks/sample.yaml', '--min-group', '3'], Number(new URL(workshop.origin).port));
    await page.waitForSelector('section.results', { timeout: 20_000 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);

    // Sending again (a lost answer, a second tap) never makes a second report.
    await page.evaluate((code, token) => fetch(`/api/answers?code=${code}&participant=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: {} }) }).then((r) => r.status), workshop.code, participant ?? '');
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    // Failed fetches while the server was down are expected; nothing else.
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/.test(e))).toEqual([]);
    await page.close();
  });
});
