/// <reference lib="dom" />
import { NOT_APPLICABLE, sameScalar, type AnswerValue, type Question, type Text } from '../../core/index.js';
import { el } from '../dom.js';
import type { WebStrings } from '../strings.js';
import { notApplicableLabel } from './question-view.js';

/** An answer as a person reads it: the option's label, Yes/No, "(skipped)" or "does not apply". */
export function answerText(question: Question, answer: AnswerValue | undefined, t: (text: Text | undefined) => string, s: WebStrings): string {
  if (answer === undefined || answer === null) return s.review.skipped;
  if (answer === NOT_APPLICABLE && question.notApplicable !== undefined) return notApplicableLabel(question, t, s) ?? answer;
  if (question.type === 'boolean') return answer === true ? s.question.yes : s.question.no;
  if (question.type === 'likert' || question.type === 'single' || question.type === 'multiple') {
    const values = Array.isArray(answer) ? answer : [answer];
    if (values.length === 0) return s.review.none;
    const options: ReadonlyArray<{ value: string | number; label: Text }> = question.options;
    return values.map((v) => t(options.find((o) => sameScalar(o.value, v))?.label) || String(v)).join(', ');
  }
  return Array.isArray(answer) ? answer.join(', ') : String(answer);
}

export interface ReviewScreen {
  questions: ReadonlyArray<{ question: Question; answer: AnswerValue | undefined }>;
  t: (text: Text | undefined) => string;
  s: WebStrings;
  onChange: (id: string) => void;
  onFinish: () => void;
  onBack: () => void;
}

/** Every answer on one page; each one is a button that goes back to its question. */
export function renderReview(screen: ReviewScreen): { node: HTMLElement; heading: HTMLElement; status: HTMLElement; finish: HTMLButtonElement } {
  const { s, t } = screen;
  const heading = el('h2', {}, s.review.title);
  const items = screen.questions.map(({ question, answer }, i) =>
    el(
      'li',
      {},
      el(
        'button',
        { type: 'button', class: 'review-item', 'data-question': question.id, onclick: () => screen.onChange(question.id) },
        el('span', { class: 'review-question' }, `${i + 1}. ${t(question.text)}`),
        el('span', { class: 'review-answer' }, answerText(question, answer, t, s)),
        el('span', { class: 'review-change' }, s.review.change),
      ),
    ),
  );
  const status = el('div', { class: 'send-status', role: 'status', 'aria-live': 'polite' });
  const finish = el('button', { type: 'button', class: 'primary', onclick: () => screen.onFinish() }, s.review.finish);
  const node = el(
    'section',
    { class: 'review' },
    heading,
    el('p', {}, s.review.intro),
    el('ol', { class: 'review-list' }, ...items),
    status,
    el('div', { class: 'nav' }, el('button', { type: 'button', class: 'secondary', onclick: () => screen.onBack() }, s.question.back), finish),
  );
  return { node, heading, status, finish };
}
