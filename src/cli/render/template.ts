import type { Bank, Question } from '../../core/index.js';
import { NOT_APPLICABLE, notApplicableText, translator, type Translate } from '../../core/index.js';
import { ui } from '../i18n.js';
import { describeCondition } from './condition-text.js';
import { safeText } from './terminal.js';

const comment = (text: string, indent = '  '): string =>
  safeText(text)
    .split('\n')
    .map((line) => `${indent}# ${line}`.trimEnd())
    .join('\n');

function allowed(question: Question, t: Translate, lang: string): string[] {
  const s = ui(lang).template;
  switch (question.type) {
    case 'likert':
      return [question.options.map((o) => `${o.value} = ${t(o.label)}`).join(' · ')];
    case 'single':
    case 'multiple':
      return [
        `${question.type === 'single' ? s.oneOf : s.listOf}:`,
        ...question.options.map((o) => `  ${JSON.stringify(o.value)}${t(o.label) === String(o.value) ? '' : ` — ${t(o.label)}`}`),
      ];
    case 'boolean':
      return [s.boolean];
    case 'number':
      return [s.number(question.min !== undefined && question.max !== undefined ? s.range(question.min, question.max) : '')];
    case 'text':
      return [s.text];
  }
}

/**
 * A blank answer file for a bank: every question by id, with its text, its allowed values and its
 * condition as comments. Filled in, `diag score` accepts it.
 */
export function renderTemplate(bank: Bank, lang: string): string {
  const t = translator(lang, bank.languages[0] ?? lang);
  const s = ui(lang).template;
  const out: string[] = [
    `# ${s.title(safeText(t(bank.title)))}`,
    `# ${s.howTo}`,
    `bank: ${bank.id}`,
    // Lets a later version of the bank recognise a file written for this one.
    `bankVersion: ${JSON.stringify(bank.version)}`,
    `lang: ${lang}`,
    `# respondent: "…"   # ${s.respondent}`,
    'answers:',
  ];
  let group: string | undefined;
  for (const question of bank.questions) {
    const heading = question.profile ? s.profile : question.dimension === undefined ? s.unscored : t(bank.dimensions.find((d) => d.id === question.dimension)?.title);
    if (heading !== group) {
      out.push('', comment(`── ${heading} ──`));
      group = heading;
    }
    out.push(comment(t(question.text)));
    if (question.help !== undefined) out.push(comment(`(${t(question.help)})`));
    for (const line of allowed(question, t, lang)) out.push(comment(line));
    const na = notApplicableText(question);
    if (na !== undefined) out.push(comment(`${NOT_APPLICABLE} = ${t(na)}`));
    if (!question.required) out.push(comment(s.optional));
    if (question.when !== undefined) out.push(comment(`${s.onlyIf}: ${describeCondition(question.when, ui(lang).condition)}`));
    out.push(`  ${question.id}:`);
  }
  return `${out.join('\n')}\n`;
}
