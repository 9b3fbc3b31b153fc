/**
 * The valid inputs the fuzzer starts from: the fixture banks and answer files, the bundled bank,
 * and generated banks with generated answers (fast-check, seeded).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { parseSource } from '../../src/cli/source.js';
import { validateBank, type Bank } from '../../src/core/index.js';
import { answerFileArb, rawBankArb } from '../properties/generators.js';

export interface BankSeed {
  kind: 'bank';
  name: string;
  text: string;
  data: unknown;
}

export interface AnswerSeed {
  kind: 'answers';
  name: string;
  text: string;
  data: unknown;
  /** The bank the answers are scored against. */
  bank: Bank;
}

export type Seed = BankSeed | AnswerSeed;

const root = new URL('../../', import.meta.url);
const read = (relative: string): string => readFileSync(new URL(relative, root), 'utf8');

function bankOf(name: string, data: unknown): Bank {
  const result = validateBank(data);
  if (!result.ok) throw new Error(`corpus bank ${name} is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.value;
}

export function loadCorpus(seed: number): Seed[] {
  const seeds: Seed[] = [];
  const banks = new Map<string, Bank>();
  const addBank = (name: string, text: string): unknown => {
    const data = parseSource(name, text).data;
    seeds.push({ kind: 'bank', name, text, data });
    return data;
  };
  const addAnswers = (name: string, text: string, bank: Bank) => {
    seeds.push({ kind: 'answers', name, text, data: parseSource(name, text).data, bank });
  };

  for (const file of readdirSync(new URL('tests/fixtures/banks/', root)).sort()) {
    const name = `tests/fixtures/banks/${file}`;
    const data = addBank(name, read(name));
    const result = validateBank(data);
    if (result.ok) banks.set(result.value.id, result.value);
  }
  const bundledName = 'questions/transformation.yaml';
  const bundled = bankOf(bundledName, addBank(bundledName, read(bundledName)));
  banks.set(bundled.id, bundled);

  for (const file of readdirSync(new URL('tests/fixtures/answers/', root)).sort()) {
    const name = `tests/fixtures/answers/${file}`;
    const text = read(name);
    const data = parseSource(name, text).data;
    const id = typeof data === 'object' && data !== null && 'bank' in data && typeof data.bank === 'string' ? data.bank : undefined;
    const bank = id === undefined ? undefined : banks.get(id);
    if (bank) addAnswers(name, text, bank);
  }
  fc.sample(answerFileArb(bundled), { seed, numRuns: 3 }).forEach((file, i) => addAnswers(`generated answers ${i} for ${bundled.id}`, stringify(file), bundled));

  const generated = [...fc.sample(rawBankArb(), { seed, numRuns: 6 }), ...fc.sample(rawBankArb({ extreme: true }), { seed: seed + 1, numRuns: 2 })];
  generated.forEach((raw, i) => {
    const name = `generated bank ${i}`;
    const bank = bankOf(name, addBank(name, stringify(raw)));
    fc.sample(answerFileArb(bank), { seed: seed + i, numRuns: 2 }).forEach((file, j) => addAnswers(`generated answers ${j} for ${name}`, stringify(file), bank));
  });
  return seeds;
}
