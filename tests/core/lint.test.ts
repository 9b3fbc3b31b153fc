import { describe, expect, it } from '@jest/globals';
import { estimatePathTime } from '../../src/core/estimate-time.js';
import { lintBank } from '../../src/core/lint/index.js';
import { profilePaths, simulate } from '../../src/core/lint/simulate.js';
import { agree5, bankFrom, miniBank } from '../helpers.js';

const codes = (bank: Parameters<typeof lintBank>[0]) => lintBank(bank, { samples: 300 }).findings.map((f) => [f.code, f.id]);

describe('simulate', () => {
  const bank = bankFrom(
    miniBank({
      profile: [
        { id: 'lead', type: 'boolean', text: 'Lead?' },
        { id: 'age', type: 'single', text: 'Age', options: [{ value: 'young' }, { value: 'old' }] },
      ],
      questions: [
        { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
        { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', reverse: true, when: { question: 'lead', equals: true }, text: 'Q2' },
      ],
    }),
  );

  it('enumerates only the profile questions a condition looks at', () => {
    const { paths, sampled } = profilePaths(bank, 100);
    expect([paths.map((p) => [...p.entries()]), sampled]).toEqual([[[['lead', true]], [['lead', false]]], false]);
  });

  it('gives the lowest and highest answers, and the same sample for the same seed', () => {
    const one = simulate(bank, { seed: 7, samples: 20, maxPaths: 10 });
    const again = simulate(bank, { seed: 7, samples: 20, maxPaths: 10 });
    expect(one.respondents.map((r) => r.answers)).toEqual(again.respondents.map((r) => r.answers));
    const lowest = one.respondents.find((r) => r.path === 0 && r.mode === 'min');
    expect(lowest?.answers).toMatchObject({ lead: true, q1: 1, q2: 5 });
    expect(one.respondents.find((r) => r.path === 1 && r.mode === 'max')?.answers).not.toHaveProperty('q2');
    expect(simulate(bank, { seed: 8, samples: 20, maxPaths: 10 }).respondents.map((r) => r.answers)).not.toEqual(one.respondents.map((r) => r.answers));
  });
});

describe('profile paths beyond the limit', () => {
  // 6 profile questions of 10 answers: a million paths, each tested by a `when`.
  const bank = bankFrom(
    miniBank({
      profile: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, type: 'single', text: `P${i}`, options: Array.from({ length: 10 }, (_, j) => ({ value: `v${j}` })) })),
      questions: Array.from({ length: 6 }, (_, i) => ({ id: `q${i}`, type: 'likert', dimension: 'a', scale: 'agree5', reverse: i % 2 === 0, when: { question: `p${i}`, equals: 'v9' }, text: `Q${i}` })),
    }),
  );

  it('samples them, trying every answer of every profile question', () => {
    const { paths, sampled } = profilePaths(bank, 50);
    expect([paths.length, sampled]).toEqual([50, true]);
    for (let i = 0; i < 6; i++) expect(new Set(paths.map((p) => p.get(`p${i}`))).size).toBe(10);
  });

  it('so that a condition on the last answer is not reported as never holding', () => {
    const result = lintBank(bank, { samples: 200, maxPaths: 20 });
    expect(result.truncated).toBe(true);
    expect(result.findings.filter((f) => f.code === 'condition-always-false')).toEqual([]);
  });
});

describe('lintBank', () => {
  it('finds nothing in a balanced bank with reachable levels', () => {
    const bank = bankFrom(
      miniBank({
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', reverse: true, text: 'Q2' },
          { id: 'q3', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q3' },
        ],
        recommendations: [{ id: 'low', when: { score: 'a', below: 40 }, title: 'Low', text: 'Low' }],
      }),
    );
    expect(codes(bank)).toEqual([]);
  });

  it('finds recommendations that never fire, always fire, or fire together', () => {
    const bank = bankFrom(
      miniBank({
        questions: ['q1', 'q2', 'q3'].map((id, i) => ({ id, type: 'likert', dimension: 'a', scale: 'agree5', reverse: i === 1, text: id })),
        recommendations: [
          { id: 'never', when: { all: [{ score: 'a', below: 30 }, { score: 'a', atLeast: 70 }] }, title: 'N', text: 'N' },
          { id: 'always', when: { any: [{ score: 'a', below: 50 }, { score: 'a', atLeast: 50 }] }, title: 'A', text: 'A' },
          { id: 'one', when: { question: 'q1', atLeast: 4 }, title: '1', text: '1' },
          { id: 'two', when: { question: 'q1', in: [4, 5] }, title: '2', text: '2' },
          { id: 'plain', title: 'P', text: 'P' },
        ],
      }),
    );
    expect(codes(bank)).toEqual([
      ['recommendation-never-fires', 'never'],
      ['recommendation-always-fires', 'always'],
      ['recommendations-fire-together', 'two'],
    ]);
  });

  it('finds a level a dimension cannot reach, with too few questions', () => {
    const bank = bankFrom(miniBank({ questions: [{ id: 'yes', type: 'boolean', dimension: 'a', text: 'Yes?' }] }));
    expect(codes(bank)).toEqual([
      ['level-unreachable', 'a:mid'],
      ['level-unreachable', 'overall:mid'],
      ['dimension-few-questions', 'a'],
    ]);
  });

  it('reaches a narrow middle level by aiming at it', () => {
    const bank = bankFrom(
      miniBank({
        levels: [
          { id: 'low', min: 0, label: 'Low' },
          { id: 'narrow', min: 49, label: 'Narrow' },
          { id: 'high', min: 51, label: 'High' },
        ],
        questions: ['q1', 'q2', 'q3'].map((id, i) => ({ id, type: 'likert', dimension: 'a', scale: 'agree5', reverse: i === 0, text: id })),
      }),
    );
    expect(codes(bank)).toEqual([]);
  });

  it('finds conditions always true or always false, on the path they are met', () => {
    const bank = bankFrom(
      miniBank({
        profile: [{ id: 'team', type: 'single', text: 'Team', options: [{ value: 'red' }, { value: 'blue' }] }],
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', reverse: true, when: { question: 'team', in: ['red', 'blue'] }, text: 'Q2' },
          { id: 'q3', type: 'likert', dimension: 'a', scale: 'agree5', when: { question: 'team', notIn: ['red', 'blue'] }, text: 'Q3' },
          { id: 'q4', type: 'likert', dimension: 'a', scale: 'agree5', when: { question: 'team', equals: 'red' }, text: 'Q4' },
        ],
      }),
    );
    const found = lintBank(bank, { samples: 100 }).findings;
    expect(found.map((f) => [f.code, f.id, f.path])).toEqual([
      ['condition-always-true', 'q2', ['questions', 1, 'when']],
      ['condition-always-false', 'q3', ['questions', 2, 'when']],
    ]);
  });

  it('finds items keyed one way, copied texts and missing translations', () => {
    const bank = bankFrom({
      ...miniBank({}),
      languages: ['en', 'fr'],
      title: { en: 'T', fr: 'T' },
      scales: { agree5: { options: agree5.options.map((o) => ({ value: o.value, label: { en: `e${o.value}`, fr: `f${o.value}` } })) } },
      dimensions: [{ id: 'a', title: { en: 'A', fr: 'A' } }],
      levels: [{ id: 'low', min: 0, label: { en: 'Low', fr: 'Bas' } }],
      questions: [
        { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: { en: 'Same', fr: 'Un' } },
        { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', text: { en: 'same ', fr: 'Deux' } },
        { id: 'q3', type: 'boolean', dimension: 'a', text: { en: 'Three' } },
      ],
    });
    expect(codes(bank)).toEqual([
      ['items-keyed-one-way', 'a'],
      ['duplicate-text', 'q2'],
      ['missing-translation', 'q3'],
    ]);
  });

  it('estimates the time of each profile path', () => {
    const bank = bankFrom(
      miniBank({
        profile: [{ id: 'lead', type: 'boolean', text: 'Lead?' }],
        questions: [
          { id: 'q1', type: 'likert', dimension: 'a', scale: 'agree5', text: 'Q1' },
          { id: 'q2', type: 'likert', dimension: 'a', scale: 'agree5', when: { question: 'lead', equals: true }, text: 'Q2' },
        ],
      }),
    );
    const { times, timing } = lintBank(bank, { samples: 10 });
    expect(timing).toEqual({ wordsPerMinute: 200, secondsPerAnswer: 4, lang: 'en' });
    // Title (1 word), lead (1 + 2 words), q1 and q2 (1 + 5 words each): 16 words = 4.8 s, plus
    // 3 × 4 s = 16.8 → 17; without q2: 10 words = 3 s, plus 2 × 4 s = 11. The welcome screen's figures.
    expect(times.map((t) => [t.profile, t.questions, t.seconds])).toEqual([
      [[['lead', true]], { min: 3, max: 3 }, { min: 17, max: 17 }],
      [[['lead', false]], { min: 2, max: 2 }, { min: 11, max: 11 }],
    ]);
    expect(Math.round(estimatePathTime(bank, { lead: false, q1: 3 }, 'en').seconds)).toBe(11);
  });
});
