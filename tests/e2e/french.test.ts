import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, diag, hasStackTrace, ROOT } from './run-cli.js';

/** diag's own messages follow --lang, else LC_ALL / LC_MESSAGES / LANG, else English. */
const FR = { LANG: 'fr_FR.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const dir = mkdtempSync(join(tmpdir(), 'diag-french-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const camille = readFileSync(join(ROOT, 'questions/examples/camille.yaml'), 'utf8');
const typo = file('typo.yaml', camille.replace('  manages: true', '  manage: true'));
const badSyntax = file('syntax.yaml', 'id: x\nversion: 1.0\n  bad: [\n');
const badFields = file('fields.yaml', 'id: Bad Id\nversion: "1"\nlanguages: [fr]\ntitle: T\ndimensions: []\nlevels: [{id: l, min: 5, label: L}]\nquestions: [{id: q, type: maybe, text: x}]\n');

// Words of the English messages that must not leak into the French ones.
const ENGLISH = /\b(is not|did you mean|required question|refused|nothing was written|invalid bank|not valid YAML|must be|expected|unknown option|Allowed choices|run with --help)\b/;

describe('French messages under LANG=fr_FR.UTF-8', () => {
  it('a typo in an answer id', () => {
    const r = diag(['score', typo], { env: FR });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 entrée refusée ; rien n’a été écrit');
    expect(r.stderr).toContain('"manage" n’est pas une question du questionnaire "transformation" (vouliez-vous dire "manages" ?)');
    expect(r.stderr).toContain('manages : question obligatoire sans réponse');
    expect(r.stderr).not.toMatch(ENGLISH);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a bank with a YAML syntax error', () => {
    const r = diag(['validate', badSyntax], { env: FR });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('syntax.yaml : YAML invalide');
    expect(r.stderr).toMatch(/syntax\.yaml:2:\d+: (un bloc|une clé|indentation)/);
  });

  it('a bank with invalid fields', () => {
    const r = diag(['validate', badFields], { env: FR });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('questionnaire invalide, 5 problèmes');
    expect(r.stderr).toContain('"Bad Id" n’est pas un identifiant de questionnaire valide');
    expect(r.stderr).toContain('le premier niveau doit commencer à min 0, pas 5');
    expect(r.stderr).toContain('"maybe" n’est pas un type de question');
    expect(r.stderr).toContain('ne doit pas être vide');
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it.each<[string, string[], string]>([
    ['a format not offered', ['score', typo, '--format', 'xml'], "la valeur 'xml' n’est pas possible. Valeurs possibles : text, json"],
    ['a score that is not a number', ['score', typo, '--min-score', 'abc'], '--min-score abc : un score de 0 à 100 est attendu'],
    ['a dimension threshold with no score', ['score', typo, '--min', 'async='], '--min async= : un score de 0 à 100 est attendu après "async="'],
    ['a group size that is not whole', ['aggregate', typo, '--min-group', '0'], '--min-group 0 : un nombre entier d’au moins 3 est attendu'],
    ['an unknown option', ['score', typo, '--frobnicate'], "option inconnue '--frobnicate'"],
    ['a mistyped command', ['scor'], "commande inconnue 'scor' (vouliez-vous dire score ?)"],
    ['a missing argument', ['score'], "argument obligatoire manquant 'inputs'"],
  ])('a wrong option: %s', (_name, args, expected) => {
    const r = diag(args, { env: FR });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('a valid bank is reported in French', () => {
    const r = diag(['validate'], { env: FR });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/transformation\.yaml : questionnaire "transformation" [\d.]+ valide — 6 dimensions, \d+ questions, \d+ questions de profil, 4 niveaux/);
  });

  it('--lang en and LANG=en_US give English', () => {
    expect(diag(['score', typo, '--lang', 'en'], { env: FR }).stderr).toContain('"manage" is not a question of bank "transformation" (did you mean "manages"?)');
    expect(diag(['score', typo], { env: EN }).stderr).toContain('1 input refused; nothing was written');
    expect(diag(['score', typo], { env: { LANG: 'C', LC_MESSAGES: 'fr_FR.UTF-8' } }).stderr).toContain('1 entrée refusée');
  });
});

describe('--help in French and English', () => {
  const commands = ['run', 'score', 'report', 'aggregate', 'compare', 'explain', 'validate', 'template', 'completion'];

  it('diag score --help is French under LANG=fr_FR.UTF-8', () => {
    const r = diag(['score', '--help'], { env: FR });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage : diag score [options] <inputs...>');
    expect(r.stdout).toContain('noter des fichiers de réponses');
    expect(r.stdout).toContain('Options :');
    expect(r.stdout).toContain('afficher l’aide de la commande');
    expect(r.stdout).toContain('(valeurs : "text"');
    expect(r.stdout).toMatch(/Exemples :\n {2}diag score reponses\.yaml/);
    expect(r.stdout).toMatch(/Codes de sortie :\n {2}0 {3}terminé\n {2}1 {3}un seuil/);
    expect(r.stdout).not.toMatch(/display help|Usage:|choices:|exit 1 when/);
  });

  it.each(commands)('%s --help: examples and exit codes in both languages', (command) => {
    const fr = diag([command, '--help'], { env: FR });
    const en = diag([command, '--help'], { env: EN });
    expect(fr.code).toBe(0);
    expect(en.code).toBe(0);
    expect(fr.stdout).toMatch(/Exemples? :/);
    expect(fr.stdout).toContain('Codes de sortie :');
    expect(en.stdout).toMatch(/Examples?:/);
    expect(en.stdout).toContain('Exit codes:');
    expect(fr.stdout).not.toBe(en.stdout);
  });

  it('--help into a reader that stops early ends quietly (the examples are a second write)', () => {
    for (const command of ['score', 'run', 'aggregate']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${BIN}' ${command} --help | head -1`], { encoding: 'utf8', env: { ...process.env, ...FR } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('diag --help lists the commands in French, --lang wins over the locale', () => {
    expect(diag(['--help'], { env: FR }).stdout).toContain('Commandes :');
    expect(diag(['score', '--help', '--lang', 'en'], { env: FR }).stdout).toContain('Exit codes:');
    expect(diag(['score', '--help', '-lfr'], { env: EN }).stdout).toContain('Codes de sortie :');
  });
});
