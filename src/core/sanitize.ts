/**
 * The one sanitising step for text that came from outside (banks, answer files, reports, file
 * names) before it reaches a person: a terminal, a Markdown or HTML page, a CSV cell.
 *
 * Removed:
 * - terminal escape sequences: CSI (`ESC[2J` clears the screen), OSC (`ESC]52;…` writes the
 *   clipboard, `ESC]0;…` retitles the window), DCS/SOS/PM/APC strings and their 8-bit forms
 *   (a lone 8-bit CSI is removed as a control character);
 * - every other C0 and C1 control character except line feed and tab (a carriage return or a
 *   backspace can make a line look like another);
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what
 *   is shown ("Trojan Source"): a name can then read differently from what it is.
 *
 * Kept: the bidi marks U+200E, U+200F and U+061C. They are ordinary in right-to-left text, they
 * carry no scope and cannot reverse a run of text, so they cannot disguise one.
 */

// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]?|[\u001b][\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_ALL = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to show: no escape sequence, no control character but `\n` and `\t`, no bidi override. */
export function sanitizeText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}

// eslint-disable-next-line no-control-regex
const NAME_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const NAME_ESCAPED = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * A name (a file name, a value given on the command line) as one line a person can read: unchanged
 * when it is made of ordinary characters, else quoted the way JSON writes a string (`"bad\nname.yaml"`,
 * `"x\u001b[2J.yaml"`), so that a line feed in a name cannot break a message in two and forge a
 * line of its own, and an escape sequence or a bidi override is shown rather than obeyed or dropped.
 * Not idempotent, on purpose: a quoted name begins with a quote, and is quoted again if given again.
 */
export function quoteName(name: string): string {
  // A name that begins with a quote is quoted too: `"x\ny.yaml"` (a quote, x, a backslash, n…)
  // would otherwise read exactly as the quoted form of a name holding a line feed.
  if (!NAME_SUSPECT.test(name) && !name.startsWith('"')) return name;
  return `"${name.replace(NAME_ESCAPED, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_ESCAPED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value quoted by the message that shows it (`"${id}" is not a dimension`): its control
 * characters escaped as quoteName escapes them, without quotes of its own.
 */
export function escapeControls(text: string): string {
  if (!NAME_SUSPECT.test(text)) return text;
  return text.replace(CONTROL_ESCAPED, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const LINE_BREAKS = /[\n\u2028\u2029]/g;
const LINE_BREAK = /[\n\u2028\u2029]/;

/**
 * One line however it was made: a line feed, or a line or paragraph separator (U+2028, U+2029:
 * some terminals and viewers break the line there) left in it is shown as `\n`, `\u2028`,
 * `\u2029`. Names are quoted before; this is the last guard, for the values a message quotes
 * from a file (`"30\u202844" is not an option`).
 */
export function oneLine(line: string): string {
  return LINE_BREAK.test(line) ? line.replace(LINE_BREAKS, (c) => (c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16)}`)) : line;
}

/** True when the text holds a bidi embedding, override or isolate (cheap: test before walking data). */
export function hasBidiControls(text: string): boolean {
  return BIDI.test(text);
}

/**
 * The same value with bidi embeddings, overrides and isolates removed from every string and key,
 * so that they reach no format at all (JSON included). Without recursion: data can be deep.
 */
export function stripBidiControls(value: unknown): unknown {
  const strip = (s: string) => s.replace(BIDI_ALL, '');
  if (typeof value === 'string') return strip(value);
  if (typeof value !== 'object' || value === null) return value;
  const root: { value: unknown } = { value: undefined };
  const stack: Array<{ from: unknown; put: (v: unknown) => void }> = [{ from: value, put: (v) => (root.value = v) }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { from, put } = top;
    if (typeof from === 'string') put(strip(from));
    else if (Array.isArray(from)) {
      const list: unknown[] = new Array<unknown>(from.length);
      put(list);
      from.forEach((item, i) => stack.push({ from: item, put: (v) => (list[i] = v) }));
    } else if (typeof from === 'object' && from !== null && !(from instanceof Date)) {
      const map: Record<string, unknown> = {};
      put(map);
      for (const [key, item] of Object.entries(from)) {
        stack.push({ from: item, put: (v) => Object.defineProperty(map, strip(key), { value: v, enumerable: true, writable: true, configurable: true }) });
      }
    } else put(from);
  }
  return root.value;
}
