/**
 * A seeded mutation fuzzer of the real loading path: banks through `loadBank`, answer files through
 * `scoreInputs`, then the text renderer, JSON and the answer-file template.
 *
 * Property: bad input is only ever refused with an InputError that names the file; nothing else
 * is thrown, nothing hangs, and every score that comes out is within [0, 100].
 *
 *   FUZZ_CASES=10000 npm run jest -- tests/fuzz     more cases (default 300), with timings
 *   FUZZ_SEED=123                                   another seed (default fixed, for CI)
 *   FUZZ_ONLY=42                                    replay case 42 of that seed alone
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { InputError } from '../../src/cli/errors.js';
import { loadBank } from '../../src/cli/load-bank.js';
import { renderTemplate } from '../../src/cli/render/template.js';
import { renderReportText } from '../../src/cli/render/text.js';
import { scoreInputs } from '../../src/cli/score-inputs.js';
import type { Bank, Report } from '../../src/core/index.js';
import { answerFileArb } from '../properties/generators.js';
import { loadCorpus, type Seed } from './corpus.js';
import { caseSeed, mutateBytes, mutateLines, mutateStructure, mutateTypes, Random, serialise } from './mutate.js';

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

const CASES = integerFromEnv('FUZZ_CASES', 300);
const SEED = integerFromEnv('FUZZ_SEED', 20261123);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : integerFromEnv('FUZZ_ONLY', 0);
/** A case slower than this is a hang for our purposes: a real input is read in milliseconds. */
const SLOW_MS = 5000;
const SHOWN_CHARS = 6000;

interface FuzzCase {
  index: number;
  seed: Seed;
  ext: string;
  text: string;
  steps: string[];
}

function makeCase(corpus: readonly Seed[], index: number): FuzzCase {
  const rng = new Random(caseSeed(SEED, index));
  const seed = rng.pick(corpus);
  const steps = [`from ${seed.name}`];
  const level = rng.pick(['bytes', 'types', 'structure', 'mixed'] as const);
  const lines = seed.kind === 'answers' && rng.chance(0.15);
  const format = lines ? 'line' : rng.chance(0.25) ? 'json' : 'yaml';
  const count = 1 + rng.int(3);
  let text = seed.text;
  if (level !== 'bytes' || format !== 'yaml') {
    let data: unknown = structuredClone(seed.data);
    for (let k = 0; level !== 'bytes' && k < count; k++) {
      const change = level === 'types' || (level === 'mixed' && rng.chance(0.5)) ? mutateTypes(data, rng) : mutateStructure(data, rng);
      data = change.data;
      steps.push(change.what);
    }
    text = serialise(data, format, rng);
    // NDJSON: the mutated record between valid ones, so that line numbers matter.
    if (format === 'line') text = [JSON.stringify(seed.data), text, '', JSON.stringify(seed.data)].slice(rng.int(2)).join('\n');
    steps.push(`as ${format}`);
  }
  if (level === 'bytes' || (level === 'mixed' && rng.chance(0.5))) {
    for (let k = 0; k < count; k++) {
      const change = rng.chance(0.3) ? mutateLines(text, rng) : mutateBytes(text, rng);
      text = change.text;
      steps.push(change.what);
    }
  }
  const ext = format === 'line' ? rng.pick(['.ndjson', '.jsonl']) : format === 'json' ? '.json' : seed.kind === 'answers' ? rng.pick(['.yaml', '.yml']) : '.yaml';
  return { index, seed, ext, text, steps };
}

type Outcome = { ok: true; accepted: boolean } | { ok: false; error: string };

function describeError(error: unknown): string {
  if (error instanceof InputError) return `InputError: ${[error.message, ...error.details].join('\n  ')}`;
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

const options = { warn: () => {}, now: () => '2026-01-01T00:00:00.000Z' };

/** Scores, renders and serialises; a score outside [0, 100] is a failure too. */
async function scoreAndRender(bank: Bank, path: string): Promise<string | undefined> {
  const { reports } = await scoreInputs(bank, [path], options);
  const out: Report[] = reports;
  for (const report of out) {
    renderReportText(report, { color: false });
    renderReportText(report, { color: true, width: 30, maxRecommendations: 1 });
    for (const score of [report.scores.overall.score, ...report.scores.dimensions.map((d) => d.score)]) {
      if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100)) return `score out of range: ${score}`;
    }
  }
  JSON.stringify(out);
  return undefined;
}

async function runCase(c: FuzzCase, dir: string): Promise<Outcome> {
  const path = join(dir, `case-${c.index}${c.ext}`);
  writeFileSync(path, c.text);
  try {
    if (c.seed.kind === 'answers') {
      const wrong = await scoreAndRender(c.seed.bank, path);
      return wrong === undefined ? { ok: true, accepted: true } : { ok: false, error: wrong };
    }
    const { bank } = loadBank(path);
    for (const lang of new Set([...bank.languages, 'fr', 'en'])) renderTemplate(bank, lang);
    // A mutated bank that still loads must score valid answers, through the same path.
    const [file] = fc.sample(answerFileArb(bank), { seed: caseSeed(SEED, c.index), numRuns: 1 });
    const answersPath = join(dir, `case-${c.index}-answers.yaml`);
    writeFileSync(answersPath, stringify(file));
    try {
      const wrong = await scoreAndRender(bank, answersPath);
      return wrong === undefined ? { ok: true, accepted: true } : { ok: false, error: wrong };
    } catch (error) {
      return { ok: false, error: `valid answers for a bank that loads were not scored (${answersPath}):\n${stringify(file)}\n${describeError(error)}` };
    }
  } catch (error) {
    if (!(error instanceof InputError)) return { ok: false, error: `threw ${describeError(error)}` };
    const named = error.message.includes(path) || error.details.some((line) => line.includes(path));
    return named ? { ok: true, accepted: false } : { ok: false, error: `the InputError does not name ${path}: ${describeError(error)}` };
  }
}

function report(c: FuzzCase, error: string): string {
  const shown = c.text.length > SHOWN_CHARS ? `${c.text.slice(0, SHOWN_CHARS)}\n… (${c.text.length - SHOWN_CHARS} more characters)` : c.text;
  return [
    `case ${c.index} — replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${c.index} npm run jest -- tests/fuzz/fuzz.test.ts`,
    `mutations: ${c.steps.join('; ')}`,
    error,
    `--- input (${c.seed.kind}, ${c.ext}) ---`,
    shown,
    '--- end of input ---',
  ].join('\n');
}

const indexes = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];

describe('fuzzing the loading path', () => {
  it(
    `refuses ${indexes.length} mutated banks and answer files with an InputError naming the file (seed ${SEED})`,
    async () => {
      const corpus = loadCorpus(SEED);
      const dir = mkdtempSync(join(tmpdir(), 'diag-fuzz-'));
      const failures: Array<{ c: FuzzCase; error: string }> = [];
      const counts = { bank: 0, bankLoaded: 0, answers: 0, answersScored: 0 };
      let slowest = { ms: 0, index: -1 };
      const started = performance.now();
      try {
        for (const index of indexes) {
          const c = makeCase(corpus, index);
          const t0 = performance.now();
          const outcome = await runCase(c, dir);
          const ms = performance.now() - t0;
          if (ms > slowest.ms) slowest = { ms, index };
          if (ONLY !== undefined) console.log(report(c, `outcome: ${JSON.stringify(outcome)} in ${ms.toFixed(1)} ms`));
          if (c.seed.kind === 'bank') counts.bank++;
          else counts.answers++;
          if (outcome.ok && outcome.accepted) {
            if (c.seed.kind === 'bank') counts.bankLoaded++;
            else counts.answersScored++;
          }
          if (!outcome.ok) failures.push({ c, error: outcome.error });
          else if (ms > SLOW_MS) failures.push({ c, error: `took ${ms.toFixed(0)} ms (limit ${SLOW_MS} ms)` });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const seconds = (performance.now() - started) / 1000;
      if (process.env.FUZZ_CASES !== undefined) {
        console.log(
          `fuzz: ${indexes.length} cases (seed ${SEED}) in ${seconds.toFixed(1)} s = ${((seconds * 1000) / indexes.length).toFixed(2)} ms per case; ` +
            `banks ${counts.bankLoaded}/${counts.bank} loaded, answer files ${counts.answersScored}/${counts.answers} scored; ` +
            `slowest case ${slowest.index} in ${slowest.ms.toFixed(0)} ms; ${failures.length} failure(s)`,
        );
      }
      // Failing inputs are kept whole, beside the excerpt printed below.
      const kept = failures.length === 0 ? undefined : mkdtempSync(join(tmpdir(), 'diag-fuzz-failures-'));
      for (const f of failures) if (kept !== undefined) writeFileSync(join(kept, `case-${f.c.index}${f.c.ext}`), f.c.text);
      const kinds = new Map<string, number>();
      for (const f of failures) {
        const kind = f.error.split('\n')[0]?.split(dir).join('DIR').slice(0, 160) ?? '';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      const summary = [...kinds].map(([kind, n]) => `  ${n} × ${kind}`).join('\n');
      expect(failures.length === 0 ? 'no failure' : `${failures.length} of ${indexes.length} cases failed (seed ${SEED}; inputs kept in ${kept ?? ''}):\n${summary}\n\n${failures.slice(0, 3).map((f) => report(f.c, f.error)).join('\n\n')}`).toBe('no failure');
    },
    60_000 + indexes.length * 250,
  );
});
