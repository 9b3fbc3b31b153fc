/**
 * The quick way a group aggregate reads a clean answer record (src/core/respondent.ts) against the
 * straightforward one (validateAnswers, buildReport, readRespondent), on generated banks and on
 * answer files generated valid, then damaged at random: the quick way must decline exactly what
 * validation warns about or refuses, and give the same respondent, and the same aggregate, for the rest.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readRespondent, type Respondent } from '../../src/core/aggregate-group.js';
import { buildReport, createAggregator, isReport, validateAnswers, validateBank, type Bank } from '../../src/core/index.js';
import { quickRespondent } from '../../src/core/respondent.js';
import { answerFileArb, rawBankArb, type BankOptions, type RawAnswerFile } from './generators.js';

const SEED = 1616;
const RUNS = 150;
const context = { lang: 'en', createdAt: '', tool: { name: 'diag', version: 'test' }, scoresOnly: true };

function bankOf(raw: unknown): Bank {
  const result = validateBank(raw);
  if (!result.ok) throw new Error(`generated bank refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** A value an answer may be damaged with: right for some questions, wrong for others. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant('n/a'),
  fc.integer({ min: -2, max: 10 }),
  fc.double(),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: 0, max: 5 })), { maxLength: 3 }),
  fc.constant({ x: 1 }),
);

/** One damage to an answer file, as data (so that counterexamples print and shrink). */
type Damage =
  | { kind: 'set'; question: number; value: unknown }
  | { kind: 'option'; question: number; text: boolean }
  | { kind: 'delete'; question: number }
  | { kind: 'unknown'; value: unknown }
  | { kind: 'top'; key: string; value: unknown };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), question: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('option' as const), question: fc.nat(), text: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), question: fc.nat() }),
  fc.record({ kind: fc.constant('unknown' as const), value: anyValue }),
  fc.record({
    kind: fc.constant('top' as const),
    key: fc.constantFrom('extra', 'bank', 'bankVersion', 'lang', 'respondent', 'createdAt', 'answers', 'schemaVersion', 'scores', '$schema'),
    value: fc.oneof(anyValue, fc.constantFrom('en', 'fr', 'de', '1.0.0', '2.0.0', 'mini')),
  }),
);

function damaged(bank: Bank, file: RawAnswerFile, damages: readonly Damage[]): unknown {
  const record: Record<string, unknown> = { ...file, answers: { ...file.answers } };
  for (const damage of damages) {
    const answers = record.answers;
    if (damage.kind === 'top') {
      record[damage.key] = damage.value;
      continue;
    }
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) continue;
    const target = answers as Record<string, unknown>;
    const question = bank.questions[damage.kind === 'unknown' ? 0 : damage.question % bank.questions.length];
    if (question === undefined) continue;
    if (damage.kind === 'set') target[question.id] = damage.value;
    else if (damage.kind === 'delete') delete target[question.id];
    else if (damage.kind === 'unknown') target[`${question.id}x`] = damage.value;
    else if ('options' in question && question.options.length > 0) {
      // An option's value, as the bank spells it or as text (`"1"` for 1).
      const value = question.options[damage.question % question.options.length]?.value;
      target[question.id] = damage.text ? String(value) : value;
    }
  }
  return record;
}

const plain = (r: Respondent) => ({ name: r.name, overall: { score: r.overall.score, level: r.overall.level }, dimensions: r.dimensions.map((d) => ({ id: d.id, score: d.score, level: d.level })), answers: [...r.answers] });

/** The straightforward respondent, or why there is none. */
function fullRespondent(bank: Bank, input: unknown): Respondent | 'declined' {
  const result = validateAnswers(bank, input);
  if (!result.ok || result.warnings.length > 0 || isReport(input)) return 'declined';
  return readRespondent(bank, buildReport(bank, result.value, context));
}

function scenarios(options: BankOptions) {
  return rawBankArb(options).chain((raw) => {
    const bank = bankOf(raw);
    const record = fc.tuple(answerFileArb(bank), fc.array(damageArb, { maxLength: 3 }), fc.nat(9)).map(([file, damages, roll]) => (roll < 4 ? file : damaged(bank, file, damages)));
    return fc.record({ bank: fc.constant(bank), records: fc.array(record, { minLength: 1, maxLength: 10 }), byPicks: fc.array(fc.nat(), { maxLength: 2 }), minGroup: fc.integer({ min: 1, max: 3 }) });
  });
}

describe('quickRespondent against validate + report + readRespondent', () => {
  for (const [name, options] of [
    ['ordinary banks', {}],
    ['extreme numbers', { extreme: true }],
  ] as const) {
    it(`gives the same respondent for a clean record and declines any other (${name})`, () => {
      let quick = 0;
      let declined = 0;
      fc.assert(
        fc.property(scenarios(options), ({ bank, records }) => {
          for (const record of records) {
            const full = fullRespondent(bank, record);
            const fast = quickRespondent(bank, record);
            if (full === 'declined') {
              expect(fast).toBeUndefined();
              declined += 1;
            } else {
              expect(fast).toBeDefined();
              expect(plain(fast as Respondent)).toEqual(plain(full));
              quick += 1;
            }
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // Both sides were exercised, not one of them alone.
      expect(quick).toBeGreaterThan(100);
      expect(declined).toBeGreaterThan(100);
    });
  }

  it('gives the same aggregate, byte for byte, as adding the reports (with duplicates and --by)', () => {
    fc.assert(
      fc.property(scenarios({}), ({ bank, records, byPicks, minGroup }) => {
        const eligible = bank.questions.filter((q) => q.type === 'single' || q.type === 'multiple' || q.type === 'boolean').map((q) => q.id);
        const by = eligible.length === 0 ? [] : [...new Set(byPicks.map((i) => eligible[i % eligible.length] as string))];
        const byReport = createAggregator(bank, { by, minGroup });
        const byQuick = createAggregator(bank, { by, minGroup });
        // Each record twice: the second is a duplicate when it names its respondent.
        for (const record of [...records, ...records]) {
          const result = validateAnswers(bank, record);
          if (!result.ok) continue;
          const report = buildReport(bank, result.value, context);
          const counted = byReport.add(report);
          expect(byQuick.addRespondent(quickRespondent(bank, record) ?? readRespondent(bank, report))).toBe(counted);
        }
        expect(JSON.stringify(byQuick.result())).toBe(JSON.stringify(byReport.result()));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
