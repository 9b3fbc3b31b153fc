/// <reference lib="dom" />
import { NOT_APPLICABLE, sameScalar, type AnswerValue, type Question, type Scalar, type Text } from '../../core/index.js';
import { el, type Child } from '../dom.js';
import type { WebStrings } from '../strings.js';

export interface QuestionScreen {
  question: Question;
  /** The answer given before, if any (undefined: never answered). */
  answer: AnswerValue | undefined;
  index: number;
  total: number;
  section: string;
  t: (text: Text | undefined) => string;
  s: WebStrings;
  fromReview: boolean;
  /** A choice changed: the answer so far (undefined: nothing chosen), so conditions apply at once. */
  onChange: (value: AnswerValue | undefined) => void;
  onNext: (value: AnswerValue) => void;
  onBack: () => void;
}

/** The wording of a question's "does not apply" answer, or undefined when it has none (SPEC section 9). */
export function notApplicableLabel(question: Question, t: (text: Text | undefined) => string, s: WebStrings): string | undefined {
  const na = question.notApplicable;
  // A text answer is free: SPEC section 9 offers "does not apply" on every other type.
  if (na === undefined || question.type === 'text') return undefined;
  return na === true ? s.question.notApplicable : t(na) || s.question.notApplicable;
}

interface Choice {
  value: Scalar;
  label: string;
}

function choicesOf(question: Question, t: (text: Text | undefined) => string, s: WebStrings): Choice[] {
  switch (question.type) {
    case 'likert':
    case 'single':
    case 'multiple':
      return question.options.map((o: { value: Scalar; label: Text }) => ({ value: o.value, label: t(o.label) }));
    case 'boolean':
      return [
        { value: true, label: s.question.yes },
        { value: false, label: s.question.no },
      ];
    default:
      return [];
  }
}

function optionRow(type: 'radio' | 'checkbox', id: string, name: string, label: string, checked: boolean, extraClass = ''): HTMLElement {
  const input = el('input', { type, id, name, checked, class: 'choice-input' });
  return el('div', { class: `choice ${extraClass}`.trim() }, input, el('label', { for: id }, label));
}

/** One question per screen: a fieldset whose legend is the question, big tap targets, Back / Skip / Next. */
export function renderQuestion(screen: QuestionScreen): { node: HTMLElement; heading: HTMLElement } {
  const { question, answer, s, t } = screen;
  const heading = el('h2', { id: 'question-text', class: 'question-text' }, t(question.text));
  const naLabel = notApplicableLabel(question, t, s);
  const help = t(question.help);
  const describedBy = [help ? 'question-help' : '', 'question-error'].filter(Boolean).join(' ');
  const error = el('p', { id: 'question-error', class: 'error', role: 'alert' });
  const fieldset = el('fieldset', { 'aria-describedby': describedBy }, el('legend', {}, heading));
  if (help) fieldset.appendChild(el('p', { id: 'question-help', class: 'help' }, help));
  if (!question.required) fieldset.appendChild(el('p', { class: 'optional' }, s.question.optional));

  const choices = choicesOf(question, t, s);
  const isNa = answer === NOT_APPLICABLE;
  /** Reads what is on screen: a value, undefined (nothing given), or an error message. */
  let read: () => { value: AnswerValue | undefined } | { error: string };

  if (question.type === 'multiple') {
    const chosen = Array.isArray(answer) ? answer : [];
    const rows = choices.map((c, i) => optionRow('checkbox', `choice-${i}`, 'choice', c.label, chosen.some((v) => sameScalar(v, c.value))));
    fieldset.appendChild(el('p', { class: 'hint' }, s.question.multipleHint));
    fieldset.appendChild(el('div', { class: 'choices' }, ...rows));
    const boxes = rows.map((r) => r.querySelector('input')).filter((x): x is HTMLInputElement => x !== null);
    let naBox: HTMLInputElement | null = null;
    if (naLabel !== undefined) {
      const row = optionRow('checkbox', 'choice-na', 'choice-na', naLabel, isNa, 'not-applicable');
      naBox = row.querySelector('input');
      fieldset.appendChild(el('div', { class: 'choices na-group' }, row));
    }
    read = () => {
      if (naBox?.checked) return { value: NOT_APPLICABLE };
      const values = choices.filter((_, i) => boxes[i]?.checked).map((c) => c.value);
      // An empty list is an answer ("none of these"), as in the terminal; a required question still takes it.
      return { value: values };
    };
    // "Does not apply" and the options exclude each other.
    naBox?.addEventListener('change', () => {
      if (naBox?.checked) for (const b of boxes) b.checked = false;
    });
    for (const b of boxes) {
      b.addEventListener('change', () => {
        if (b.checked && naBox) naBox.checked = false;
      });
    }
  } else if (choices.length > 0) {
    const rows = choices.map((c, i) => optionRow('radio', `choice-${i}`, 'choice', c.label, answer !== undefined && answer !== null && !Array.isArray(answer) && sameScalar(answer, c.value)));
    fieldset.appendChild(el('div', { class: 'choices' }, ...rows));
    if (naLabel !== undefined) fieldset.appendChild(el('div', { class: 'choices na-group' }, optionRow('radio', 'choice-na', 'choice', naLabel, isNa, 'not-applicable')));
    read = () => {
      const checked = fieldset.querySelector<HTMLInputElement>('input[name="choice"]:checked');
      if (checked === null) return { value: undefined };
      if (checked.id === 'choice-na') return { value: NOT_APPLICABLE };
      const index = Number(checked.id.slice('choice-'.length));
      return { value: choices[index]?.value };
    };
  } else {
    const isNumber = question.type === 'number';
    const field = isNumber
      ? el('input', { id: 'answer', type: 'number', inputmode: 'decimal', step: 'any', class: 'answer-input', min: question.type === 'number' ? question.min : undefined, max: question.type === 'number' ? question.max : undefined, value: typeof answer === 'number' ? answer : undefined })
      : el('textarea', { id: 'answer', rows: 5, class: 'answer-input', maxlength: 20000 });
    if (!isNumber && typeof answer === 'string' && answer !== NOT_APPLICABLE) field.value = answer;
    const hint = question.type === 'number' && question.min !== undefined && question.max !== undefined ? s.question.numberHint(question.min, question.max) : undefined;
    fieldset.appendChild(el('label', { for: 'answer', class: 'answer-label' }, isNumber ? s.question.numberLabel : s.question.textLabel));
    if (hint !== undefined) fieldset.appendChild(el('p', { class: 'hint', id: 'answer-hint' }, hint));
    if (hint !== undefined) field.setAttribute('aria-describedby', 'answer-hint');
    fieldset.appendChild(field);
    let naBox: HTMLInputElement | null = null;
    if (naLabel !== undefined) {
      const row = optionRow('checkbox', 'choice-na', 'choice-na', naLabel, isNa, 'not-applicable');
      naBox = row.querySelector('input');
      fieldset.appendChild(el('div', { class: 'choices na-group' }, row));
      const sync = () => {
        field.disabled = naBox?.checked === true;
      };
      naBox?.addEventListener('change', sync);
      sync();
    }
    read = () => {
      if (naBox?.checked) return { value: NOT_APPLICABLE };
      const raw = field.value.trim();
      if (raw === '') return { value: undefined };
      if (!isNumber) return { value: field.value };
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) return { error: s.question.notANumber };
      if (question.type === 'number' && ((question.min !== undefined && n < question.min) || (question.max !== undefined && n > question.max))) {
        return { error: s.question.outOfRange(question.min ?? n, question.max ?? n) };
      }
      return { value: n };
    };
  }

  if (choices.length > 0 || naLabel !== undefined) {
    fieldset.addEventListener('change', () => {
      const now = read();
      if ('value' in now) {
        error.textContent = '';
        screen.onChange(now.value);
      }
    });
  }

  const next = () => {
    const now = read();
    if ('error' in now) {
      error.textContent = now.error;
      return;
    }
    if (now.value === undefined) {
      if (question.required) {
        error.textContent = choices.length > 0 ? s.question.required : s.question.requiredText;
        return;
      }
      screen.onNext(null);
      return;
    }
    screen.onNext(now.value);
  };

  const buttons: Child[] = [el('button', { type: 'button', class: 'secondary', onclick: () => screen.onBack() }, s.question.back)];
  if (!question.required) buttons.push(el('button', { type: 'button', class: 'secondary', onclick: () => screen.onNext(null) }, s.question.skip));
  buttons.push(el('button', { type: 'submit', class: 'primary' }, screen.fromReview ? s.question.toReview : s.question.next));

  const form = el(
    'form',
    {
      class: 'question',
      'data-question': question.id,
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        next();
      },
    },
    el('p', { class: 'progress-line' }, `${s.question.progress(screen.index, screen.total)} · ${screen.section}`),
    el('progress', { max: screen.total, value: Math.max(0, screen.index - 1), 'aria-label': s.question.progress(screen.index, screen.total) }),
    fieldset,
    error,
    el('div', { class: 'nav' }, ...buttons),
  );
  return { node: form, heading };
}
