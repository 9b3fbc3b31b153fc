import { describe, expect, it } from '@jest/globals';
import { buildReport, createAggregator, type Report } from '../../src/core/index.js';
import { aggregateView } from '../../src/cli/render/aggregate-view.js';
import { renderAggregateMarkdown } from '../../src/cli/render/aggregate-doc.js';
import { renderAggregateText } from '../../src/cli/render/aggregate-text.js';
import { renderReportsHtml } from '../../src/cli/render/html.js';
import { renderReportMarkdown } from '../../src/cli/render/markdown.js';
import { renderReportText } from '../../src/cli/render/text.js';
import { bankFrom, miniBank } from '../helpers.js';

// A reference figure that says which way is better and how to read it (bank 2.0.0 does).
const bank = bankFrom(
  miniBank({
    languages: ['fr', 'en'],
    questions: [
      { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', reverse: true, text: 'Interrupted', benchmark: { agreeShare: 68, better: 'lower', source: 'LeDIAG', note: { fr: 'Question proche, autre échelle.', en: 'A close question, another scale.' } } },
      { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Plain', benchmark: { agreeShare: 40 } },
    ],
  }),
);
const report = (lang: string): Report => buildReport(bank, { answers: { q1: 4, q2: 2 } }, { lang, createdAt: '2026-11-23T10:00:00.000Z', tool: { name: 'diag', version: 't' } });

describe('reference figures with a direction and a note', () => {
  it('are labelled indicative, with the direction and the note, in the text report and the run results screen', () => {
    const en = renderReportText(report('en'), { color: false, width: 100 });
    expect(en).toContain('Indicative reference: 68% (lower is better) — “Interrupted” — you too');
    expect(en).toContain('A close question, another scale.');
    // A figure without note nor direction keeps the plain wording.
    expect(en).toMatch(/40% .*“Plain”/);
    const fr = renderReportText(report('fr'), { color: false, width: 100 });
    expect(fr).toMatch(/Repère indicatif\s:\s68\s?% \(moins, c’est mieux\)/u);
  });

  it('in markdown and HTML reports too', () => {
    expect(renderReportMarkdown(report('en'), { color: false })).toContain('(lower is better)');
    expect(renderReportMarkdown(report('en'), { color: false })).toContain('_A close question, another scale._');
    const html = renderReportsHtml([report('en')], { color: false });
    expect(html).toContain('Indicative reference');
    expect(html).toContain('A close question, another scale.');
  });

  it('on the group screen: which way is better, the note and the source', () => {
    const aggregator = createAggregator(bank, { by: [], minGroup: 1 });
    aggregator.add(report('en'));
    const view = aggregateView(aggregator.result(), bank, 'en', []);
    const text = renderAggregateText(view, { color: false, width: 100 });
    expect(text).toMatch(/Reference +\S+ 68%  \(lower is better\)/);
    expect(text).toContain('A close question, another scale.');
    expect(text).toContain('source: LeDIAG');
    expect(renderAggregateMarkdown(view)).toContain('68% (lower is better)');
  });
});
