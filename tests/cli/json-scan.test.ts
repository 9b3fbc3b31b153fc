import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { scanObject } from '../../src/cli/json-scan.js';

/** What the scanner must agree with: JSON.parse of the decoded text, a plain object. */
function parsesAsObject(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

const scan = (text: string | Buffer, depth = 255) => {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return scanObject(bytes, 0, bytes.length, depth);
};

describe('scanObject', () => {
  it('gives the range of each top-level value, the last of duplicate keys, in first-seen order', () => {
    const text = ' {"a": [1, {"b": "x\\"y"}], "__proto__": null, "c\\u0041": -1.5e3, "a": true } ';
    const result = scan(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const bytes = Buffer.from(text);
    const values = [...result.object.keys].map(([key, r]) => [key, JSON.parse(bytes.toString('utf8', r.start, r.end))]);
    expect(values).toEqual([
      ['a', true],
      ['__proto__', null],
      ['cA', -1500],
    ]);
  });
  it('refuses what JSON.parse refuses', () => {
    for (const bad of ['{', '{"a":}', '{"a":1,}', '{"a":01}', '{"a":1.}', '{"a":tru}', '{"a":"\t"}', '{"a":"\\x"}', '{"a":"\\u12g4"}', '{a:1}', '{"a":1} x', '[1]', '"s"', '{"a":[1,]}', '{"a":-}', '{"a":1e}', '{"a" 1}']) {
      expect([bad, scan(bad).ok]).toEqual([bad, false]);
      expect(parsesAsObject(Buffer.from(bad))).toBe(false);
    }
  });
  it('stops at the depth limit without recursion', () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(scan(deep)).toEqual({ ok: false, tooDeep: true });
    expect(scan(`{"a":${'['.repeat(10)}${']'.repeat(10)}}`, 10).ok).toBe(true);
    expect(scan(`{"a":${'['.repeat(11)}${']'.repeat(11)}}`, 10)).toEqual({ ok: false, tooDeep: true });
  });
  it('agrees with JSON.parse on generated objects, values included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (object) => {
        const text = JSON.stringify(object);
        const bytes = Buffer.from(text);
        const result = scanObject(bytes, 0, bytes.length, 255);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const parsed = JSON.parse(text);
        expect([...result.object.keys.keys()]).toEqual(Object.keys(parsed));
        for (const [key, r] of result.object.keys) expect(JSON.parse(bytes.toString('utf8', r.start, r.end))).toEqual(parsed[key]);
      }),
      { numRuns: 300 },
    );
  });
  it('agrees with JSON.parse on mutated bytes: valid exactly when JSON.parse gives an object', () => {
    const alphabet = [...'{}[]":,-+.eE0123456789 \t\n\\/bfnrtu"aA', '\u0000', '\u001f', 'é', 'true', 'false', 'null'];
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet), fc.boolean()), { maxLength: 4 }), (value, edits) => {
        let text = JSON.stringify({ v: value });
        for (const [at, piece, insert] of edits) {
          const i = at % (text.length + 1);
          text = insert ? text.slice(0, i) + piece + text.slice(i) : text.slice(0, i) + piece + text.slice(i + 1);
        }
        const bytes = Buffer.from(text);
        expect([text, scanObject(bytes, 0, bytes.length, 255).ok]).toEqual([text, parsesAsObject(bytes)]);
      }),
      { numRuns: 2000 },
    );
  });
});
