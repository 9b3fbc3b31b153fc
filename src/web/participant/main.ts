/// <reference lib="dom" />
import '../polyfills.js';
import { applyConditions, buildReport, decodeReport, translator, validateAnswers, type AnswerValue, type Bank, type Report, type Translate } from '../../core/index.js';
import { api, stringField } from '../api.js';
import { isBank } from '../decode.js';
import { el, fitToContent, focusHeading, replace } from '../dom.js';
import { browserLanguage, byId, renderLanguageSwitch, setPageLanguage } from '../shell.js';
import { typeset, type WebStrings } from '../strings.js';
import { estimate, nextPosition, previousPosition, sectionId, visibleQuestions } from './flow.js';
import { renderQuestion } from './question-view.js';
import { renderResults } from './results-view.js';
import { renderReview } from './review-view.js';
import { decodeProgress, loadSaved, storeSaved, type Saved } from './state.js';
import { createSync, retryDelay, sendAnswers, type Sync } from './sync.js';
import { renderWelcome } from './welcome-view.js';

/**
 * The participant's page, /j/CODE. One screen at a time: welcome, each question, the review, the
 * results. Progress lives in localStorage (under the join code) and on the server (under an
 * opaque participant token), so a reload, a locked phone, a closed tab or a restarted server
 * loses nothing.
 */

const code = decodeURIComponent(location.pathname.split('/')[2] ?? '').toUpperCase();
const main = byId('main');
const switcher = byId('lang-switch');
const brand = byId('brand');

interface Page {
  bank: Bank;
  lang: string;
  t: Translate;
  s: WebStrings;
  saved: Saved;
  sync: Sync;
  accepting: boolean;
  /** `welcome`, a question id, `review` or `results`. */
  position: string;
  fromReview: boolean;
  report: Report | undefined;
}

let page: Page | undefined;

function show(node: HTMLElement, heading: HTMLElement | undefined): void {
  replace(main, node);
  window.scrollTo(0, 0);
  if (heading !== undefined) focusHeading(heading);
}

function message(text: string, retry?: () => void): void {
  const heading = el('h2', {}, text);
  show(el('section', { class: 'message' }, heading, retry === undefined ? null : el('button', { type: 'button', class: 'primary', onclick: retry }, (page?.s ?? setPageLanguage(browserLanguage(['fr', 'en']) ?? 'fr', document.title)).errors.tryAgain)), heading);
}

/** The bank's texts in a language, typeset for it. */
function pageTranslator(lang: string, bank: Bank): Translate {
  const t = translator(lang, bank.languages[0] ?? lang);
  return (text) => typeset(t(text), lang);
}

function saveProgress(p: Page, answers: Record<string, AnswerValue>, respondent: string): void {
  p.saved.progress = { answers, respondent, lang: p.lang, position: p.position, updatedAt: new Date().toISOString() };
  storeSaved(code, p.saved);
  p.sync.push();
}

// --- screens ---------------------------------------------------------------------------------

function answersOf(p: Page): Record<string, AnswerValue> {
  return { ...p.saved.progress?.answers };
}

function sectionTitle(p: Page, section: string): string {
  if (section === '#profile') return p.s.question.profile;
  if (section === '#other') return p.s.question.other;
  return p.t(p.bank.dimensions.find((d) => d.id === section)?.title) || section;
}

function go(p: Page, position: string, fromReview = p.fromReview): void {
  p.position = position;
  p.fromReview = position === 'review' ? false : fromReview;
  if (p.saved.progress !== undefined && position !== 'results') saveProgress(p, answersOf(p), p.saved.progress.respondent);
  render(p);
}

function renderWelcomeScreen(p: Page): void {
  const given = Object.keys(p.saved.progress?.answers ?? {}).length;
  const { node, heading } = renderWelcome({
    bank: p.bank,
    t: p.t,
    s: p.s,
    estimate: estimate(p.bank, p.lang),
    accepting: p.accepting,
    given,
    respondent: p.saved.progress?.respondent ?? '',
    onStart: (fresh, respondent) => {
      const answers = fresh ? {} : answersOf(p);
      const target = fresh || given === 0 ? (visibleQuestions(p.bank, answers)[0]?.id ?? 'review') : nextResume(p);
      saveProgress(p, answers, respondent);
      go(p, target, false);
    },
  });
  show(node, heading);
}

/** Where a resumed participant goes: the saved position while it is still asked, else the first unanswered. */
function nextResume(p: Page): string {
  const answers = answersOf(p);
  const saved = p.saved.progress?.position;
  const list = visibleQuestions(p.bank, answers);
  if (saved === 'review' || (saved !== undefined && list.some((q) => q.id === saved))) return saved;
  return list.find((q) => !Object.hasOwn(answers, q.id))?.id ?? 'review';
}

function renderQuestionScreen(p: Page, id: string): void {
  const question = p.bank.questions.find((q) => q.id === id);
  const answers = answersOf(p);
  const list = visibleQuestions(p.bank, answers);
  const index = list.findIndex((q) => q.id === id);
  if (question === undefined || index < 0) return go(p, nextResume(p));
  const respondent = p.saved.progress?.respondent ?? '';
  const { node, heading } = renderQuestion({
    question,
    answer: Object.hasOwn(answers, id) ? answers[id] : undefined,
    index: index + 1,
    total: list.length,
    section: sectionTitle(p, sectionId(question)),
    t: p.t,
    s: p.s,
    fromReview: p.fromReview,
    onChange: (value) => {
      const now = answersOf(p);
      if (value === undefined) delete now[id];
      else now[id] = value;
      saveProgress(p, now, respondent);
      // The count changes live when this answer reveals or hides later questions.
      const total = visibleQuestions(p.bank, now).length;
      const line = main.querySelector('.progress-line');
      const bar = main.querySelector('progress');
      if (line !== null) line.textContent = `${p.s.question.progress(index + 1, total)} · ${sectionTitle(p, sectionId(question))}`;
      if (bar !== null) {
        bar.max = total;
        bar.setAttribute('aria-label', p.s.question.progress(index + 1, total));
      }
    },
    onNext: (value) => {
      const now = { ...answersOf(p), [id]: value };
      saveProgress(p, now, respondent);
      go(p, nextPosition(p.bank, now, id, p.fromReview));
    },
    onBack: () => go(p, p.fromReview ? 'review' : previousPosition(p.bank, answersOf(p), id)),
  });
  show(node, heading);
}

function renderReviewScreen(p: Page): void {
  const answers = answersOf(p);
  const missing = visibleQuestions(p.bank, answers).find((q) => !Object.hasOwn(answers, q.id));
  if (missing !== undefined) return go(p, missing.id, true);
  const screen = renderReview({
    questions: visibleQuestions(p.bank, answers).map((question) => ({ question, answer: answers[question.id] })),
    t: p.t,
    s: p.s,
    onChange: (id) => go(p, id, true),
    onBack: () => go(p, previousPosition(p.bank, answers, 'review'), false),
    onFinish: () => void submit(p, screen.status, screen.finish),
  });
  show(screen.node, screen.heading);
}

function renderResultsScreen(p: Page): void {
  if (p.report === undefined) return go(p, 'review');
  const params = p.sync.params();
  const url = (format: string) => `/api/report?${new URLSearchParams({ ...params, format }).toString()}`;
  // The report's texts are in the language it was made in; shown in another, it is rebuilt by the core.
  const report =
    p.report.lang === p.lang
      ? p.report
      : buildReport(p.bank, { answers: { ...p.report.profile, ...p.report.answers }, ...(p.report.respondent === null ? {} : { respondent: p.report.respondent }) }, { lang: p.lang, createdAt: p.report.createdAt, tool: p.report.tool });
  const { node, heading } = renderResults({ report, s: p.s, htmlUrl: url('html'), jsonUrl: url('json') });
  show(node, heading);
  const radar = main.querySelector('svg.radar');
  if (radar instanceof SVGSVGElement) fitToContent(radar);
}

function render(p: Page): void {
  p.s = setPageLanguage(p.lang, p.t(p.bank.title));
  brand.textContent = p.s.appName;
  renderLanguageSwitch(switcher, p.bank.languages, p.lang, (lang) => {
    p.lang = lang;
    p.t = pageTranslator(lang, p.bank);
    if (p.saved.progress !== undefined) p.saved.progress.lang = lang;
    storeSaved(code, p.saved);
    const focused = document.activeElement?.getAttribute('lang');
    render(p);
    // Keep the keyboard where it was: on the language switch.
    if (focused) switcher.querySelector<HTMLElement>(`button[lang="${focused}"]`)?.focus();
  });
  if (p.position === 'welcome') renderWelcomeScreen(p);
  else if (p.position === 'review') renderReviewScreen(p);
  else if (p.position === 'results') renderResultsScreen(p);
  else renderQuestionScreen(p, p.position);
}

// --- submission ------------------------------------------------------------------------------

let retryTimer: number | undefined;

async function submit(p: Page, status: HTMLElement, button: HTMLButtonElement, attempt = 0): Promise<void> {
  window.clearTimeout(retryTimer);
  const respondent = p.saved.progress?.respondent;
  const file = { bank: p.bank.id, lang: p.lang, ...(respondent ? { respondent } : {}), answers: applyConditions(p.bank, answersOf(p)).answers };
  // The core checks the answers here first, as the server will: a refusal is explained before anything is sent.
  const checked = validateAnswers(p.bank, file);
  const refused = (lines: string[]) => replace(status, el('p', { class: 'error' }, p.s.errors.refused), el('ul', {}, ...lines.map((line) => el('li', {}, line))));
  if (!checked.ok) return refused(checked.errors.map((e) => e.message));
  button.disabled = true;
  replace(status, el('p', {}, p.s.review.sending));
  const sent = await sendAnswers(p.sync, file);
  button.disabled = false;
  switch (sent.kind) {
    case 'done':
      p.saved.report = sent.raw;
      storeSaved(code, p.saved);
      p.report = sent.report;
      p.sync.stop();
      return go(p, 'results');
    case 'refused':
      return refused(sent.problems);
    case 'closed':
      return replace(status, el('p', { class: 'error' }, p.s.errors.closed));
    case 'bad-code':
      return replace(status, el('p', { class: 'error' }, p.s.errors.badCode));
    case 'unexpected':
      return replace(status, el('p', { class: 'error' }, p.s.errors.unexpected(sent.status)));
    case 'retry': {
      // Unreachable or busy: keep the answers, say so, and try again with a growing delay.
      const seconds = retryDelay(attempt);
      replace(status, el('p', { class: 'notice' }, p.s.review.retrying(seconds)), el('button', { type: 'button', class: 'secondary', onclick: () => void submit(p, status, button, 0) }, p.s.review.retryNow));
      retryTimer = window.setTimeout(() => void submit(p, status, button, attempt + 1), seconds * 1000);
    }
  }
}

// --- start -----------------------------------------------------------------------------------

async function restoredReport(saved: Saved): Promise<{ report: Report; raw: unknown } | undefined> {
  const local = saved.report === undefined ? undefined : decodeReport(saved.report);
  if (local?.ok) return { report: local.value, raw: saved.report };
  if (saved.participant === undefined) return undefined;
  // Submitted from this browser, but the tab closed before the report was kept: the server has it.
  const remote = await api('GET', '/api/report', { code, participant: saved.participant, format: 'json' });
  const decoded = remote.ok ? decodeReport(remote.body) : undefined;
  return decoded?.ok ? { report: decoded.value, raw: remote.body } : undefined;
}

async function start(): Promise<void> {
  if (!/^[A-Z0-9]{4,12}$/.test(code)) {
    message(setPageLanguage(browserLanguage(['fr', 'en']) ?? 'fr', 'diag').errors.badCode);
    return;
  }
  const [sessionResult, bankResult] = await Promise.all([api('GET', '/api/session', { code }), api('GET', '/api/bank', { code })]);
  const fallback = setPageLanguage(browserLanguage(['fr', 'en']) ?? 'fr', 'diag');
  if (sessionResult.status === 403 || bankResult.status === 403 || sessionResult.status === 404) return message(fallback.errors.badCode);
  if (!bankResult.ok || !isBank(bankResult.body)) return message(fallback.errors.unreachable, () => void start());
  const bank = bankResult.body;
  const saved = loadSaved(code);
  // This browser's copy is never older than what it sent; the server's is for when it was wiped.
  if (saved.participant !== undefined && saved.report === undefined && saved.progress === undefined) {
    const remote = await api('GET', '/api/progress', { code, participant: saved.participant });
    const progress = remote.ok ? decodeProgress(remote.body) : undefined;
    if (progress !== undefined) saved.progress = progress;
  }
  const restored = await restoredReport(saved);
  if (restored !== undefined) saved.report = restored.raw;
  storeSaved(code, saved);
  const sessionLang = stringField(sessionResult.body, 'lang');
  const savedLang = saved.progress?.lang;
  const lang = (savedLang && bank.languages.includes(savedLang) ? savedLang : undefined) ?? browserLanguage(bank.languages) ?? (sessionLang && bank.languages.includes(sessionLang) ? sessionLang : undefined) ?? bank.languages[0] ?? 'fr';
  const accepting = !(typeof sessionResult.body === 'object' && sessionResult.body !== null && 'accepting' in sessionResult.body && sessionResult.body.accepting === false);
  const sync = createSync(code, saved);
  page = {
    bank,
    lang,
    t: pageTranslator(lang, bank),
    s: fallback,
    saved,
    sync,
    accepting,
    position: 'welcome',
    fromReview: false,
    report: restored?.report,
  };
  if (restored !== undefined) page.position = 'results';
  else if (saved.progress !== undefined && saved.progress.position !== 'welcome') page.position = nextResume(page);
  render(page);
  if (restored === undefined) {
    // The tab may have closed before the last answer reached the server: send it again.
    if (saved.progress !== undefined) sync.push(0);
    else void sync.ensureJoined();
    // A locked phone or a closed tab: what waits is sent at once.
    const flush = () => {
      if (sync.pending()) sync.push(0, true);
    };
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    window.addEventListener('pagehide', flush);
  }
}

void start();
