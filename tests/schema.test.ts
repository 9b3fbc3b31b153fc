import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { buildReport, validateAnswers, validateBank } from '../src/core/index.js';
import { parseSource } from '../src/cli/source.js';
import { miniBank } from './helpers.js';

const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const bankSchema = ajv.compile(read(new URL('../schema/bank.schema.json', import.meta.url)));
const reportSchema = ajv.compile(read(new URL('../schema/report.schema.json', import.meta.url)));

const banks = [
  ...readdirSync(new URL('./fixtures/banks/', import.meta.url)).map((f) => `tests/fixtures/banks/${f}`),
  ...readdirSync(new URL('../questions/', import.meta.url)).filter((f) => f.endsWith('.yaml')).map((f) => `questions/${f}`),
];

describe('the shipped JSON Schemas agree with the validator', () => {
  it.each(banks)('%s: schema and validator give the same verdict', (path) => {
    const data = parseSource(path, readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')).data;
    expect(bankSchema(data)).toBe(validateBank(data).ok);
  });

  // Structural mistakes that both must refuse (cross-references are the validator's alone).
  it.each<[string, Record<string, unknown>]>([
    ['no questions', { questions: [] }],
    ['unknown type', { questions: [{ id: 'q', type: 'maybe', dimension: 'a', text: 'x' }] }],
    ['bad id', { id: 'Bad Id' }],
    ['bad version', { version: '1' }],
    ['likert with scale and options', { questions: [{ id: 'q', type: 'likert', dimension: 'a', text: 'x', scale: 'agree5', options: [{ value: 1 }, { value: 2 }] }] }],
    ['choice without options', { questions: [{ id: 'q', type: 'single', dimension: 'a', text: 'x' }] }],
    ['condition with two heads', { questions: [{ id: 'q', type: 'boolean', dimension: 'a', text: 'x', when: { all: [], any: [] } }] }],
    ['unknown operator', { recommendations: [{ id: 'r', title: 't', text: 't', when: { score: 'a', above: 3 } }] }],
    ['priority out of range', { recommendations: [{ id: 'r', title: 't', text: 't', priority: 7 }] }],
    ['zero dimension weight', { dimensions: [{ id: 'a', title: 'A', weight: 0 }] }],
    ['level above 100', { levels: [{ id: 'l', min: 0, label: 'x' }, { id: 'm', min: 120, label: 'y' }] }],
  ])('both refuse: %s', (_name, parts) => {
    const data = miniBank(parts);
    expect(validateBank(data).ok).toBe(false);
    expect(bankSchema(data)).toBe(false);
  });

  it('accepts the minimal bank', () => {
    expect(bankSchema(miniBank({}))).toBe(true);
  });
});

describe('report schema', () => {
  it('validates a report built from the sample fixtures', () => {
    const source = (p: string) => parseSource(p, readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8')).data;
    const bank = validateBank(source('banks/sample.yaml'));
    if (!bank.ok) throw new Error('sample bank invalid');
    const answers = validateAnswers(bank.value, source('answers/sample-full.yaml'));
    if (!answers.ok) throw new Error('sample answers invalid');
    const report = buildReport(bank.value, answers.value, { lang: 'fr', createdAt: '2026-11-23T10:00:00.000Z', tool: { name: 'diag', version: '1.0.0' } });
    expect(reportSchema(report)).toBe(true);
    expect(reportSchema({ ...report, schemaVersion: 2 })).toBe(false);
  });
});
