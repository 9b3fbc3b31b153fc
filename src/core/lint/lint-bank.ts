import { estimatePathTime } from '../estimate-time.js';
import { recommend } from '../recommend.js';
import { scoreAnswers } from '../score.js';
import type { Bank } from '../types.js';
import type { Finding, LintResult, PathTime } from './findings.js';
import { simulate, type Simulated } from './simulate.js';
import { duplicateTexts, fewQuestions, keyedOneWay, missingTranslations, questionPath } from './static-checks.js';

export interface LintOptions {
  /** Seed of the random sample: the same seed gives the same findings. */
  seed?: number;
  /** Random respondents in all, spread over the profile paths. */
  samples?: number;
  maxPaths?: number;
  /** Language of the time estimates (default: the bank's first). */
  lang?: string;
}

/** The pace the time estimates assume (the welcome screen's, src/core/estimate-time.ts). */
const TIMING = { wordsPerMinute: 200, secondsPerQuestion: 4 };

interface Outcome {
  sim: Simulated;
  levels: Map<string, string | null>;
  fired: Set<string>;
}

/**
 * Deeper checks of a valid bank than validation can make, by simulating respondents (SPEC section
 * 11): recommendations that never or always fire, pairs that always fire together, levels a score
 * never reaches, conditions always true or false; plus checks of the text itself. Pure and
 * deterministic for a given seed.
 */
export function lintBank(bank: Bank, options: LintOptions = {}): LintResult {
  const seed = options.seed ?? 1;
  const lang = options.lang ?? bank.languages[0] ?? 'en';
  const simulation = simulate(bank, { seed, samples: options.samples ?? 2000, maxPaths: options.maxPaths ?? 256 });
  const outcomes: Outcome[] = simulation.respondents.map((sim) => {
    const result = scoreAnswers(bank, sim.answers);
    const levels = new Map<string, string | null>([['overall', result.overall.level?.id ?? null], ...result.dimensions.map((d): [string, string | null] => [d.id, d.level?.id ?? null])]);
    return { sim, levels, fired: new Set(recommend(bank, result).map((r) => r.id)) };
  });
  const total = outcomes.length;
  const findings: Finding[] = [];

  // Recommendations: never, always, and pairs that always go together.
  const firedBy = new Map(bank.recommendations.map((r) => [r.id, outcomes.filter((o) => o.fired.has(r.id)).length]));
  bank.recommendations.forEach((r, i) => {
    const count = firedBy.get(r.id) ?? 0;
    const path = ['recommendations', i, ...(r.when === undefined ? [] : ['when'])];
    if (count === 0) findings.push({ code: 'recommendation-never-fires', id: r.id, path, message: `recommendation "${r.id}" fired for none of ${total} simulated respondents`, data: { simulated: total } });
    else if (count === total && r.when !== undefined) findings.push({ code: 'recommendation-always-fires', id: r.id, path, message: `recommendation "${r.id}" fired for all ${total} simulated respondents: its "when" never rules anyone out`, data: { simulated: total } });
  });
  const conditional = bank.recommendations.map((r, i) => ({ r, i })).filter(({ r }) => r.when !== undefined && (firedBy.get(r.id) ?? 0) > 0 && (firedBy.get(r.id) ?? 0) < total);
  for (let a = 0; a < conditional.length; a++) {
    for (let b = a + 1; b < conditional.length; b++) {
      const first = conditional[a];
      const second = conditional[b];
      if (first === undefined || second === undefined) continue;
      if (outcomes.every((o) => o.fired.has(first.r.id) === o.fired.has(second.r.id))) {
        findings.push({ code: 'recommendations-fire-together', id: second.r.id, path: ['recommendations', second.i, 'when'], message: `recommendations "${first.r.id}" and "${second.r.id}" fired for exactly the same ${firedBy.get(first.r.id) ?? 0} of ${total} simulated respondents: merge them, or tell them apart`, data: { with: first.r.id, count: firedBy.get(first.r.id) ?? 0, simulated: total } });
      }
    }
  }

  // Levels: each dimension (and the overall score) should be able to reach each level.
  const scored = [...bank.dimensions.map((d, i) => ({ id: d.id, at: i })), { id: 'overall', at: -1 }];
  for (const { id, at } of scored) {
    const reached = new Set(outcomes.map((o) => o.levels.get(id)).filter((l): l is string => l !== null && l !== undefined));
    if (reached.size === 0) continue;
    bank.levels.forEach((level, i) => {
      if (reached.has(level.id)) return;
      findings.push({
        code: 'level-unreachable',
        id: `${id}:${level.id}`,
        path: at >= 0 ? ['dimensions', at] : ['levels', i],
        message: `${id === 'overall' ? 'the overall score' : `dimension "${id}"`} never reached level "${level.id}" (from ${level.min}) in ${total} simulated respondents`,
        data: { dimension: id, level: level.id, min: level.min, simulated: total },
      });
    });
  }

  // Question conditions that never change anything.
  bank.questions.forEach((q, i) => {
    if (q.when === undefined) return;
    const seen = outcomes.map((o) => o.sim.conditions.get(i)).filter((x): x is boolean => x !== undefined);
    const path = [...questionPath(bank, i), 'when'];
    if (seen.length > 0 && seen.every((x) => x)) findings.push({ code: 'condition-always-true', id: q.id, path, message: `the "when" of question "${q.id}" held for all ${seen.length} simulated respondents: it can go`, data: { simulated: seen.length } });
    else if (seen.every((x) => !x)) findings.push({ code: 'condition-always-false', id: q.id, path, message: `the "when" of question "${q.id}" held for none of ${seen.length} simulated respondents: the question is never asked`, data: { simulated: seen.length } });
  });

  findings.push(...fewQuestions(bank), ...keyedOneWay(bank), ...duplicateTexts(bank), ...missingTranslations(bank));

  const times: PathTime[] = simulation.paths.map((path, index) => {
    const estimates = outcomes.filter((o) => o.sim.path === index).map((o) => {
      const time = estimatePathTime(bank, o.sim.answers, lang, TIMING);
      return { ...time, seconds: Math.round(time.seconds) };
    });
    const range = (pick: (e: (typeof estimates)[number]) => number) => ({ min: Math.min(...estimates.map(pick)), max: Math.max(...estimates.map(pick)) });
    return { profile: [...path.entries()], questions: range((e) => e.questions), words: range((e) => e.words), seconds: range((e) => e.seconds) };
  });

  return {
    bank: { id: bank.id, version: bank.version },
    seed,
    simulated: total,
    paths: simulation.paths.length,
    truncated: simulation.truncated,
    findings,
    times,
    timing: { wordsPerMinute: TIMING.wordsPerMinute, secondsPerAnswer: TIMING.secondsPerQuestion, lang },
  };
}
