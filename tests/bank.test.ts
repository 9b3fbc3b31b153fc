import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  applyConditions,
  estimatePathTime,
  estimateTimeRange,
  isScored,
  recommend,
  scoreAnswers,
  validateAnswers,
  validateBank,
  type AnswerValue,
  type Answers,
  type Bank,
  type Question,
} from '../src/core/index.js';
import { BANK_HISTORY } from '../src/core/validate/bank-history.js';
import { parseSource } from '../src/cli/source.js';

const FILE = new URL('../questions/transformation.yaml', import.meta.url);
const source = parseSource('questions/transformation.yaml', readFileSync(FILE, 'utf8'));
const validated = validateBank(source.data);
if (!validated.ok) throw new Error(`the bundled bank is invalid: ${JSON.stringify(validated.errors)}`);
const bank: Bank = validated.value;

/** A small seeded generator, so that the searches below are the same on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The paths through the bank: who works alone, who manages, who has a manager, who sells. */
const PATHS: Record<string, Answers> = {
  solo: { works_alone: true, sells: true },
  soloNotSelling: { works_alone: true, sells: false },
  manager: { works_alone: false, manages: true, sells: true },
  managed: { works_alone: false, manages: false, has_manager: true, sells: true },
  noManager: { works_alone: false, manages: false, has_manager: false, sells: false },
};
const PROFILE = { age: '30-44', org_type: 'company', org_size: '10-49' };

/** The answer that gives a question its best (or worst) item score. */
function extremeAnswer(question: Question, best: boolean): AnswerValue {
  switch (question.type) {
    case 'likert': {
      const values = question.options.map((o) => o.value);
      return best !== question.reverse ? Math.max(...values) : Math.min(...values);
    }
    case 'boolean':
      return best !== question.reverse;
    case 'single': {
      const sorted = [...question.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
      return (best ? sorted.at(-1) : sorted[0])?.value ?? null;
    }
    case 'multiple':
      return best ? question.options.filter((o) => (o.score ?? 0) > 0).map((o) => o.value) : [];
    case 'number':
      return (best !== question.reverse ? question.max : question.min) ?? 0;
    case 'text':
      return null;
  }
}

function randomAnswer(question: Question, next: () => number): AnswerValue {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  if (!question.required && next() < 0.1) return null;
  if (question.notApplicable !== undefined && next() < 0.1) return 'n/a';
  switch (question.type) {
    case 'likert':
    case 'single': {
      const options: ReadonlyArray<{ value: string | number }> = question.options;
      return pick(options)?.value ?? null;
    }
    case 'boolean':
      return next() < 0.5;
    case 'multiple':
      return question.options.filter(() => next() < 0.4).map((o) => o.value);
    case 'number':
      return Math.round((question.min ?? 0) + next() * ((question.max ?? 10) - (question.min ?? 0)));
    case 'text':
      return null;
  }
}

const scoredQuestions = bank.questions.filter(isScored);
/** Every scored answer at its best or worst, on one path. */
const extremes = (path: Answers, best: boolean): Answers => ({ ...PROFILE, ...Object.fromEntries(scoredQuestions.map((q) => [q.id, extremeAnswer(q, best)])), ...path });
const randomAnswers = (next: () => number): Answers => Object.fromEntries(bank.questions.map((q) => [q.id, randomAnswer(q, next)]));
const fired = (answers: Answers) => recommend(bank, scoreAnswers(bank, answers)).map((r) => r.id);
const visibleIds = (answers: Answers) => applyConditions(bank, answers).visible.map((q) => q.id);

const SAMPLE = (() => {
  const next = rng(2026);
  const trials: Answers[] = [];
  for (const path of Object.values(PATHS)) trials.push(extremes(path, false), extremes(path, true));
  for (let i = 0; i < 4000; i++) trials.push(randomAnswers(next));
  return trials.map((answers) => ({ answers, fired: new Set(fired(answers)) }));
})();

const PERSONAS = ['ines-freelance', 'martine-collectivite', 'karim-vendeur', 'lea-grand-groupe', 'camille'] as const;
function persona(name: (typeof PERSONAS)[number]) {
  const path = `questions/examples/${name}.yaml`;
  const file = validateAnswers(bank, parseSource(path, readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')).data);
  if (!file.ok) throw new Error(`${path}: ${JSON.stringify(file.errors)}`);
  return { answers: file.value.answers, warnings: file.warnings, recommendations: recommend(bank, scoreAnswers(bank, file.value.answers)) };
}

describe('the bundled bank "transformation" 2.0.0', () => {
  it('is valid, without a single warning, in French first and English', () => {
    expect(validated.warnings).toEqual([]);
    expect(bank.id).toBe('transformation');
    expect(bank.version).toBe('2.0.0');
    expect(bank.languages).toEqual(['fr', 'en']);
    expect(bank.dimensions.map((d) => d.id)).toEqual(['self', 'management', 'digital', 'async', 'trust', 'sales']);
    expect(bank.levels).toHaveLength(4);
  });

  it('has every text in both French and English, none empty', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value);
        if (entries.some(([k]) => k === 'fr' || k === 'en')) {
          for (const lang of ['fr', 'en']) {
            const text: unknown = Object.fromEntries(entries)[lang];
            if (typeof text !== 'string' || text.trim() === '') missing.push(`${path}.${lang}`);
          }
        } else entries.forEach(([k, v]) => walk(v, `${path}.${k}`));
      }
    };
    walk(source.data, '');
    expect(missing).toEqual([]);
  });

  it('says "social selling" or "commercial 4.0" / "Sales 4.0" consistently, never one without the other in a language', () => {
    const sales = bank.dimensions.find((d) => d.id === 'sales')?.description;
    expect(typeof sales === 'object' && sales.fr).toMatch(/commercial 4\.0.*social selling/);
    expect(typeof sales === 'object' && sales.en).toMatch(/Sales 4\.0.*social selling/);
  });

  it('asks 20 to 45 scored questions on every path, mostly likert', () => {
    for (const [name, path] of Object.entries(PATHS)) {
      const asked = applyConditions(bank, extremes(path, true)).visible.filter(isScored);
      expect([name, asked.length >= 20 && asked.length <= 45]).toEqual([name, true]);
      expect(asked.filter((q) => q.type === 'likert').length / asked.length).toBeGreaterThan(0.7);
    }
  });

  it('has at least two reversed and two direct likert items in every dimension, on every path where it is asked', () => {
    for (const [name, path] of Object.entries(PATHS)) {
      const asked = applyConditions(bank, extremes(path, true)).visible.filter(isScored);
      for (const dimension of bank.dimensions) {
        const likert = asked.filter((q) => q.dimension === dimension.id && q.type === 'likert');
        if (likert.length === 0) continue;
        const reversed = likert.filter((q) => q.type === 'likert' && q.reverse).length;
        expect([name, dimension.id, reversed >= 2, likert.length - reversed >= 2]).toEqual([name, dimension.id, true, true]);
      }
    }
  });

  it('does not reward answering the same value to everything (acquiescence)', () => {
    // Likert items all at one value; single-choice items at their middle option.
    const middle = (q: Question): AnswerValue => (q.type === 'single' ? ([...q.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[Math.floor(q.options.length / 2)]?.value ?? null) : extremeAnswer(q, true));
    const same = (value: number, path: Answers) => ({ ...Object.fromEntries(scoredQuestions.map((q) => [q.id, q.type === 'likert' ? value : middle(q)])), ...PROFILE, ...path });
    const top = bank.levels.at(-1)?.id;
    const solid = bank.levels.at(-2)?.min ?? 60;
    for (const [name, path] of Object.entries(PATHS)) {
      for (const value of [4, 5]) {
        for (const d of scoreAnswers(bank, same(value, path)).dimensions) if (d.score !== null) expect([name, value, d.id, d.level?.id === top]).toEqual([name, value, d.id, false]);
      }
      // Answering 4 everywhere no longer gives "Solide" everywhere (bank 1.0.0 did).
      const four = scoreAnswers(bank, same(4, path)).dimensions.filter((d) => d.score !== null);
      expect([name, four.every((d) => (d.score ?? 0) >= solid)]).toEqual([name, false]);
    }
  });

  it('measures behaviours on a frequency scale', () => {
    const freq = scoredQuestions.filter((q) => q.type === 'likert' && q.scale === 'freq5').map((q) => q.id);
    expect(freq).toEqual(expect.arrayContaining(['self.publish', 'self.experiment', 'sales.give_first', 'sales.social_selling', 'sales.network_care', 'sales.content', 'async.interrupted', 'async.interrupt_others']));
  });

  it('lets every dimension reach its lowest and its highest level on every path where it is asked', () => {
    const first = bank.levels[0]?.id;
    const last = bank.levels.at(-1)?.id;
    for (const [name, path] of Object.entries(PATHS)) {
      const worst = scoreAnswers(bank, extremes(path, false)).dimensions.filter((d) => d.score !== null);
      const best = scoreAnswers(bank, extremes(path, true)).dimensions.filter((d) => d.score !== null);
      expect([name, worst.map((d) => [d.id, d.score, d.level?.id])]).toEqual([name, worst.map((d) => [d.id, 0, first])]);
      expect([name, best.map((d) => [d.id, d.score, d.level?.id])]).toEqual([name, best.map((d) => [d.id, 100, last])]);
    }
  });

  it('never asks people who work alone about a team, a manager or colleagues', () => {
    for (const path of [PATHS.solo, PATHS.soloNotSelling]) {
      const asked = visibleIds(extremes(path ?? {}, true));
      expect(asked.filter((id) => id.startsWith('management.') || id.startsWith('trust.') || id === 'manages' || id === 'has_manager')).toEqual([]);
    }
    const solo = scoreAnswers(bank, extremes(PATHS.solo ?? {}, false));
    expect(solo.dimensions.filter((d) => d.score === null).map((d) => d.id)).toEqual(['management', 'trust']);
  });

  it('asks managers about their own practice and others about their manager, never both', () => {
    const own = scoredQuestions.filter((q) => q.dimension === 'management' && !q.id.startsWith('management.mgr_')).map((q) => q.id);
    const theirs = scoredQuestions.filter((q) => q.id.startsWith('management.mgr_')).map((q) => q.id);
    const manager = visibleIds(extremes(PATHS.manager ?? {}, true));
    const managed = visibleIds(extremes(PATHS.managed ?? {}, true));
    const none = visibleIds(extremes(PATHS.noManager ?? {}, true));
    expect([own.every((id) => manager.includes(id)), theirs.some((id) => manager.includes(id))]).toEqual([true, false]);
    expect([theirs.every((id) => managed.includes(id)), own.some((id) => managed.includes(id))]).toEqual([true, false]);
    expect(none.filter((id) => id.startsWith('management.'))).toEqual([]);
  });

  it('hides the whole sales block from someone who does not sell', () => {
    const answers = extremes(PATHS.noManager ?? {}, true);
    const { hidden } = applyConditions(bank, answers);
    const sales = bank.questions.filter((q) => q.dimension === 'sales').map((q) => q.id);
    expect(sales.length).toBeGreaterThanOrEqual(6);
    expect(hidden).toEqual(expect.arrayContaining(sales));
    expect(scoreAnswers(bank, answers).dimensions.find((d) => d.id === 'sales')).toMatchObject({ score: null, questions: 0 });
  });

  it('offers "does not apply" where a situation may not exist, and scores it as nothing', () => {
    const offered = bank.questions.filter((q) => q.notApplicable !== undefined).map((q) => q.id);
    expect(offered).toEqual(['management.bridges', 'async.meetings', 'sales.give_first']);
    const answers = { ...extremes(PATHS.manager ?? {}, true), 'management.bridges': 'n/a', 'async.meetings': 'n/a' };
    const result = scoreAnswers(bank, answers);
    expect(result.dimensions.find((d) => d.id === 'management')).toMatchObject({ score: 100, answered: 5, notApplicable: 1 });
    expect(fired(answers)).not.toContain('management-bridges');
  });
});

describe('the recommendations of the bundled bank', () => {
  it('can all be triggered from some answers', () => {
    const seen = new Set(SAMPLE.flatMap((s) => [...s.fired]));
    expect(bank.recommendations.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('has no two recommendations that always fire together (seeded random sample)', () => {
    const ids = bank.recommendations.map((r) => r.id);
    const together: string[] = [];
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const withA = SAMPLE.filter((s) => s.fired.has(a));
        if (withA.length > 0 && withA.every((s) => s.fired.has(b)) && SAMPLE.filter((s) => s.fired.has(b)).every((s) => s.fired.has(a))) together.push(`${a} + ${b}`);
      }
    }
    expect(together).toEqual([]);
  });

  it('keeps the exclusive pairs exclusive', () => {
    const exclusive = [
      ['self-start', 'self-choose'],
      ['self-start', 'self-habit'],
      ['digital-tool-map', 'digital-one-place'],
      ['async-protect-focus', 'async-focus-slots'],
      ['async-protect-focus', 'async-hidden-cost'],
      ['management-weekly-note', 'trust-shared-space'],
      ['management-agree-outcomes', 'trust-decide'],
      ['sales-give-first', 'sales-network-care'],
    ] as const;
    for (const [a, b] of exclusive) expect([a, b, SAMPLE.some((s) => s.fired.has(a) && s.fired.has(b))]).toEqual([a, b, false]);
  });

  it('spreads priorities: at most a quarter are priority 1, and Self has one', () => {
    const urgent = bank.recommendations.filter((r) => r.priority === 1);
    expect(urgent.length / bank.recommendations.length).toBeLessThanOrEqual(0.25);
    expect(urgent.some((r) => r.dimension === 'self')).toBe(true);
    expect(new Set(bank.recommendations.map((r) => r.priority)).size).toBeGreaterThanOrEqual(4);
  });

  it('covers every low answer: each scored question at its worst, all else at best, triggers advice in its dimension', () => {
    const uncovered: string[] = [];
    for (const path of [PATHS.manager, PATHS.managed, PATHS.solo]) {
      const best = extremes(path ?? {}, true);
      for (const question of applyConditions(bank, best).visible.filter(isScored)) {
        const answers = { ...best, [question.id]: extremeAnswer(question, false) };
        const own = recommend(bank, scoreAnswers(bank, answers)).filter((r) => r.dimension === question.dimension);
        if (own.length === 0) uncovered.push(question.id);
      }
    }
    expect([...new Set(uncovered)]).toEqual([]);
  });

  it('only gives managers the advice that needs a manager\'s authority', () => {
    const managerOnly = ['management-catalyst', 'management-weekly-note', 'management-let-go', 'management-show-first', 'management-bridges'];
    for (const s of SAMPLE) {
      if (s.answers.manages === true && s.answers.works_alone === false) continue;
      expect(managerOnly.filter((id) => s.fired.has(id))).toEqual([]);
    }
  });

  it('never tells someone who already learns every week to make learning a habit', () => {
    const weekly = SAMPLE.filter((s) => s.answers['self.learning_time'] === 'weekly' && (s.answers['self.experiment'] as number) > 2);
    expect(weekly.length).toBeGreaterThan(100);
    expect(weekly.filter((s) => s.fired.has('self-habit'))).toEqual([]);
  });
});

describe('the personas of questions/examples/', () => {
  it.each(PERSONAS)('%s: a valid 2.0.0 answer file, no warning', (name) => {
    expect(persona(name).warnings).toEqual([]);
  });

  it('none is asked a question that cannot apply to them', () => {
    const asked = (name: (typeof PERSONAS)[number]) => visibleIds(persona(name).answers);
    const ines = asked('ines-freelance');
    expect(ines.filter((id) => /^(management|trust)\.|^(manages|has_manager)$/.test(id))).toEqual([]);
    expect(ines.filter((id) => id.startsWith('sales.')).length).toBe(8);
    const martine = asked('martine-collectivite');
    expect(martine.filter((id) => id.startsWith('sales.') || id.startsWith('management.mgr_') || id === 'has_manager')).toEqual([]);
    for (const name of ['karim-vendeur', 'lea-grand-groupe'] as const) {
      expect(asked(name).filter((id) => ['management.share', 'management.catalyst', 'management.bottleneck', 'management.check_detail', 'management.lead_by_example', 'management.bridges'].includes(id))).toEqual([]);
    }
    expect(asked('lea-grand-groupe').filter((id) => id.startsWith('sales.'))).toEqual([]);
    // Every visible required question is answered, and nothing hidden was answered.
    for (const name of PERSONAS) {
      const { answers } = persona(name);
      expect([name, asked(name).filter((id) => bank.questions.find((q) => q.id === id)?.required && !Object.hasOwn(answers, id))]).toEqual([name, []]);
    }
  });

  it('each sees one to three priority-1 recommendations', () => {
    for (const name of PERSONAS) {
      const urgent = persona(name).recommendations.filter((r) => r.priority === 1).length;
      expect([name, urgent >= 1 && urgent <= 3]).toEqual([name, true]);
    }
  });

  it('each gets sensible top recommendations', () => {
    const top = (name: (typeof PERSONAS)[number], n = 3) => persona(name).recommendations.slice(0, n).map((r) => r.id);
    expect(top('ines-freelance')).toEqual(['digital-tool-map', 'digital-pace', 'sales-helpful-content']);
    expect(top('martine-collectivite')).toEqual(['self-choose', 'management-catalyst', 'management-weekly-note']);
    expect(top('karim-vendeur')).toEqual(['sales-give-first', 'async-protect-focus', 'sales-listen-first']);
    expect(top('lea-grand-groupe')).toEqual(['digital-tool-map', 'digital-pace', 'async-hidden-cost']);
    expect(top('camille')).toEqual(['sales-give-first', 'async-protect-focus', 'digital-tool-map']);
    // The freelancer is never told to rally a team, the young employee is not told to learn more.
    expect(persona('ines-freelance').recommendations.map((r) => r.id).filter((id) => id.startsWith('management-') || id.startsWith('trust-'))).toEqual([]);
    expect(persona('lea-grand-groupe').recommendations.map((r) => r.id)).not.toContain('self-habit');
  });
});

describe('reference figures and time', () => {
  it('carries the seed figures, honestly labelled: 68% bothered (lower is better), 61% async (higher is better)', () => {
    const benchmark = (id: string) => bank.questions.find((q) => q.id === id)?.benchmark;
    expect(benchmark('async.interruptions')).toMatchObject({ agreeShare: 68, better: 'lower' });
    expect(benchmark('async.works_async')).toMatchObject({ agreeShare: 61, better: 'higher' });
    for (const id of ['async.interruptions', 'async.works_async']) {
      const note = benchmark(id)?.note;
      expect(typeof note === 'object' && note.fr).toMatch(/autre échelle.*choisi de faire ce diagnostic.*fort différent dans votre contexte/s);
      expect(typeof note === 'object' && note.en).toMatch(/differently|in other words/);
      expect(typeof note === 'object' && note.en).toMatch(/another scale.*chose to take its diagnostic.*different in your context/s);
    }
    const note68 = benchmark('async.interruptions')?.note;
    expect(typeof note68 === 'object' && note68.fr).toMatch(/plus jeunes.*collectivités territoriales/s);
  });

  it('announces a time computed from the text shown on each path', () => {
    const range = estimateTimeRange(bank, 'fr');
    expect(range.exact).toBe(true);
    expect(range.least.questions).toBeLessThan(range.most.questions);
    const ines = estimatePathTime(bank, persona('ines-freelance').answers, 'fr');
    const martine = estimatePathTime(bank, persona('martine-collectivite').answers, 'fr');
    for (const path of [ines, martine]) {
      expect(path.seconds).toBeGreaterThanOrEqual(range.least.seconds);
      expect(path.seconds).toBeLessThanOrEqual(range.most.seconds);
    }
    // Between 5 and 15 minutes: a diagnostic one can take at the start of a workshop.
    expect(range.least.seconds / 60).toBeGreaterThan(5);
    expect(range.most.seconds / 60).toBeLessThan(15);
  });
});

describe('answer files written for transformation 1.0.0', () => {
  it('get one clear message instead of a wall of unknown ids', () => {
    const old = BANK_HISTORY.find((h) => h.bank === 'transformation' && h.version === '1.0.0');
    expect(old?.ids.length).toBe(46);
    const answers = Object.fromEntries((old?.ids ?? []).map((id) => [id, 3]));
    const result = validateAnswers(bank, { bank: 'transformation', answers });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.code)).toEqual(['old-bank-version']);
    expect(errors[0]?.message).toMatch(/^this answer file was written for transformation 1\.0\.0 \(\d+ of its 46 answers .*\); 2\.0\.0 changed the questions: /);
  });

  it('are recognised from a declared bankVersion too, but a typo in a 2.0.0 file stays a typo', () => {
    const declared = validateAnswers(bank, { bankVersion: '1.0.0', answers: { 'self.profile': 3 } });
    expect(declared.ok ? [] : declared.errors.map((e) => e.code)).toEqual(['old-bank-version']);
    const typo = validateAnswers(bank, { bankVersion: '2.0.0', answers: { 'self.publsh': 3 } });
    const codes = typo.ok ? [] : typo.errors.map((e) => e.code);
    expect([codes[0], codes.includes('old-bank-version')]).toEqual(['unknown-question', false]);
    expect(typo.ok ? '' : typo.errors[0]?.message).toContain('did you mean "self.publish"');
  });
});
