// Seeded generation of valid answer files for a question bank, written as a folder of YAML files
// or as NDJSON. Same seed, same bytes: runs on different days and machines measure the same data.
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
// The core's seeded generator (mulberry32), the one `diag lint` samples with (dist/ is made by `npm run build`).
import { prng } from '../../dist/core/lint/simulate.js';

export { prng };

export function loadBank(path) {
  return parse(readFileSync(path, 'utf8'));
}

/**
 * The `when` of a question, on the answers generated so far (profile first, then bank order, as
 * the survey asks them). Only question tests can hide a question; anything else is refused rather
 * than guessed, so that a bank we do not understand never yields answers diag would reject.
 */
function visible(when, answers) {
  if (when === undefined) return true;
  if ('all' in when) return when.all.every((c) => visible(c, answers));
  if ('any' in when) return when.any.some((c) => visible(c, answers));
  if ('not' in when) return !visible(when.not, answers);
  const value = answers[when.question];
  if (value === undefined || value === null) return when.answered === false;
  const chosen = Array.isArray(value) ? value : [value];
  const known = ['question', 'equals', 'in', 'atLeast', 'atMost', 'answered'];
  const unknown = Object.keys(when).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`generate: cannot evaluate condition ${JSON.stringify(when)}`);
  if (when.equals !== undefined && !(chosen.length === 1 && String(chosen[0]) === String(when.equals))) return false;
  if (when.in !== undefined && !chosen.some((v) => when.in.map(String).includes(String(v)))) return false;
  if (when.atLeast !== undefined && !(typeof value === 'number' && value >= when.atLeast)) return false;
  if (when.atMost !== undefined && !(typeof value === 'number' && value <= when.atMost)) return false;
  return true;
}

/** A valid answer to one question; undefined to leave an optional one out. */
function answer(bank, q, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const values = () => (q.options ?? bank.scales[q.scale].options).map((o) => o.value);
  switch (q.type) {
    case 'likert':
    case 'single':
      return pick(values());
    case 'multiple': {
      const chosen = values().filter(() => random() < 0.4);
      return chosen.length > 0 ? chosen : [pick(values())];
    }
    case 'boolean':
      return random() < 0.5;
    case 'number': {
      const min = q.min ?? 0;
      const max = q.max ?? 100;
      return min + Math.floor(random() * (max - min + 1));
    }
    case 'text':
      // Free text is never scored; the bank's only text question is optional.
      return q.required === false ? undefined : `answer ${Math.floor(random() * 1e6)}`;
    default:
      throw new Error(`generate: unknown question type ${q.type} (${q.id})`);
  }
}

/** A generator of answer files: call it for the next one. */
export function answerFiles(bank, seed) {
  const random = prng(seed);
  const questions = [...(bank.profile ?? []), ...bank.questions];
  const start = Date.UTC(2026, 0, 5, 9, 0, 0);
  let index = 0;
  return () => {
    index += 1;
    const answers = {};
    for (const q of questions) {
      if (!visible(q.when, answers)) continue;
      const value = answer(bank, q, random);
      if (value !== undefined) answers[q.id] = value;
    }
    return {
      bank: bank.id,
      respondent: `r${String(index).padStart(7, '0')}`,
      lang: bank.languages[Math.floor(random() * bank.languages.length)],
      // Fixed dates: reports are dated with createdAt, so that scoring twice gives the same bytes.
      createdAt: new Date(start + index * 60_000).toISOString(),
      answers,
    };
  };
}

/** YAML by hand: strings as JSON strings (valid YAML), so that "1" and "30-44" stay strings. */
export function toYaml(file) {
  const scalar = (v) => (Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : JSON.stringify(v));
  const key = (k) => (/^[A-Za-z_][\w.-]*$/.test(k) ? k : JSON.stringify(k));
  const lines = ['bank', 'respondent', 'lang', 'createdAt'].map((k) => `${k}: ${scalar(file[k])}`);
  lines.push('answers:');
  for (const [k, v] of Object.entries(file.answers)) lines.push(`  ${key(k)}: ${scalar(v)}`);
  return `${lines.join('\n')}\n`;
}

export function writeYamlFolder(dir, count, bank, seed) {
  mkdirSync(dir, { recursive: true });
  const next = answerFiles(bank, seed);
  for (let i = 1; i <= count; i++) {
    const fd = openSync(join(dir, `a${String(i).padStart(6, '0')}.yaml`), 'w');
    writeSync(fd, toYaml(next()));
    closeSync(fd);
  }
}

/** Appends lines in batches: constant memory whatever the count. */
export function batchedWriter(path) {
  const fd = openSync(path, 'w');
  let batch = [];
  const flush = () => {
    if (batch.length > 0) writeSync(fd, batch.join(''));
    batch = [];
  };
  return {
    line(text) {
      batch.push(`${text}\n`);
      if (batch.length >= 2000) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

export function writeNdjson(path, count, bank, seed) {
  const out = batchedWriter(path);
  const next = answerFiles(bank, seed);
  for (let i = 0; i < count; i++) out.line(JSON.stringify(next()));
  out.close();
}

/** Calls fn(chunkOfLines) for every `size` lines of a file, read in 4 MB pieces. */
export function forEachLineChunk(path, size, fn) {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(4 << 20);
  let rest = '';
  let lines = [];
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
    const parts = (rest + buffer.toString('utf8', 0, n)).split('\n');
    rest = parts.pop();
    for (const line of parts) {
      if (line === '') continue;
      lines.push(line);
      if (lines.length === size) {
        fn(lines);
        lines = [];
      }
    }
  }
  closeSync(fd);
  if (rest !== '') lines.push(rest);
  if (lines.length > 0) fn(lines);
}

/** `dest` = `src` repeated `times` times, copied piece by piece (the 1M file never sits in memory). */
export function repeatFile(src, dest, times) {
  const out = openSync(dest, 'w');
  const buffer = Buffer.alloc(4 << 20);
  for (let t = 0; t < times; t++) {
    const fd = openSync(src, 'r');
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) writeSync(out, buffer, 0, n);
    closeSync(fd);
  }
  closeSync(out);
}
