import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { validateAnswers, validateBank, type Bank } from '../src/core/index.js';
import { parseSource } from '../src/cli/source.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false });
const answersSchema = ajv.compile(JSON.parse(readFileSync(new URL('../schema/answers.schema.json', import.meta.url), 'utf8')));
const data = (path: string): unknown => parseSource(path, readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')).data;

function bank(path: string): Bank {
  const result = validateBank(data(path));
  if (!result.ok) throw new Error(`${path} is invalid`);
  return result.value;
}
const banks: Record<string, Bank> = { sample: bank('tests/fixtures/banks/sample.yaml'), sus: bank('tests/fixtures/banks/sus.yaml'), transformation: bank('questions/transformation.yaml'), 'prototype-ids': bank('tests/fixtures/banks/prototype-ids.yaml') };

const files = [
  ...readdirSync(new URL('./fixtures/answers/', import.meta.url)).map((f) => `tests/fixtures/answers/${f}`),
  ...readdirSync(new URL('../questions/examples/', import.meta.url)).map((f) => `questions/examples/${f}`),
];

describe('the answer-file JSON Schema agrees with the validator', () => {
  it.each(files)('%s: every file the validator accepts, the schema accepts', (path) => {
    const file = data(path);
    const id = typeof file === 'object' && file !== null && 'bank' in file && typeof file.bank === 'string' ? file.bank : 'transformation';
    const target = banks[id];
    if (target === undefined) throw new Error(`no bank ${id} for ${path}`);
    // sample-bad is refused for its content only (unknown ids and values): structurally it is an answer file.
    expect(answersSchema(file)).toBe(true);
    if (!path.includes('bad')) expect(validateAnswers(target, file).ok).toBe(true);
  });

  // Structural mistakes both refuse (what depends on the bank is the validator's alone).
  it.each<[string, unknown]>([
    ['a list, not a mapping', [{ answers: {} }]],
    ['answers as a list', { answers: [1, 2] }],
    ['an answer that is a mapping', { answers: { 'sus.q1': { value: 4 } } }],
    ['a list answer holding a mapping', { answers: { 'sus.q1': [{ a: 1 }] } }],
    ['a respondent that is a number', { respondent: 42, answers: {} }],
    ['an id that no question can have', { answers: { 'Sus Q1': 4 } }],
  ])('both refuse: %s', (_name, file) => {
    expect(answersSchema(file)).toBe(false);
    expect(validateAnswers(banks.sus as Bank, file).ok).toBe(false);
  });

  it('accepts $schema, a null respondent and skipped answers, as the validator does', () => {
    const file = { $schema: '../schema/answers.schema.json', respondent: null, answers: { 'sample.optional': null } };
    expect(answersSchema(file)).toBe(true);
  });
});
