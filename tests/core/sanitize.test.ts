import { describe, expect, it } from '@jest/globals';
import { escapeControls, hasBidiControls, oneLine, quoteName, sanitizeText, stripBidiControls } from '../../src/core/sanitize.js';

describe('sanitizeText', () => {
  it('leaves ordinary text alone, accents, line feeds and tabs included', () => {
    expect(sanitizeText('Équipe « A »\n\tligne 2 — ok')).toBe('Équipe « A »\n\tligne 2 — ok');
  });
  it('removes an OSC 52 clipboard write, whether ended by BEL or ST', () => {
    expect(sanitizeText('a\u001b]52;c;aGVsbG8=\u0007b')).toBe('ab');
    expect(sanitizeText('a\u001b]52;c;aGVsbG8=\u001b\\b')).toBe('ab');
    expect(sanitizeText('a\u001b]0;title')).toBe('a');
  });
  it('removes CSI sequences (clear screen, colours, cursor moves) and their 8-bit form', () => {
    expect(sanitizeText('x\u001b[2Jy\u001b[31mz\u001b[0m\u001b[10;20H')).toBe('xyz');
    expect(sanitizeText('x\u009b2Jy')).toBe('x2Jy');
  });
  it('removes DCS strings, lone escapes, carriage returns, backspaces and C1 controls', () => {
    expect(sanitizeText('a\u001bPq#0;2;0;0;0\u001b\\b')).toBe('ab');
    expect(sanitizeText('safe\rEVIL\u0008\u0085\u001b')).toBe('safeEVIL');
    expect(sanitizeText('a\u001b7b\u001b8c')).toBe('abc');
  });
  it('removes bidi embeddings, overrides and isolates, keeps the marks LRM/RLM', () => {
    expect(sanitizeText('\u202eevil\u202c \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068')).toBe('evil x ');
    expect(sanitizeText('\u200eabc\u200f')).toBe('\u200eabc\u200f');
  });
});

describe('stripBidiControls', () => {
  it('cleans every string and key of a value, deep, without touching other values', () => {
    const value = { 'a\u202e': ['x\u2066y', 3, true, null, { deep: 'z\u202dz' }], b: 'ok' };
    expect(stripBidiControls(value)).toEqual({ a: ['xy', 3, true, null, { deep: 'zz' }], b: 'ok' });
    expect(hasBidiControls('a\u2069')).toBe(true);
    expect(hasBidiControls('a\u200f')).toBe(false);
  });
  it('keeps a key named __proto__ as data, not as a prototype', () => {
    const cleaned = stripBidiControls(JSON.parse('{"__proto__\u202e": {"polluted": 1}}'));
    expect(Object.keys(cleaned as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('walks very deep values without overflowing the stack', () => {
    let deep: unknown = 'x\u202e';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let out = stripBidiControls(deep);
    for (let i = 0; i < 100_000; i++) out = (out as unknown[])[0];
    expect(out).toBe('x');
  });
});

describe('quoteName', () => {
  it('leaves ordinary names alone: spaces, quotes, accents, emoji, a leading dash', () => {
    for (const name of ['answers/camille.yaml', 'mes réponses.yaml', 'it\'s "mine".json', '-x.yaml', 'été 🌞.ndjson', 'C:\\data\\a.yaml', '']) {
      expect(quoteName(name)).toBe(name);
    }
  });
  it('quotes a name with a control character as JSON writes a string, on one line', () => {
    expect(quoteName('bad\nname.yaml')).toBe('"bad\\nname.yaml"');
    expect(quoteName('a\r\tb\b\f.yaml')).toBe('"a\\r\\tb\\b\\f.yaml"');
    expect(quoteName('x\u001b[2J.yaml')).toBe('"x\\u001b[2J.yaml"');
    expect(quoteName('nul\u0000\u007f\u009b.yaml')).toBe('"nul\\u0000\\u007f\\u009b.yaml"');
    expect(quoteName('line\u2028sep.yaml')).toBe('"line\\u2028sep.yaml"');
    expect(quoteName('\u202eevil.yaml')).toBe('"\\u202eevil.yaml"');
  });
  it('escapes the quotes and backslashes of a quoted name, so that it reads back as the name', () => {
    for (const name of ['say "hi"\n.yaml', 'back\\slash\n', '\n\n\u0001', 'x\ndiag: forged.yaml']) {
      const quoted = quoteName(name);
      expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(JSON.parse(quoted)).toBe(name);
    }
  });
  it('quotes a name that begins with a quote: it cannot pass for the quoted form of another name', () => {
    // A file literally named "x\ny.yaml" (quote, x, backslash, n…) and one holding a line feed.
    const literal = quoteName('"x\\ny.yaml"');
    expect(literal).toBe('"\\"x\\\\ny.yaml\\""');
    expect(literal).not.toBe(quoteName('x\ny.yaml'));
    expect(JSON.parse(literal)).toBe('"x\\ny.yaml"');
    expect(quoteName('a"b.yaml')).toBe('a"b.yaml');
  });
});

describe('oneLine', () => {
  it('shows a line feed left in a message as \\n, and leaves other lines alone', () => {
    expect(oneLine('a.yaml: not valid YAML')).toBe('a.yaml: not valid YAML');
    expect(oneLine('x\ndiag: forged')).toBe('x\\ndiag: forged');
    expect(oneLine('"30\u202844" and "a\u2029b"')).toBe('"30\\u202844" and "a\\u2029b"');
  });
});

describe('escapeControls', () => {
  it('escapes control characters as quoteName does, without quotes of its own', () => {
    expect(escapeControls('async')).toBe('async');
    expect(escapeControls('a\nb="c"')).toBe('a\\nb="c"');
    expect(escapeControls('\u001b[2J')).toBe('\\u001b[2J');
  });
});
