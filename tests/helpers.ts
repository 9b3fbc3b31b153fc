import { buildReport, validateAnswers, validateBank, type AnswerValue, type Bank, type Report } from '../src/core/index.js';

/** A bank from a literal, or a test failure listing why it is invalid. */
export function bankFrom(raw: unknown): Bank {
  const result = validateBank(raw);
  if (!result.ok) throw new Error(`invalid test bank:\n${result.errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('\n')}`);
  return result.value;
}

export const agree5 = {
  options: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
};

/** A minimal valid bank, to be extended by spreading. */
export function miniBank(parts: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'mini',
    version: '1.0.0',
    languages: ['en'],
    title: 'Mini',
    scales: { agree5 },
    dimensions: [{ id: 'a', title: 'A' }],
    levels: [
      { id: 'low', min: 0, label: 'Low' },
      { id: 'mid', min: 40, label: 'Mid' },
      { id: 'high', min: 60, label: 'High' },
    ],
    questions: [{ id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' }],
    ...parts,
  };
}

/** The report of literal answers, built at a fixed date, or a test failure listing why the answers are refused. */
export function reportFrom(target: Bank, answers: Record<string, AnswerValue>): Report {
  const checked = validateAnswers(target, { answers });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return buildReport(target, checked.value, { lang: 'en', createdAt: '2026-01-01T00:00:00.000Z', tool: { name: 'diag', version: 'test' } });
}
