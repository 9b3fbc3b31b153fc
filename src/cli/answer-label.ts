import { isNotApplicable, notApplicableText, sameScalar, type AnswerValue, type Question, type Text } from '../core/index.js';
import type { UiStrings } from './i18n.js';
import { safeText } from './render/terminal.js';

/** An answer as a person reads it: the option's label, Yes/No, or "(skipped)". */
export function answerLabel(question: Question, answer: AnswerValue, context: { t: (text: Text | undefined) => string; s: UiStrings }): string {
  const { t, s } = context;
  if (answer === null) return s.run.skipped;
  if (isNotApplicable(question, answer)) return safeText(t(notApplicableText(question)));
  if (question.type === 'boolean') return answer === true ? s.run.yes : s.run.no;
  if (question.type === 'likert' || question.type === 'single' || question.type === 'multiple') {
    const values = Array.isArray(answer) ? answer : [answer];
    if (values.length === 0) return s.run.none;
    const options: ReadonlyArray<{ value: string | number; label: Text }> = question.options;
    return values.map((v) => safeText(t(options.find((o) => sameScalar(o.value, v))?.label ?? String(v)))).join(', ');
  }
  return safeText(String(answer));
}
