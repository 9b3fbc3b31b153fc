/// <reference lib="dom" />
import '../polyfills.js';
import { translator, type Bank, type Translate } from '../../core/index.js';
import { api, isRecord, numberField, stringField } from '../api.js';
import { isAggregate, isBank } from '../decode.js';
import { el, focusHeading, replace } from '../dom.js';
import { browserLanguage, byId, renderLanguageSwitch, setPageLanguage } from '../shell.js';
import { typeset, type WebStrings } from '../strings.js';
import { renderGroup } from './group-view.js';

/**
 * The trainer's screen, /present?token=TOKEN, for a projector: the QR code and the code to join,
 * the counts, then the group's figures. It polls /api/status every 2 seconds and fetches the group
 * again only when the server's snapshot (`shown`) changes: the server decides when the figures may
 * change (every k more finished), the screen only follows.
 */

const POLL_MS = 2000;
const token = new URLSearchParams(location.search).get('token') ?? '';
const main = byId('main');
const switcher = byId('lang-switch');
const brand = byId('brand');

interface Status {
  joined: number;
  finished: number;
  accepting: boolean;
  shown: number;
  nextAt: number;
  minGroup: number;
  join: string;
  code: string;
}

/** The bank's texts in a language, typeset for it. */
function pageTranslator(lang: string, fallback: string): Translate {
  const t = translator(lang, fallback);
  return (text) => typeset(t(text), lang);
}

function decodeStatus(body: unknown): Status | undefined {
  if (!isRecord(body) || typeof body.finished !== 'number') return undefined;
  return {
    joined: numberField(body, 'joined'),
    finished: numberField(body, 'finished'),
    accepting: body.accepting !== false,
    shown: numberField(body, 'shown'),
    nextAt: numberField(body, 'nextAt'),
    minGroup: numberField(body, 'minGroup', 5),
    join: stringField(body, 'join') ?? '',
    code: stringField(body, 'code') ?? '',
  };
}

interface Screen {
  status: Status;
  bank: Bank | undefined;
  lang: string;
  t: Translate;
  s: WebStrings;
  mode: 'join' | 'results';
  group: unknown;
  /** `shown` of the group on screen, to fetch it again only when the server's snapshot moves. */
  groupShown: number;
  lost: boolean;
}

let screen: Screen | undefined;

const withToken = (path: string) => `${path}?${new URLSearchParams({ token }).toString()}`;

function counts(x: Screen): HTMLElement {
  return el(
    'div',
    { class: 'counts', role: 'status', 'aria-live': 'polite' },
    el('p', { class: 'count' }, el('span', { class: 'count-number', id: 'joined' }, String(x.status.joined)), el('span', { class: 'count-label', id: 'joined-label' }, x.s.present.joined(x.status.joined))),
    el('p', { class: 'count' }, el('span', { class: 'count-number', id: 'finished' }, String(x.status.finished)), el('span', { class: 'count-label', id: 'finished-label' }, x.s.present.finished(x.status.finished))),
  );
}

function actions(x: Screen): HTMLElement {
  const { s } = x;
  const buttons: HTMLElement[] = [
    x.mode === 'join'
      ? el('button', { type: 'button', class: 'primary', id: 'show-results', onclick: () => switchMode(x, 'results') }, s.present.showResults)
      : el('button', { type: 'button', class: 'secondary', id: 'show-join', onclick: () => switchMode(x, 'join') }, s.present.backToJoin),
    x.status.accepting
      ? el('button', { type: 'button', class: 'secondary', id: 'finish', onclick: () => confirmFinish(x) }, s.present.finish)
      : el('button', { type: 'button', class: 'secondary', id: 'reopen', onclick: () => void post(x, '/api/reopen') }, s.present.reopen),
  ];
  if (x.mode === 'results') buttons.push(el('a', { class: 'button secondary', id: 'save-group', href: withToken('/api/group.html'), download: '' }, s.present.save));
  return el('div', { class: 'actions' }, ...buttons);
}

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

function renderJoin(x: Screen): void {
  const { s, status } = x;
  const heading = el('h2', { class: 'join-title' }, s.present.joinAt);
  const node = el(
    'section',
    { class: 'join' },
    el('div', { class: 'qr' }, el('img', { src: withToken('/qr.svg'), alt: s.present.qrAlt(status.join), width: 520, height: 520 })),
    el(
      'div',
      { class: 'join-text' },
      heading,
      el('p', { class: 'join-url', id: 'join-url' }, shortUrl(status.join)),
      el('p', { class: 'join-or' }, s.present.orScan),
      el('p', { class: 'join-code-label' }, s.present.code),
      el('p', { class: 'join-code', id: 'join-code' }, status.code),
      counts(x),
      status.accepting ? null : el('p', { class: 'notice' }, s.present.closed),
      el('p', { class: 'muted' }, s.present.waiting(status.minGroup)),
      actions(x),
    ),
  );
  replace(main, node);
}

function renderResults(x: Screen): void {
  const { s, status } = x;
  const count = numberField(x.group, 'count');
  const heading = el('h2', { class: 'results-title' }, s.present.participants(count));
  const body = el('div', { id: 'group' });
  const aggregate = isAggregate(x.group) ? x.group : undefined;
  // The core marks a whole group smaller than k as `withheld`: its count and nothing else (SPEC section 10).
  const whole = aggregate !== undefined && aggregate.withheld === undefined && count >= status.minGroup;
  if (aggregate !== undefined && x.bank !== undefined && whole) {
    body.appendChild(renderGroup({ aggregate, bank: x.bank, lang: x.lang, t: x.t, s }));
  } else if (status.finished > 0 && status.finished < status.minGroup) {
    // A group smaller than k: its count and nothing else (SPEC section 10).
    body.appendChild(el('p', { class: 'count-only', id: 'count-only' }, s.present.countOnly(status.finished, status.minGroup)));
  } else {
    body.appendChild(el('p', { class: 'count-only', id: 'count-only' }, s.present.waiting(status.minGroup)));
  }
  const more = Math.max(0, status.nextAt - status.finished);
  const node = el(
    'section',
    { class: 'results-view' },
    el(
      'div',
      { class: 'results-head' },
      el('div', {}, heading, el('p', { class: 'muted', id: 'shown' }, `${shortUrl(status.join)} · ${s.present.code} ${status.code}`)),
      counts(x),
    ),
    el('div', { class: 'results-bar' }, status.accepting ? el('p', { class: 'next-update', id: 'next-update' }, s.present.moreNeeded(Math.max(1, more))) : el('p', { class: 'notice' }, s.present.closed), actions(x)),
    body,
  );
  replace(main, node);
}

function render(x: Screen): void {
  x.s = setPageLanguage(x.lang, `${x.bank === undefined ? 'diag' : x.t(x.bank.title)} — ${webTitle(x)}`);
  brand.textContent = x.bank === undefined ? 'diag' : x.t(x.bank.title);
  renderLanguageSwitch(switcher, x.bank?.languages ?? [], x.lang, (lang) => {
    x.lang = lang;
    x.t = pageTranslator(lang, x.bank?.languages[0] ?? lang);
    render(x);
    switcher.querySelector<HTMLElement>(`button[lang="${lang}"]`)?.focus();
  });
  if (x.mode === 'join') renderJoin(x);
  else renderResults(x);
  if (x.lost) main.prepend(el('p', { class: 'notice', role: 'alert' }, x.s.present.connection));
}

function webTitle(x: Screen): string {
  return x.s.present.title;
}

function switchMode(x: Screen, mode: Screen['mode']): void {
  x.mode = mode;
  history.replaceState(null, '', mode === 'results' ? '#results' : '#');
  if (mode === 'results') void refreshGroup(x, true);
  render(x);
  const heading = main.querySelector<HTMLElement>('h2');
  if (heading !== null) focusHeading(heading);
}

async function refreshGroup(x: Screen, force = false): Promise<void> {
  if (!force && x.groupShown === x.status.shown && x.group !== undefined) return;
  const result = await api('GET', '/api/group', { token });
  if (!result.ok) return;
  x.group = result.body;
  x.groupShown = x.status.shown;
  if (x.mode === 'results') render(x);
}

async function post(x: Screen, path: string): Promise<void> {
  const result = await api('POST', path, { token });
  const status = result.ok ? decodeStatus(result.body) : undefined;
  if (status !== undefined) x.status = status;
  await refreshGroup(x, true);
  render(x);
}

function confirmFinish(x: Screen): void {
  const { s } = x;
  // An older browser without <dialog>: its own confirmation box does the same job.
  if (typeof HTMLDialogElement !== 'function') {
    if (window.confirm(s.present.finishConfirm)) void post(x, '/api/finish');
    return;
  }
  const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  dialog.append(
    el('p', { id: 'confirm-text' }, s.present.finishConfirm),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', id: 'confirm-cancel', onclick: close }, s.present.cancel),
      el(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'confirm-finish',
          onclick: () => {
            close();
            void post(x, '/api/finish');
          },
        },
        s.present.finish,
      ),
    ),
  );
  document.body.appendChild(dialog);
  dialog.showModal();
}

/** Only what changed is redrawn, so that the keyboard focus stays on the button the trainer is on. */
function updateCounts(x: Screen, before: Status): void {
  const same = before.accepting === x.status.accepting && before.shown === x.status.shown && before.nextAt === x.status.nextAt;
  if (!same) {
    const focused = document.activeElement?.id;
    render(x);
    if (focused) document.getElementById(focused)?.focus();
    return;
  }
  const joined = document.getElementById('joined');
  const finished = document.getElementById('finished');
  if (joined !== null) joined.textContent = String(x.status.joined);
  if (finished !== null) finished.textContent = String(x.status.finished);
  const joinedLabel = document.getElementById('joined-label');
  const finishedLabel = document.getElementById('finished-label');
  if (joinedLabel !== null) joinedLabel.textContent = x.s.present.joined(x.status.joined);
  if (finishedLabel !== null) finishedLabel.textContent = x.s.present.finished(x.status.finished);
  const next = document.getElementById('next-update');
  if (next !== null) next.textContent = x.s.present.moreNeeded(Math.max(1, x.status.nextAt - x.status.finished));
}

async function poll(): Promise<void> {
  const x = screen;
  if (x === undefined) return;
  const result = await api('GET', '/api/status', { token });
  const status = result.ok ? decodeStatus(result.body) : undefined;
  const lost = status === undefined;
  if (lost !== x.lost) {
    x.lost = lost;
    render(x);
  }
  if (status !== undefined) {
    const before = x.status;
    x.status = status;
    if (x.mode === 'results' && status.shown !== x.groupShown) await refreshGroup(x);
    else updateCounts(x, before);
  }
  window.setTimeout(() => void poll(), POLL_MS);
}

async function start(): Promise<void> {
  const fallbackLang = browserLanguage(['fr', 'en']) ?? 'fr';
  const fallback = setPageLanguage(fallbackLang, 'diag');
  const first = await api('GET', '/api/status', { token });
  const status = first.ok ? decodeStatus(first.body) : undefined;
  if (status === undefined) {
    const heading = el('h2', {}, first.status === 0 ? fallback.errors.unreachable : fallback.present.badToken);
    replace(main, el('section', { class: 'message' }, heading, first.status === 0 ? el('button', { type: 'button', class: 'primary', onclick: () => void start() }, fallback.errors.tryAgain) : null));
    return;
  }
  const [bankResult, sessionResult] = await Promise.all([api('GET', '/api/bank', { code: status.code }), api('GET', '/api/session', { code: status.code })]);
  const bank = bankResult.ok && isBank(bankResult.body) ? bankResult.body : undefined;
  const languages = bank?.languages ?? ['fr', 'en'];
  const sessionLang = stringField(sessionResult.body, 'lang');
  const lang = (sessionLang && languages.includes(sessionLang) ? sessionLang : undefined) ?? browserLanguage(languages) ?? languages[0] ?? 'fr';
  screen = { status, bank, lang, t: pageTranslator(lang, languages[0] ?? lang), s: fallback, mode: location.hash === '#results' ? 'results' : 'join', group: undefined, groupShown: -1, lost: false };
  if (screen.mode === 'results') await refreshGroup(screen, true);
  render(screen);
  window.setTimeout(() => void poll(), POLL_MS);
}

void start();
