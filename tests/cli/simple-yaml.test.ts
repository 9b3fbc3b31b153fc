import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../src/cli/simple-yaml.js';
import { MAX_ALIASES, parseSource, YAML_OPTIONS } from '../../src/cli/source.js';

/**
 * The fast path for simple YAML (src/cli/simple-yaml.ts) must give exactly the value the yaml
 * library gives, with the options diag parses with, or give up (undefined). Never a different
 * value, never a value for a text the library refuses.
 */
const SEED = 20261201;

type Library = { ok: true; value: unknown } | { ok: false };
function library(text: string): Library {
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0) return { ok: false };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch {
    return { ok: false };
  }
}

function agrees(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return true;
  const lib = library(text);
  return lib.ok && isDeepStrictEqual(fast, lib.value);
}

const SCALARS = [
  '', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0', '-0', '+0', '007', '12', '-12', '+12', '1_0', '0o17', '0O17', '0x1F', '0X1F', '+0x1', '1e3', '1E3', '1e+3', '1e-3', '-1e3', '.5', '-.5',
  '+.5', '5.', '1.2.3', '2.0.0', '.inf', '-.inf', '+.INF', '.nan', '.NaN', 'inf', 'nan', 'NaN', '9007199254740993', '123456789012345',
  '1234567890123456', '12345678901234567890', '0.1000000000000000055511151231257827', '2026-11-23', '2026-11-23T09:30:00Z', '09:30', '1:2',
  'a:b', 'a: b', 'a:', ':a', ': a', '-', '-a', '- a', '--', '-1a', '?', '? a', '?a', '#', '# a', 'a#b', 'a #b', 'a  #b', '!', '!a', 'a!',
  '!!str a', '&a', '&a x', 'a&', '*a', '|', '|-', '>', "'", "''", "'a'", "'a''b'", "'a' b", "'a' # c", "'a'#c", '"', '""', '"a"', '"a\\"b"',
  '"a\\nb"', '"a" # c', '"a"b', '"a"  ', '"#"', '"a: b"', '[]', '[a]', '[ ]', '{}', '{a: 1}', '{ }', 'a, b', 'a [b]', 'a {b}', 'a]', '@a',
  '`a', '%a', 'a%', 'Inès', 'élan', '日本', '😀', '\u202ehidden', '\u2028', '\u0085', '\ufeffa', '\ud800', 'a\u00a0b', ' a', 'a  b', 'a\tb',
  'a\rb', 'a\\b', 'a/b', '<<', '=', 'a,b',
  // for the hand-written number tests
  '-.Inf', '+.nan', '.NAN', '1e', '1e+', 'e5', '.e5', '-.', '+-1', '0o', '0x', '1.e5', '.5e5', '5.e-1', '-0.0', '00', '1__', 'a:b:', "a'b: c",
];
const KEYS = ['a', 'b', 'answers', 'self.x', 'x-y', 'x/y', '_u', 'true', 'null', 'True', '__proto__', '1a', '12', 'a b', '"q"', "'q'", '<<', '-x', 'a:b', 'é', '? a', 'a#', '.5', '~'];
const ALPHABET = "aZ09 :#-'\"[]{},!&*|>%@`~.\\/é_+\t";

const arbScalar = fc.oneof(fc.constantFrom(...SCALARS), fc.string({ unit: fc.constantFrom(...ALPHABET.split('')), maxLength: 8 }));
const arbIndent = fc.constantFrom('', '', '  ', '  ', '    ', ' ', '   ', '\t');
const arbLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(arbIndent, fc.constantFrom(...KEYS), fc.constantFrom(': ', ': ', ':', ':  ', ' : '), arbScalar).map(([i, k, s, v]) => `${i}${k}${s}${v}`) },
  { weight: 2, arbitrary: fc.tuple(arbIndent, fc.constantFrom(...KEYS), fc.constantFrom(':', ': # c', ': ')).map(([i, k, s]) => `${i}${k}${s}`) },
  { weight: 2, arbitrary: fc.tuple(arbIndent, fc.constantFrom('- ', '-', '-  ', '- - '), arbScalar).map(([i, d, v]) => `${i}${d}${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  # indented comment', '---', '...', '%YAML 1.2', '   ', 'a: 1 ', '\r') },
);
const arbDocument = fc.array(arbLine, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));

/** Documents shaped like answer files, with mostly ordinary values, so that many of them take the fast path. */
const arbValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('1', '3', '5', '-2', '2.5', 'true', 'false', 'null', 'company', 'a b', '"30-44"', "'x'", 'Inès', '2.0.0', '"2026-11-23T09:30:00.000Z"') },
  { weight: 1, arbitrary: arbScalar },
);
const arbAnswers = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('bank', 'respondent', 'lang', 'createdAt', 'bankVersion'), arbValue), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom('q1', 'q2', 'self.x', 'a-b', 'tools'), fc.oneof(arbValue, fc.array(arbValue, { maxLength: 3 }))), { maxLength: 6 }),
    fc.constantFrom('  ', '    ', ''),
  )
  .map(([top, answers, indent]) => {
    const lines = top.map(([k, v]) => `${k}: ${v}`);
    lines.push('answers:');
    for (const [k, v] of answers) {
      if (Array.isArray(v)) {
        lines.push(`${indent}${k}:`);
        for (const item of v) lines.push(`${indent}${indent === '' ? '' : '  '}- ${item}`);
      } else lines.push(`${indent}${k}: ${v}`);
    }
    return lines.join('\n') + '\n';
  });

describe('parseSimpleYaml gives the yaml library’s value or gives up', () => {
  it('on generated lines of every kind, tricky scalars included', () => {
    fc.assert(fc.property(arbDocument, (text) => agrees(text)), { seed: SEED, numRuns: 20_000 });
  });

  it('on generated answer files', () => {
    let taken = 0;
    fc.assert(
      fc.property(arbAnswers, (text) => {
        if (parseSimpleYaml(text) !== undefined) taken++;
        return agrees(text);
      }),
      { seed: SEED, numRuns: 10_000 },
    );
    // The comparison means something only if the fast path is often taken.
    expect(taken).toBeGreaterThan(2_000);
  });

  it.each(SCALARS.map((s) => [s]))('on the value %j', (scalar) => {
    for (const text of [`a: ${scalar}\n`, `a:\n  - ${scalar}\n`, `a:\n- ${scalar}\nb: 1\n`, `answers:\n  q: ${scalar} # c\n`]) {
      expect(agrees(text)).toBe(true);
    }
  });

  it('takes the fast path for every example and fixture answer file, with the library’s value', () => {
    const folders = ['questions/examples', 'tests/fixtures/answers'];
    let taken = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((f) => /\.ya?ml$/.test(f))) {
        const text = readFileSync(join(folder, name), 'utf8');
        expect(agrees(text)).toBe(true);
        if (parseSimpleYaml(text) !== undefined) taken++;
      }
    }
    for (const name of readdirSync('questions/examples')) expect(parseSimpleYaml(readFileSync(join('questions/examples', name), 'utf8'))).toBeDefined();
    expect(taken).toBeGreaterThan(5);
  });

  it('gives up on what it does not handle, so that the library reports the error', () => {
    for (const text of ['a: 1\na: 2\n', 'a: [1, 2]\n', 'a: |\n  x\n', 'a: &x 1\nb: *x\n', 'a: b\n  c\n', '- a\n', 'a: 1\r\n', '\ufeffa: 1\n', 'a: "x\\ty"\n', '', '# only\n', 'a:\n  b: 1\n c: 2\n']) {
      expect(parseSimpleYaml(text)).toBeUndefined();
    }
  });

  it('parseSource gives the same data and positions either way', () => {
    const text = 'bank: transformation\nrespondent: Inès\nanswers:\n  q1: 3\n  tools:\n    - a\n    - "b"\n';
    const source = parseSource('f.yaml', text);
    expect(source.data).toEqual({ bank: 'transformation', respondent: 'Inès', answers: { q1: 3, tools: ['a', 'b'] } });
    expect(source.locate(['answers', 'tools', 1])).toEqual({ line: 7, col: 7 });
    expect(source.locate(['answers', 'q1'])).toEqual({ line: 4, col: 7 });
  });
});
