import type { AnswerValue } from '../../core/index.js';
import type { Finding, LintResult, PathTime } from '../../core/lint/index.js';
import { authorUi, ui } from '../i18n.js';
import { mdCodeCell, mdEscape } from './markdown.js';
import { safeText } from './terminal.js';

import type { LintFormat } from './formats.js';
import type { Lazy, Renderer } from './types.js';

export type { LintFormat };

/** A finding with its place in the bank file, as the CLI found it. */
export interface LocatedFinding extends Finding {
  file: string;
  line?: number;
  col?: number;
}

export interface LintView {
  file: string;
  lang: string;
  result: LintResult;
  findings: LocatedFinding[];
}

/** The finding in the reader's language, from its code and figures (the core's message is English). */
function sentence(view: LintView, f: LocatedFinding): string {
  const data: Record<string, string> = { id: f.id };
  for (const [key, value] of Object.entries(f.data ?? {})) data[key] = Array.isArray(value) ? value.join(', ') : String(value);
  return authorUi(view.lang).lint.messages[f.code](data);
}

function where(f: LocatedFinding): string {
  return f.line === undefined ? f.file : `${f.file}:${f.line}:${f.col ?? 1}`;
}

function pathLabel(view: LintView, time: PathTime): string {
  const a = authorUi(view.lang).lint;
  if (time.profile.length === 0) return a.everyone;
  const value = (v: AnswerValue): string => (v === null ? a.skipped : v === true ? a.yes : v === false ? a.no : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
  return time.profile.map(([id, v]) => `${id} = ${value(v)}`).join(', ');
}

function timeCells(view: LintView, time: PathTime): { questions: string; time: string } {
  const a = authorUi(view.lang).lint;
  return { questions: a.range(String(time.questions.min), String(time.questions.max)), time: a.range(a.duration(time.seconds.min), a.duration(time.seconds.max)) };
}

/** Paths listed in text and Markdown; past that, the shortest and the longest (JSON has all). */
const SHOWN_PATHS = 20;

function shownTimes(view: LintView): { times: PathTime[]; hidden: number } {
  const all = view.result.times;
  if (all.length <= SHOWN_PATHS) return { times: all, hidden: 0 };
  const sorted = [...all].sort((a, b) => a.seconds.min - b.seconds.min || a.seconds.max - b.seconds.max);
  const half = SHOWN_PATHS / 2;
  return { times: [...sorted.slice(0, half), ...sorted.slice(-half)], hidden: all.length - SHOWN_PATHS };
}

export function renderLintText(view: LintView): string {
  const a = authorUi(view.lang).lint;
  const { result } = view;
  const out = [a.title(safeText(view.file), result.bank.id, result.bank.version), a.simulated(result.simulated, result.paths, result.seed)];
  if (result.truncated) out.push(a.truncated(result.paths));
  out.push('');
  for (const f of view.findings) out.push(`${safeText(where(f))}: ${f.code}: ${safeText(sentence(view, f))}`);
  out.push(view.findings.length === 0 ? a.none : a.count(view.findings.length), '');
  out.push(a.timeTitle(result.timing.wordsPerMinute, result.timing.secondsPerAnswer, result.timing.lang));
  const { times, hidden } = shownTimes(view);
  for (const time of times) {
    const cells = timeCells(view, time);
    out.push(`  ${safeText(pathLabel(view, time))}${ui(view.lang).colon}${cells.questions} ${a.questions.toLowerCase()}, ${cells.time}`);
  }
  if (hidden > 0) out.push(`  ${a.morePaths(hidden)}`);
  return out.join('\n');
}

export function renderLintMarkdown(view: LintView): string {
  const a = authorUi(view.lang).lint;
  const { result } = view;
  const lines = [`## ${mdEscape(a.title(view.file, result.bank.id, result.bank.version))}`, '', a.simulated(result.simulated, result.paths, result.seed)];
  if (result.truncated) lines.push('', `> ${a.truncated(result.paths)}`);
  lines.push('', `### ${a.count(view.findings.length)}`, '');
  if (view.findings.length === 0) lines.push(a.none);
  else {
    lines.push(`| ${a.code} | ${a.where} | ${a.finding} |`, '| --- | --- | --- |');
    for (const f of view.findings) lines.push(`| \`${f.code}\` | ${mdCodeCell(where(f))} | ${mdEscape(sentence(view, f))} |`);
  }
  lines.push('', `### ${a.time}`, '', mdEscape(a.timeTitle(result.timing.wordsPerMinute, result.timing.secondsPerAnswer, result.timing.lang)), '', `| ${a.path} | ${a.questions} | ${a.time} |`, '| --- | ---: | ---: |');
  const { times, hidden } = shownTimes(view);
  for (const time of times) {
    const cells = timeCells(view, time);
    lines.push(`| ${mdEscape(pathLabel(view, time))} | ${cells.questions} | ${cells.time} |`);
  }
  if (hidden > 0) lines.push('', a.morePaths(hidden));
  return `${lines.join('\n')}\n`;
}

/** JSON: the lint result with each finding's file, line and column. */
export function renderLintJson(view: LintView): string {
  return JSON.stringify({ file: view.file, ...view.result, findings: view.findings }, null, 2);
}

/** `diag lint`'s renderers, one per format. */
export const lintRenderers = {
  text: async (): Promise<Renderer<LintView>> => renderLintText,
  json: async (): Promise<Renderer<LintView>> => renderLintJson,
  markdown: async (): Promise<Renderer<LintView>> => renderLintMarkdown,
} satisfies Record<LintFormat, Lazy<Renderer<LintView>>>;
