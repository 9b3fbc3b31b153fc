/// <reference lib="dom" />
import type { Bank, Translate } from '../../core/index.js';
import { el } from '../dom.js';
import type { WebStrings } from '../strings.js';
import type { Estimate } from './flow.js';

export interface WelcomeScreen {
  bank: Bank;
  t: Translate;
  s: WebStrings;
  estimate: Estimate;
  accepting: boolean;
  /** How many answers this browser already holds (0: a new participant). */
  given: number;
  respondent: string;
  /** Start (fresh: forget the answers given) with the pseudonym typed. */
  onStart: (fresh: boolean, respondent: string) => void;
}

/** Title, description, how many questions and how long, an optional pseudonym, Start or Resume. */
export function renderWelcome(screen: WelcomeScreen): { node: HTMLElement; heading: HTMLElement } {
  const { bank, s, t, estimate: e } = screen;
  const heading = el('h2', {}, t(bank.title));
  const pseudonym = el('input', { id: 'pseudonym', type: 'text', autocomplete: 'nickname', maxlength: 100, 'aria-describedby': 'pseudonym-help', value: screen.respondent });
  const start = (fresh: boolean) => screen.onStart(fresh, pseudonym.value.trim());
  const restart = el(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onclick: () => {
        if (window.confirm(s.welcome.restartConfirm)) start(true);
      },
    },
    s.welcome.restart,
  );
  const actions = screen.given > 0 ? [el('button', { type: 'submit', class: 'primary', id: 'start' }, s.welcome.resume(screen.given)), restart] : [el('button', { type: 'submit', class: 'primary', id: 'start' }, s.welcome.start)];
  const node = el(
    'form',
    {
      class: 'welcome',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        start(false);
      },
    },
    heading,
    bank.description === undefined ? null : el('p', { class: 'description' }, t(bank.description)),
    el('p', { class: 'facts' }, `${s.welcome.questions(e.least, e.most)}, ${s.welcome.minutes(e.minutesLeast, e.minutesMost)}.`),
    screen.accepting ? null : el('p', { class: 'notice' }, s.errors.closed),
    el('label', { for: 'pseudonym' }, s.welcome.pseudonym),
    el('p', { class: 'hint', id: 'pseudonym-help' }, s.welcome.pseudonymHelp),
    pseudonym,
    el('div', { class: 'nav' }, ...actions),
    el('p', { class: 'muted privacy' }, s.welcome.privacy),
  );
  return { node, heading };
}
