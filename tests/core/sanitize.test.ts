import { describe, expect, it } from '@jest/globals';
import { hasBidiControls, sanitizeText, stripBidiControls } from '../../src/core/sanitize.js';

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
