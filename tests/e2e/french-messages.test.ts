import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, diag, hasStackTrace } from './run-cli.js';

/**
 * diag's own errors and warnings in French (the default under a French locale), one of each
 * family: outputs, inputs, thresholds, norms, baselines, "does not apply" in banks, bank versions
 * of answer files. Each is checked for the French text and for no English left in it.
 */
const FR = { LANG: 'fr_FR.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const CAMILLE = 'questions/examples/camille.yaml';
const dir = mkdtempSync(join(tmpdir(), 'diag-french-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Words of diag's English messages that must not be left in the French ones.
const ENGLISH = /\b(cannot|does not|given more than once|disagree|already exists?|warning|skipped|not a|needs|expected|threshold not met|fell from|is below|no such|nothing was written|norms of bank|does not apply|written for|undefined)\b/;

function french(args: string[], input?: string) {
  const r = diag(args, { env: FR, ...(input === undefined ? {} : { input }) });
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(r.stderr).not.toMatch(ENGLISH);
  return r;
}

describe('output errors in French', () => {
  it('-o into a folder that does not exist, nothing written', () => {
    const r = french(['score', CAMILLE, '-o', join(dir, 'nope', 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`diag: impossible d’écrire ${join(dir, 'nope', 'r.json')} : le dossier ${join(dir, 'nope')} n’existe pas\n`);
  });
  it('the same -o twice, and a format that contradicts the file name', () => {
    const twice = french(['score', CAMILLE, '-o', join(dir, 'a.json'), '-o', join(dir, 'a.json')]);
    expect(twice.stderr).toContain('donné plus d’une fois en sortie ; chaque -o doit nommer un fichier différent');
    const contradiction = french(['aggregate', 'questions/examples', '-f', 'markdown', '-o', join(dir, 'g.html')]);
    expect(contradiction.code).toBe(2);
    expect(contradiction.stderr).toContain('--format markdown et -o');
    expect(contradiction.stderr).toContain('se contredisent : le format d’un fichier suit son nom (html)');
    expect(readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.html'))).toEqual([]);
  });
  it('an existing file without --force, an unknown extension', () => {
    const taken = file('taken.json', '{}');
    expect(french(['score', CAMILLE, '-o', taken]).stderr).toContain(`${taken} existe déjà ; choisissez un autre nom ou ajoutez --force pour remplacer`);
    expect(french(['score', CAMILLE, '-o', join(dir, 'r.xyz')]).stderr).toContain('impossible de savoir le format d’après le nom ; donnez une extension');
  });
  it('a full disk on standard output: one French line with the code, exit 2', () => {
    if (!existsSync('/dev/full')) return;
    const r = spawnSync(process.execPath, [BIN, 'score', CAMILLE], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], env: { ...process.env, NO_COLOR: '1', LC_ALL: '', ...FR }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('diag: impossible d’écrire sur la sortie standard : plus de place sur le disque (ENOSPC)\n');
  });
  it('-o naming a folder says so, even when the folder name has a dot', () => {
    const folder = join(dir, 'v1.2');
    mkdirSync(folder);
    const r = french(['score', CAMILLE, '-o', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`diag: impossible d’écrire ${folder} : c’est un dossier\n`);
    expect(readdirSync(folder)).toEqual([]);
  });
  it('a workshop folder that is a file', () => {
    const taken = file('not-a-folder', '');
    const r = french(['workshop', taken, '--host', '127.0.0.1', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`diag: impossible d’utiliser ${taken} pour l’atelier : c’est un fichier, pas un dossier\n`);
  });
  it('the same messages stay English under an English locale', () => {
    const r = diag(['score', CAMILLE, '-o', join(dir, 'nope', 'r.json')], { env: EN });
    expect(r.stderr).toBe(`diag: cannot write ${join(dir, 'nope', 'r.json')}: the folder ${join(dir, 'nope')} does not exist\n`);
  });
});

describe('warnings and input errors in French', () => {
  it('the warning prefix and a skipped folder entry', () => {
    const folder = join(dir, 'odd');
    mkdirSync(folder);
    writeFileSync(join(folder, 'camille.yaml'), readFileSync(CAMILLE, 'utf8'));
    symlinkSync('/nowhere-at-all', join(folder, '.#lock.yaml'));
    const r = french(['aggregate', folder]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`avertissement : ${join(folder, '.#lock.yaml')} : ignoré, c’est un lien symbolique vers rien (un fichier verrou d’éditeur ?), pas un fichier de réponses`);
    expect(r.stderr).toContain('avertissement : seulement 1 répondant, moins que --min-group 5 : seul le nombre est affiché');
  });
  it('standard input twice, a missing input', () => {
    expect(french(['score', '-', '-']).stderr).toContain('- (l’entrée standard) est donnée plus d’une fois');
    expect(french(['score', join(dir, 'absent.yaml')]).stderr).toContain(`impossible de lire ${join(dir, 'absent.yaml')} : fichier ou dossier introuvable`);
  });
  it('an answer file of the old bank version', () => {
    const old = file('old.yaml', 'bankVersion: "1.0.0"\nanswers:\n  age: "30-44"\n  manages: true\n  tool_count: 3\n');
    const r = french(['score', old]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ce fichier de réponses a été écrit pour transformation 1.0.0 (1 de ses 3 réponses porte sur des questions qui n’existent plus) ; la 2.0.0 a changé les questions');
  });
  it('a report with missing keys reads "rien (la clé manque)"', () => {
    const r = french(['report', file('empty.json', '{}')]);
    expect(r.stderr).toContain('tool : doit être une table de clés, pas rien (la clé manque)');
  });
});

describe('thresholds, baselines and norms in French', () => {
  it('--max-drop without --baseline', () => {
    const r = french(['score', CAMILLE, '--max-drop', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-drop a besoin de --baseline RAPPORTS_PRÉCÉDENTS');
  });
  it('a threshold not met: the heading and the figures, with a decimal comma', () => {
    const r = french(['score', CAMILLE, '--min-score', '99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^diag: seuil non atteint :\n {2}questions\/examples\/camille\.yaml \(Camille\) : score global de \d+,\d+, sous --min-score 99\n$/);
  });
  it('--max-drop with a baseline that matches no report: a French warning', () => {
    const baseline = file('baseline.ndjson', `${diag(['score', CAMILLE, 'questions/examples/ines-freelance.yaml', '-f', 'ndjson']).stdout}`);
    const r = french(['score', 'questions/examples/karim-vendeur.yaml', '--baseline', baseline, '--max-drop', '5']);
    expect(r.stderr).toContain('avertissement : questions/examples/karim-vendeur.yaml (Karim) : --max-drop non vérifié : aucun rapport de référence du même fichier source ou du même répondant');
  });
  it('a norms file that is not one, and norms of another bank', () => {
    const bad = french(['score', CAMILLE, '--norms', file('bad-norms.json', '{"kind": "x"}')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-norms.json : ce n’est pas un fichier de normes valide');
    expect(bad.stderr).toContain('kind : pas un fichier de normes diag (kind n’est pas "diag-norms")');
    const points = Array.from({ length: 99 }, (_, i) => i + 1);
    const other = file('other-norms.json', JSON.stringify({ kind: 'diag-norms', schemaVersion: 1, bank: { id: 'other', version: '1.0.0' }, createdAt: '2026-01-01', overall: { n: 40, points }, dimensions: {} }));
    expect(french(['score', CAMILLE, '--norms', other]).stderr).toContain('normes du questionnaire « other », mais le questionnaire est « transformation »');
  });
  it('--norms-out with too few respondents', () => {
    const r = french(['aggregate', 'questions/examples', '--norms-out', join(dir, 'norms.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('il faut au moins 30 répondants avec un score pour des normes');
    expect(existsSync(join(dir, 'norms.json'))).toBe(false);
  });
});

describe('"does not apply" in banks, in French', () => {
  const bank = (extra: string) =>
    file(
      `na-${extra.length}.yaml`,
      `id: na\nversion: 1.0.0\nlanguages: [fr]\ntitle: T\ndimensions: [{id: a, title: A}]\nlevels: [{id: l, min: 0, label: L}]\nquestions:\n  - {id: q1, type: single, dimension: a, text: Q1, notApplicable: true, options: [{value: x, label: X, score: 0}, {value: y, label: Y, score: 100}]}\n${extra}`,
    );
  it('a value test on the n/a answer: a French warning', () => {
    const r = french(['validate', bank('  - {id: q2, type: boolean, dimension: a, text: Q2, when: {question: q1, equals: "n/a"}}\n')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('avertissement : ');
    expect(r.stderr).toContain('"n/a" est la réponse « ne s’applique pas » de "q1" : aucun test de valeur n’est vrai sur elle');
  });
  it('a condition on the question itself: it refers to itself, in French and English, with its line', () => {
    const b = bank('  - {id: q2, type: boolean, dimension: a, text: Q2, when: {question: q2, equals: true}}\n');
    const fr = french(['validate', b]);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toMatch(/:9:\d+: questions\[1\] \(q2\)\.when\.question : la question "q2" dépend d’elle-même : une condition ne peut regarder que des questions posées avant/);
    expect(fr.stderr).not.toContain('plus loin');
    const en = diag(['validate', b], { env: EN });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/:9:\d+: questions\[1\] \(q2\)\.when\.question: question "q2" refers to itself: a condition may only look at questions asked before/);
    expect(en.stderr).not.toContain('later');
  });
  it('an n/a answer where the question offers none', () => {
    const b = bank('  - {id: q2, type: boolean, dimension: a, text: Q2}\n');
    const r = french(['score', '--bank', b, file('na-answers.yaml', 'answers:\n  q1: x\n  q2: n/a\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/q2 : attend true ou false, pas le texte "n\/a"|"n\/a" \(ne s’applique pas\) n’est pas proposé par cette question/);
  });
});
