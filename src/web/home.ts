/// <reference lib="dom" />
import './polyfills.js';
import { el, replace } from './dom.js';
import { browserLanguage, byId, setPageLanguage } from './shell.js';

/** The home page, `/`: one field for the join code, which goes to /j/CODE. */
const CODE = /^[A-Za-z0-9]{4,12}$/;

function start(): void {
  const s = setPageLanguage(browserLanguage(['fr', 'en']) ?? 'fr', '');
  document.title = s.home.title;
  const input = el('input', { id: 'code', name: 'code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text', maxlength: 12, 'aria-describedby': 'code-help code-error', class: 'code-input' });
  const error = el('p', { id: 'code-error', class: 'error', role: 'alert' });
  const heading = el('h2', {}, s.home.title);
  const form = el(
    'form',
    {
      class: 'home',
      action: '/',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const code = input.value.replace(/[\s-]/g, '').toUpperCase();
        if (!CODE.test(code)) {
          error.textContent = s.home.invalid;
          input.focus();
          return;
        }
        location.assign(`/j/${encodeURIComponent(code)}`);
      },
    },
    heading,
    el('label', { for: 'code' }, s.home.codeLabel),
    el('p', { id: 'code-help', class: 'hint' }, s.home.intro),
    input,
    error,
    el('div', { class: 'nav' }, el('button', { type: 'submit', class: 'primary' }, s.home.join)),
  );
  replace(byId('main'), form);
  byId('brand').textContent = s.appName;
  input.focus();
}

start();
