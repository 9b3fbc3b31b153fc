import { describe, expect, it } from '@jest/globals';
import { readRespondent, type Respondent } from '../../src/core/aggregate-group.js';
import { createAggregator } from '../../src/core/aggregate.js';
import { buildReport, validateAnswers, type Bank } from '../../src/core/index.js';
import { quickRespondent } from '../../src/core/respondent.js';
import { quickAnswers } from '../../src/core/validate/answers.js';
import { bankFrom, miniBank } from '../helpers.js';

const bank = bankFrom(
  miniBank({
    version: '2.1.0',
    languages: ['en', 'fr'],
    profile: [
      { id: 'team', type: 'single', text: 'Team', required: false, options: [{ value: 'red' }, { value: 1 }, { value: 'green' }] },
      { id: 'remote', type: 'boolean', text: 'Remote?' },
    ],
    dimensions: [
      { id: 'a', title: 'A', weight: 2 },
      { id: 'b', title: 'B' },
    ],
    questions: [
      { id: 'n', type: 'number', dimension: 'a', min: 0, max: 100, required: false, text: 'N' },
      { id: 'q5', type: 'likert', dimension: 'b', scale: 'agree5', reverse: true, text: 'Q5' },
      { id: 'q3', type: 'likert', dimension: 'b', options: [{ value: 1 }, { value: 2 }, { value: 3 }], required: false, notApplicable: true, text: 'Q3' },
      { id: 'tools', type: 'multiple', dimension: 'b', required: false, text: 'T', options: [{ value: 'mail', score: 50 }, { value: 'chat', score: 30 }, { value: 'wiki', score: 50 }] },
      { id: 'followup', type: 'boolean', dimension: 'b', when: { question: 'remote', equals: true }, text: 'F' },
      // A condition on a question that is itself conditioned.
      { id: 'then', type: 'boolean', dimension: 'a', required: false, when: { question: 'followup', equals: true }, text: 'E' },
      { id: 'constructor', type: 'text', required: false, text: 'Note' },
    ],
  }),
);

const context = { lang: 'en', createdAt: '', tool: { name: 'diag', version: 'test' }, scoresOnly: true };

/** The straightforward way: validate, build the report, read it. */
function fullRespondent(target: Bank, input: unknown): Respondent | 'refused' | 'warned' {
  const result = validateAnswers(target, input);
  if (!result.ok) return 'refused';
  if (result.warnings.length > 0) return 'warned';
  return readRespondent(target, buildReport(target, result.value, context));
}

/** The figures a group reads, in plain data (a report's dimension carries more than the group reads). */
const plain = (r: Respondent) => ({ name: r.name, overall: { score: r.overall.score, level: r.overall.level }, dimensions: r.dimensions.map((d) => ({ id: d.id, score: d.score, level: d.level })), answers: [...r.answers] });

const base = { bank: 'mini', respondent: 'Ana', lang: 'fr', createdAt: '2026-01-01T00:00:00.000Z', answers: { team: 'red', remote: true, q5: 2, followup: true } };

describe('quickRespondent (a clean answer record read straight into what a group reads)', () => {
  it('gives what validating, reporting and reading the report give, answer by answer in bank order', () => {
    const cases: unknown[] = [
      base,
      { answers: { remote: false, q5: 5 } },
      { ...base, respondent: null, lang: null, answers: { ...base.answers, n: 37.5, q3: 'n/a', tools: ['wiki', 'mail'], constructor: 2024 } },
      // Canonical values: the text "1" is the bank's option 1.
      { ...base, answers: { ...base.answers, team: '1', tools: [], n: null, q3: null } },
      { ...base, bankVersion: '2.1.0' },
      // A hidden question answered null is dropped in silence (with a value, it would warn).
      { answers: { remote: false, q5: 1, then: null } },
      { answers: { remote: false, q5: 1, followup: null } }, // refused all the same: followup is required
      { answers: { remote: true, q5: 4, followup: true, then: false } },
      { answers: { remote: true, q5: 4, followup: false, then: null } },
      { answers: null, bank: 'mini' }, // refused: remote is required
    ];
    let compared = 0;
    for (const input of cases) {
      const full = fullRespondent(bank, input);
      const quick = quickRespondent(bank, input);
      if (typeof full === 'string') {
        expect([input, quick]).toEqual([input, undefined]);
        continue;
      }
      expect(quick).toBeDefined();
      expect(plain(quick as Respondent)).toEqual(plain(full));
      compared += 1;
    }
    expect(compared).toBe(cases.length - 2);
    const ana = quickRespondent(bank, base);
    expect(ana?.answers).toEqual(['red', true, undefined, 2, undefined, undefined, true, undefined, undefined]);
    expect(ana?.name).toBe('Ana');
    expect(quickAnswers(bank, { answers: { remote: true, q5: 4, followup: true, then: false, constructor: 'x' } })?.values).toEqual([undefined, true, undefined, 4, undefined, undefined, true, false, 'x']);
  });

  it('declines every record validation would warn about or refuse, and reports: the full path words those', () => {
    const declined: unknown[] = [
      { ...base, extra: 1 },
      { ...base, bankVersion: '1.0.0' },
      { ...base, bankVersion: 2 },
      { ...base, bank: 'other' },
      { ...base, respondent: 42 },
      { ...base, lang: 'de' },
      { ...base, answers: [] },
      { ...base, answers: { ...base.answers, nope: 1 } },
      { ...base, answers: { ...base.answers, q5: 6 } },
      { ...base, answers: { ...base.answers, q5: '2' } },
      { ...base, answers: { ...base.answers, tools: ['mail', 'mail'] } },
      { ...base, answers: { ...base.answers, q5: 'n/a' } },
      { ...base, answers: { team: 'red', remote: true, q5: 2 } }, // followup is asked and required
      { ...base, answers: { team: 'red', remote: false, q5: 2, followup: true } }, // an answer to a hidden question
      { ...base, answers: { ...base.answers, followup: false, then: true } }, // hidden: followup is not true
      { ...base, answers: { remote: false, q5: 2, then: false } }, // hidden, followup being hidden
      [],
      'answers',
      null,
      { schemaVersion: 1, scores: {}, answers: {} },
    ];
    for (const input of declined) {
      expect([input, quickRespondent(bank, input)]).toEqual([input, undefined]);
      expect([input, typeof fullRespondent(bank, input)]).toEqual([input, 'string']);
    }
  });

  it('adds to a group exactly as the report does', () => {
    const inputs = [base, { ...base, respondent: 'Bo', answers: { ...base.answers, q5: 4, n: 80, tools: ['chat'] } }, { answers: { remote: false, q5: 1, team: 1 } }, base];
    const byReport = createAggregator(bank, { by: ['team', 'remote', 'tools'], minGroup: 1 });
    const byQuick = createAggregator(bank, { by: ['team', 'remote', 'tools'], minGroup: 1 });
    const counted = inputs.map((input) => {
      const result = validateAnswers(bank, input);
      if (!result.ok) throw new Error('refused');
      const quick = quickRespondent(bank, input);
      if (quick === undefined) throw new Error('declined');
      return [byReport.add(buildReport(bank, result.value, context)), byQuick.addRespondent(quick)];
    });
    // The last one is a duplicate (same name, same answers): counted once either way.
    expect(counted).toEqual([[true, true], [true, true], [true, true], [false, false]]);
    expect(JSON.stringify(byQuick.result())).toBe(JSON.stringify(byReport.result()));
  });
});
