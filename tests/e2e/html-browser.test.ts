import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diag, ROOT } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = ['--bank', 'tests/fixtures/banks/sample.yaml'];
const available = existsSync(CHROMIUM);
// Without Chromium (a machine without it), these checks are skipped, not failed.
const maybe = available ? describe : describe.skip;

let dir: string;
const pages: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diag-html-'));
  const report = join(dir, 'full.json');
  const later = join(dir, 'later.json');
  expect(diag(['score', ...SAMPLE, '-o', report, 'tests/fixtures/answers/sample-full.yaml']).code).toBe(0);
  expect(diag(['score', ...SAMPLE, '-o', later, 'tests/fixtures/answers/sample-later.yaml']).code).toBe(0);
  const make = (name: string, args: string[]) => {
    pages[name] = join(dir, `${name}.html`);
    const r = diag([...args, '-o', pages[name] ?? '']);
    expect(r.code).toBe(0);
  };
  make('report', ['report', report, '--lang', 'fr', ...SAMPLE]);
  make('group', ['aggregate', ...SAMPLE, '--by', 'age', '--by', 'sells', 'tests/fixtures/group/answers']);
  make('compare', ['compare', report, later]);
  make('explain', ['explain', ...SAMPLE, 'tests/fixtures/answers/sample-full.yaml']);
  make('transformation', ['score', join(ROOT, 'questions/examples/camille.yaml')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

maybe('HTML in a real browser (headless Chromium, axe-core)', () => {
  it('is readable at 1280 and 390 px and has no serious or critical accessibility violation', async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    const profile = mkdtempSync(join(tmpdir(), 'diag-chromium-'));
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      userDataDir: profile,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    try {
      for (const [name, file] of Object.entries(pages)) {
        for (const width of [1280, 390]) {
          const page = await browser.newPage();
          // The pages forbid every script (CSP); axe is injected by the test only.
          await page.setBypassCSP(true);
          await page.setViewport({ width, height: 900 });
          await page.goto(pathToFileURL(file).href);
          await page.screenshot({ path: `/tmp/diag-html-${name}-${width}.png`, fullPage: true });
          // Page code as strings: the tests compile without the DOM's types.
          const layout = (await page.evaluate(`({
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            labels: [...document.querySelectorAll('.radar .label')].map((l) => l.getBoundingClientRect().height).filter((h) => h > 0),
          })`)) as { overflow: number; labels: number[] };
          expect({ name, width, overflow: Math.max(0, layout.overflow) }).toEqual({ name, width, overflow: 0 });
          for (const height of layout.labels) expect(height).toBeGreaterThanOrEqual(12);
          await page.addScriptTag({ content: axe });
          const violations = (await page.evaluate(`axe.run().then((result) => result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => v.id + ' (' + v.impact + ', ' + v.nodes.length + ')'))`)) as string[];
          expect({ name, width, violations }).toEqual({ name, width, violations: [] });
          await page.close();
        }
      }
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
