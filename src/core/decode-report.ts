import type { Report, ReportBenchmark, ReportDimension, ReportRecommendation } from './build-report.js';
import { ProblemList, type Validated } from './problems.js';
import type { AnswerValue } from './types.js';
import { say, show } from './problem-text.js';
import { Fields, isObject } from './validate/fields.js';

function answers(value: unknown, path: string, errors: ProblemList): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  if (!isObject(value)) {
    errors.add([path], 'type', say('mustBe', { expected: 'answerMap', actual: show(value) }));
    return out;
  }
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  for (const [id, v] of Object.entries(value)) {
    if (v === null || scalar(v) || (Array.isArray(v) && v.every(scalar))) out[id] = v;
    else errors.add([path, id], 'type', say('notAnAnswer', { actual: show(v) }));
  }
  return out;
}

const text = (f: Fields, key: string): string | null => (f.raw(key) === null || f.raw(key) === undefined ? null : (f.string(key) ?? null));
const num = (f: Fields, key: string): number | null => (f.raw(key) === null || f.raw(key) === undefined ? null : (f.number(key) ?? null));

/** Reads a saved JSON report (SPEC section 6) back into a typed Report, checking every field used. */
export function decodeReport(raw: unknown): Validated<Report> {
  const errors = new ProblemList();
  if (!isObject(raw)) {
    errors.add([], 'type', say('notAReport', { actual: show(raw) }));
    return { ok: false, errors: errors.items, warnings: [] };
  }
  const top = new Fields(raw, [], errors);
  const schemaVersion = top.number('schemaVersion', { required: true });
  if (schemaVersion !== undefined && schemaVersion !== 1) top.fail('schemaVersion', 'schema-version', say('schemaVersion', { version: schemaVersion }));
  const sub = (key: string): Fields => {
    const value = top.raw(key);
    if (!isObject(value)) top.fail(key, 'type', say('mustBe', { expected: 'mapping', actual: show(value) }));
    return new Fields(isObject(value) ? value : {}, [key], errors);
  };
  const tool = sub('tool');
  const bank = sub('bank');
  const scores = sub('scores');
  const overallRaw = scores.raw('overall');
  const overall = new Fields(isObject(overallRaw) ? overallRaw : {}, ['scores', 'overall'], errors);
  if (!isObject(overallRaw)) scores.fail('overall', 'type', say('mustBe', { expected: 'scoreMap' }));
  const dimensions: ReportDimension[] = (scores.list('dimensions', { required: true }) ?? []).map((d, i) => {
    const f = new Fields(isObject(d) ? d : {}, ['scores', 'dimensions', i], errors);
    if (!isObject(d)) errors.add(['scores', 'dimensions', i], 'type', say('mustBe', { expected: 'mapping' }));
    const id = f.string('id', { required: true }) ?? '';
    return {
      id,
      title: f.string('title') ?? id,
      weight: f.number('weight') ?? 1,
      score: num(f, 'score'),
      level: text(f, 'level'),
      levelLabel: text(f, 'levelLabel'),
      answered: f.number('answered') ?? 0,
      questions: f.number('questions') ?? 0,
      notApplicable: f.number('notApplicable') ?? 0,
    };
  });
  const recommendations: ReportRecommendation[] = (top.list('recommendations') ?? []).map((r, i) => {
    const f = new Fields(isObject(r) ? r : {}, ['recommendations', i], errors);
    const link = f.string('link');
    return {
      id: f.string('id', { required: true }) ?? '',
      priority: f.number('priority') ?? 3,
      dimension: text(f, 'dimension'),
      title: f.string('title') ?? '',
      text: f.string('text') ?? '',
      ...(link === undefined ? {} : { link }),
    };
  });
  const benchmarks: ReportBenchmark[] = (top.list('benchmarks') ?? []).map((b, i) => {
    const f = new Fields(isObject(b) ? b : {}, ['benchmarks', i], errors);
    const agrees = f.raw('agrees');
    const better = f.raw('better');
    const note = text(f, 'note');
    const answer = answers({ a: f.raw('answer') ?? null }, 'benchmarks', errors).a ?? null;
    return {
      question: f.string('question', { required: true }) ?? '',
      dimension: text(f, 'dimension'),
      text: f.string('text') ?? '',
      agreeShare: num(f, 'agreeShare'),
      source: text(f, 'source'),
      ...(note === null ? {} : { note }),
      ...(better === 'lower' || better === 'higher' ? { better } : {}),
      answer,
      agrees: typeof agrees === 'boolean' ? agrees : null,
    };
  });
  const levels = (top.list('levels') ?? []).map((l, i) => {
    const f = new Fields(isObject(l) ? l : {}, ['levels', i], errors);
    const id = f.string('id', { required: true }) ?? '';
    return { id, min: f.number('min') ?? 0, label: f.string('label') ?? id };
  });
  const sourceRaw = top.raw('source');
  let source: Report['source'];
  if (isObject(sourceRaw) && typeof sourceRaw.path === 'string') {
    source = { path: sourceRaw.path, ...(typeof sourceRaw.line === 'number' && Number.isInteger(sourceRaw.line) ? { line: sourceRaw.line } : {}) };
  }
  const report: Report = {
    schemaVersion: schemaVersion ?? 1,
    tool: { name: tool.string('name') ?? 'diag', version: tool.string('version') ?? '' },
    bank: { id: bank.string('id', { required: true }) ?? '', version: bank.string('version') ?? '', title: bank.string('title') ?? bank.string('id') ?? '' },
    lang: top.string('lang', { required: true }) ?? 'fr',
    createdAt: top.string('createdAt') ?? '',
    respondent: text(top, 'respondent'),
    ...(source === undefined ? {} : { source }),
    profile: answers(top.raw('profile') ?? {}, 'profile', errors),
    answers: answers(top.raw('answers'), 'answers', errors),
    scores: {
      overall: {
        score: num(overall, 'score'),
        level: text(overall, 'level'),
        levelLabel: text(overall, 'levelLabel'),
      },
      dimensions,
    },
    recommendations,
    benchmarks,
    levels,
  };
  return errors.size > 0 ? { ok: false, errors: errors.items, warnings: [] } : { ok: true, value: report, warnings: [] };
}
