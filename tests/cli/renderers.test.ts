import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildReport, validateAnswers, validateBank, type Bank, type Report } from '../../src/core/index.js';
import { csvCell, renderReportsCsv } from '../../src/cli/render/csv.js';
import { renderReportsHtml } from '../../src/cli/render/html.js';
import { renderReportMarkdown } from '../../src/cli/render/markdown.js';
import { renderTemplate } from '../../src/cli/render/template.js';
import { safeText } from '../../src/cli/render/terminal.js';
import { renderReportText } from '../../src/cli/render/text.js';
import { parseSource } from '../../src/cli/source.js';

const fixture = (path: string) => parseSource(path, readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')).data;

function bankOf(raw: unknown): Bank {
  const checked = validateBank(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

function reportOf(bank: Bank, answers: unknown, lang = 'en'): Report {
  const checked = validateAnswers(bank, answers);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return buildReport(bank, checked.value, { lang, createdAt: '2026-11-23T10:00:00.000Z', tool: { name: 'diag', version: '1.0.0' } });
}

const sample = bankOf(fixture('banks/sample.yaml'));
const report = reportOf(sample, fixture('answers/sample-full.yaml'));
const french = reportOf(sample, fixture('answers/sample-full.yaml'), 'fr');

/** The sample bank with hostile text in every place a bank or an answer file can put some. */
const hostileRaw = JSON.parse(JSON.stringify(fixture('banks/sample.yaml')));
hostileRaw.title = { fr: '<script>alert(1)</script> Titre', en: '<script>alert(1)</script> Title' };
hostileRaw.dimensions[0].title = { fr: 'A|B **x**', en: 'A|B **x** <img src=x onerror=alert(1)>' };
hostileRaw.recommendations[0].text = '\u001b[31mred\u001b[0m <b>bold</b> =cmd|calc';
const hostile = bankOf(hostileRaw);
const hostileAnswers = fixture('answers/sample-full.yaml');
const hostileReport = reportOf(hostile, typeof hostileAnswers === 'object' ? { ...hostileAnswers, respondent: '=HYPERLINK("http://evil")' } : {});
// The bank validator refuses such a link; a saved report edited by hand can still hold one.
hostileReport.recommendations = hostileReport.recommendations.map((r) => ({ ...r, link: 'javascript:alert(1)' }));

describe('text renderer', () => {
  it('prints a recommendation title that fits as wrap would, and wraps one that does not under its number', () => {
    // A title that fits skips wrap (start-up): both ways must give the same line.
    const titled = (title: string): Report => ({ ...french, recommendations: french.recommendations.slice(0, 1).map((r) => ({ ...r, title })) });
    const priority = `(priorité ${french.recommendations[0]?.priority})`;
    // The title's lines: from " 1. " to the one that ends with the priority.
    const titleLines = (title: string, width: number) => {
      const lines = renderReportText(titled(title), { color: false, width }).split('\n');
      const at = lines.findIndex((line) => line.startsWith(' 1. '));
      return lines.slice(at, lines.findIndex((line, i) => i >= at && line.endsWith(priority)) + 1);
    };
    // Fits: printed as it is, French space before the colon kept a plain space.
    expect(titleLines('Protégez vos plages : deux par jour', 80)[0]).toBe(` 1. Protégez vos plages : deux par jour ${priority}`);
    // A double space is one space, as wrap makes it, whether or not the title fits.
    expect(titleLines('Protégez  vos plages', 80)[0]).toBe(` 1. Protégez vos plages ${priority}`);
    // Does not fit: wrapped under its number, the priority kept whole at the end.
    const long = titleLines('Un titre bien trop long pour tenir sur une seule ligne de quarante colonnes', 40);
    expect(long[0]).toMatch(/^ 1\. Un titre/);
    expect(long.every((line) => line.length <= 40)).toBe(true);
    expect(long.join('\n')).toContain(priority);
  });
  it('matches the snapshot, without colours', () => {
    expect(renderReportText(report, { color: false, width: 80 })).toMatchSnapshot();
  });
  it('speaks French with French punctuation and decimal commas', () => {
    const text = renderReportText(french, { color: false, width: 100 }).replace(/\u00a0/g, ' ');
    expect(text).toContain('Score global : 78,17 / 100 · Avancé');
    expect(text).toContain('68\u202f% des répondants sont d’accord : « Je suis souvent interrompu·e. » — pas vous');
  });
  it('removes escape sequences that came from a bank', () => {
    const text = renderReportText(hostileReport, { color: false, width: 80 });
    expect(text).not.toContain('\u001b');
    expect(safeText('a\u001b]0;title\u0007b\u009bc')).toBe('abc');
  });
  it('can show only the first recommendations, saying how many are left', () => {
    expect(renderReportText(report, { color: false, width: 80, maxRecommendations: 1 })).toContain('… and 2 more in the report');
  });
});

describe('markdown renderer', () => {
  it('matches the snapshot', () => {
    expect(renderReportMarkdown(report, { color: false })).toMatchSnapshot();
  });
  it('keeps bank text from breaking the table or injecting HTML', () => {
    const md = renderReportMarkdown(hostileReport, { color: false });
    expect(md).toContain('| A\\|B \\*\\*x\\*\\* \\<img src=x onerror=alert(1)\\> |');
    expect(md).not.toContain('<script>');
  });
});

describe('csv renderer', () => {
  it('gives one row per respondent with every dimension', () => {
    expect(renderReportsCsv([report, french], { color: false })).toBe(
      'respondent,createdAt,bank,bankVersion,lang,overall,overall_level,async,async_level,digital,digital_level,sales,sales_level,source\r\n' +
        'Camille,2026-11-23T10:00:00.000Z,sample,1.2.0,en,78.17,advanced,83.33,advanced,46,developing,100,advanced,\r\n' +
        'Camille,2026-11-23T10:00:00.000Z,sample,1.2.0,fr,78.17,advanced,83.33,advanced,46,developing,100,advanced,\r\n',
    );
  });
  it('uses decimal commas with ; for French spreadsheets', () => {
    expect(renderReportsCsv([report], { color: false, csvDelimiter: ';' }).split('\r\n')[1]).toBe('Camille;2026-11-23T10:00:00.000Z;sample;1.2.0;en;78,17;advanced;83,33;advanced;46;developing;100;advanced;');
  });
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6', "'+33 6"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', 'x'], // control characters reach no format (core/sanitize.ts)
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain', 'plain'],
  ])('neutralises and quotes %j', (input, expected) => {
    expect(csvCell(input, ',')).toBe(expected);
  });
  it('neutralises a respondent name that a spreadsheet would run', () => {
    expect(renderReportsCsv([hostileReport], { color: false })).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('html renderer', () => {
  const html = renderReportsHtml([report], { color: false, bank: sample });
  it('is one self-contained document: no script, no external resource', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).toContain("default-src 'none'");
  });
  it('draws a radar with one axis per dimension and the level rings', () => {
    expect(html.match(/class="axis"/g)).toHaveLength(3);
    expect(html.match(/class="ring"/g)).toHaveLength(3);
    expect(html).toContain('class="scores"');
  });
  it('lists the recommendations and the answers with their labels', () => {
    expect(html).toContain('<span class="title">Digital</span>');
    expect(html).toContain('<tr><td>Support?</td><td>Some</td></tr>');
  });
  it('escapes every piece of bank and respondent text, and drops non-web links', () => {
    const page = renderReportsHtml([hostileReport], { color: false, bank: hostile });
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('\u001b');
  });
});

describe('template renderer', () => {
  it('comments every question with its allowed values and conditions', () => {
    const template = renderTemplate(sample, 'en');
    expect(template).toContain('  # asked only if: sells = true and sales.channels includes "phone"\n  sales.cold_calls:');
    expect(template).toContain('  # a number from 1 to 11\n  digital.tools:');
  });
});
