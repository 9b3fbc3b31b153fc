import { englishProblems } from '../core/index.js';
import { environmentLanguage } from './locale.js';
import { HELP_EN, HELP_FR } from './i18n-help.js';
import { ERRORS_EN, ERRORS_FR, WARNINGS_EN, WARNINGS_FR } from './i18n-errors.js';
import { FRENCH_PROBLEMS } from './i18n-problems.js';
import { lazy } from './lazy.js';
import { escapeControls, quoteName } from '../core/sanitize.js';

type NoArgs = Record<string, never>;
/** What diag failed to read, and why. */
export type Readable = 'bank' | 'answer file' | 'report' | 'norms file' | 'file';
export type ReadFailure = 'missing' | 'folder' | 'denied' | 'other';
const READABLE_EN: Record<Readable, string> = { bank: 'bank', 'answer file': 'answer file', report: 'report', 'norms file': 'norms file', file: 'file' };
const READABLE_FR: Record<Readable, string> = { bank: 'le questionnaire', 'answer file': 'le fichier de réponses', report: 'le rapport', 'norms file': 'le fichier de normes', file: 'le fichier' };
const READ_FAILURE_EN: Record<ReadFailure, (a: { detail?: string }) => string> = {
  missing: () => 'no such file',
  folder: () => 'is a folder, not a file',
  denied: () => 'permission denied',
  other: (a) => a.detail ?? '',
};
const READ_FAILURE_FR: Record<ReadFailure, (a: { detail?: string }) => string> = {
  missing: () => 'fichier introuvable',
  folder: () => 'c’est un dossier, pas un fichier',
  denied: () => 'permission refusée',
  other: (a) => a.detail ?? '',
};
/** The yaml library's error codes, in French (its messages are English only). */
const YAML_FR: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'clé en double',
  BAD_INDENT: 'indentation incorrecte',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter',
  MISSING_CHAR: 'caractère manquant',
  MULTILINE_IMPLICIT_KEY: 'une clé doit tenir sur une ligne',
  BLOCK_AS_IMPLICIT_KEY: 'un bloc ne peut pas servir de clé',
  UNEXPECTED_TOKEN: 'élément inattendu',
  BAD_SCALAR_START: 'valeur mal commencée',
  BAD_DQ_ESCAPE: 'échappement invalide entre guillemets',
  BAD_ALIAS: 'alias invalide',
  MISSING_ANCHOR: 'alias vers une ancre absente',
  TAG_RESOLVE_FAILED: 'étiquette YAML inconnue',
  IMPOSSIBLE: 'structure impossible',
};

/** Inquirer's key hints are English; French names for its actions. */
const FRENCH_KEY_ACTIONS: Readonly<Record<string, string>> = { navigate: 'naviguer', select: 'choisir', submit: 'valider', all: 'tout', invert: 'inverser' };
/** Keys inquirer names by a word in its hints ("space select"); symbols (⏎, ↑↓) and letters stay. */
const FRENCH_KEY_NAMES: Readonly<Record<string, string>> = { space: 'espace' };
const NO_TRANSLATION: Readonly<Record<string, string>> = {};

/** Arguments worded as they are given, not quoted: texts already made of lines of their own (a system's or a parser's message). */
const WORDED_ARGS = new Set(['message', 'detail']);

/**
 * Arguments that name files and folders: quoted whole when need be; other values are only escaped
 * (their message may quote them). Not `who`: a respondent's name, or whoOf's file already quoted.
 */
const NAME_ARGS = new Set(['file', 'files', 'name', 'path', 'paths', 'entry', 'oldFile', 'newFile', 'dir', 'folder', 'input', 'kept']);

/** A message's arguments with every name and value in one readable line (core/sanitize.ts quoteName, escapeControls). */
function quotedArgs(args: unknown): unknown {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return args;
  const quoted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    const shown = NAME_ARGS.has(key) ? quoteName : escapeControls;
    if (WORDED_ARGS.has(key)) quoted[key] = value;
    else if (typeof value === 'string') quoted[key] = shown(value);
    else if (Array.isArray(value)) quoted[key] = value.map((v: unknown) => (typeof v === 'string' ? shown(v) : v));
    else quoted[key] = value;
  }
  return quoted;
}

/**
 * A section of errors or warnings whose messages quote a name with a line feed or another control
 * character (`"bad\nname.yaml"`): a hostile file name cannot break a message in two and forge a line.
 */
function quotingNames<T extends object>(section: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    wrapped[key] = typeof value === 'function' ? (args: unknown) => (value as (a: unknown) => unknown)(quotedArgs(args)) : value;
  }
  return wrapped as T;
}
const quotedWarningsEn = /* @__PURE__ */ lazy(() => quotingNames(WARNINGS_EN()));
const quotedWarningsFr = /* @__PURE__ */ lazy(() => quotingNames(WARNINGS_FR()));

/** The value of a score option as given (`async=`, `*=abc`); `""` when nothing was given at all. */
const shownScore = (a: { value: string; prefix?: string }) => {
  const given = `${a.prefix ?? ''}${a.value}`;
  return given === '' ? '""' : given;
};

/**
 * Strings of diag's own interface (bank text comes from the bank). English is the reference shape:
 * French must have every key, so a missing translation is a compile error.
 */
function englishErrorStrings() {
  return {
    ...ERRORS_EN(),
    cannotRead: (a: { what: Readable; file: string; reason: ReadFailure; detail?: string }) => `cannot read ${READABLE_EN[a.what]} ${a.file}: ${READ_FAILURE_EN[a.reason](a)}`,
    noBank: (a: { name: string }) => `no bank file or bundled bank named "${a.name}"`,
    bundledBanks: (a: { ids: readonly string[] }) => `bundled banks: ${a.ids.join(', ') || 'none'}`,
    invalidBank: (a: { file: string; count: number }) => `${a.file}: invalid bank, ${a.count} problem${a.count === 1 ? '' : 's'}`,
    tooDeep: (a: { name: string; depth: number }) => `${a.name}: values are nested more than ${a.depth} levels deep`,
    notYaml: (a: { name: string }) => `${a.name}: not valid YAML`,
    yamlError: (a: { code: string; message: string }) => (a.code === 'DUPLICATE_KEY' ? `duplicate key: ${a.message}` : a.message),
    recursiveAlias: (a: { name: string }) => `${a.name}: recursive YAML alias`,
    aliasInside: (a: { alias: string }) => `alias *${a.alias} is used inside the node it refers to; diag reads only tree-shaped data`,
    scoreValue: (a: { option: string; value: string; prefix?: string }) =>
      `${a.option} ${shownScore(a)}: expected a score from 0 to 100${a.prefix === undefined ? '' : ` after "${a.prefix}"`}`,
    dimensionSpec: (a: { option: string; spec: string; example: string }) => `${a.option} ${a.spec}: expected DIMENSION=N, e.g. ${a.option} ${a.example}=50`,
    notADimension: (a: { option: string; spec: string; id: string; suggestion?: string; ids: readonly string[] }) =>
      `${a.option} ${a.spec}: "${a.id}" is not a dimension of the bank${a.suggestion === undefined ? '' : ` (did you mean "${a.suggestion}"?)`}; dimensions: ${a.ids.join(', ')}`,
    noInput: (_: NoArgs) => 'no input given: name answer files, folders or .ndjson files',
    noSuchInput: (a: { path: string }) => `cannot read ${a.path}: no such file or folder`,
    sizeOption: (a: { origin: string; value: string }) => `${a.origin} ${a.value}: expected a size in MB, such as 50`,
    tooBig: (a: { name: string; size: string; limit: string }) =>
      `${a.name} is ${a.size}, more than the ${a.limit} diag reads by default; raise the limit with --max-file-size MB (or DIAG_MAX_FILE_SIZE)`,
    noSuchLanguage: (a: { lang: string; bank: string; languages: readonly string[] }) => `--lang ${a.lang}: the bank "${a.bank}" has no such language; available: ${a.languages.join(', ')}`,
    inputsRefused: (a: { count: number }) => `${a.count} input${a.count === 1 ? '' : 's'} refused; nothing was written`,
    noAnswers: (a: { paths: readonly string[] }) => `no answers found in ${a.paths.join(', ')} (looked for .yaml, .yml, .json, .ndjson, .jsonl)`,
    notAReport: (a: { file: string }) => `${a.file}: not a diag report`,
    unknownShell: (a: { shell: string; shells: readonly string[] }) => `unknown shell "${a.shell}"; one of ${a.shells.join(', ')}`,
    wholeNumber: (a: { option: string; value: string }) => `${a.option} ${a.value}: expected a whole number, at least 1`,
    minGroup: (a: { option: string; value: string; floor: number }) => `${a.option} ${a.value}: expected a whole number, at least ${a.floor} (with fewer, people could read each other's answers)`,
  };
}
const englishErrors = /* @__PURE__ */ lazy(() => quotingNames(englishErrorStrings()));

/** Sections a short command never reads (run, template, usage…), built at their first use. */
const runEn = /* @__PURE__ */ lazy(() => ({
  notATerminal:
    'diag run asks its questions in an interactive terminal, and standard input is not one.\n' +
    'Without a terminal: diag template > answers.yaml, fill it in, then diag score answers.yaml',
  keyActions: NO_TRANSLATION,
  keyNames: NO_TRANSLATION,
  welcome: (least: number, most: number, minutes: number, mostMinutes = minutes) =>
    `${least === most ? most : `${least} to ${most}`} questions depending on your profile, about ${minutes === mostMinutes ? minutes : `${minutes} to ${mostMinutes}`} minute${mostMinutes > 1 ? 's' : ''}.`,
  notApplicableAlone: '“Does not apply” stands alone: untick the other answers, or untick it.',
  enterNumber: 'Answer with a number',
  privacy: 'Your answers stay on this machine: nothing is sent anywhere.',
  keys: 'Arrows or numbers to choose, Enter to confirm, Ctrl-C to pause (your answers are kept).',
  respondent: 'Your first name or a pseudonym (optional, Enter to skip)',
  resumeFound: (n: number, when: string) => `A diagnostic started on ${when} is waiting (${n} answer${n === 1 ? '' : 's'}). Resume it?`,
  resumeYes: 'Resume where I stopped',
  resumeNo: 'Start again from the beginning',
  noProgress: 'No diagnostic in progress to resume: starting a new one.',
  question: (i: number, n: number) => `Question ${i}/${n}`,
  profile: 'About you',
  other: 'To finish',
  skip: 'Skip this question',
  yes: 'Yes',
  no: 'No',
  skipped: '(skipped)',
  none: '(none)',
  numberHint: (min: number, max: number) => `a number from ${min} to ${max}`,
  multipleHint: 'Space to tick, Enter to confirm',
  notANumber: 'Type a number (such as 12 or 3.5).',
  requiredAnswer: 'This question needs an answer.',
  optionalHint: 'optional: Enter to skip',
  review: 'Your answers: all correct? Choose an answer to change it.',
  finish: 'Finish and see my results',
  saved: (file: string) => `Paused: your answers are kept in ${file}`,
  nothingSaved: 'Stopped before the first answer: nothing to keep.',
  resumeWith: (command: string) => `To resume: ${command}`,
  reportWritten: (report: string, answers: string) => `Full report: ${report}\nAnswers: ${answers} (replay with diag score)`,
  outExists: (file: string) => `${file} already exists; the report is written beside it, without replacing it.`,
  locked: (pid: number, since: string, file: string) =>
    `another diag run (process ${pid}, since ${since}) is already using ${file}; finish it first, or choose another --state-dir. Nothing was changed.`,
  bankChanged: (from: string, to: string) => `The questionnaire has changed since your pause (version ${from || '?'} → ${to}).`,
  answersDropped: (n: number) => `${n} answer${n === 1 ? ' is' : 's are'} no longer valid and will be asked again:`,
  answersKept: (n: number) => `${n} answer${n === 1 ? '' : 's'} kept.`,
  pressEnter: 'Enter to continue',
  stopped: (signal: string, saved: string | undefined, command: string) =>
    saved === undefined ? `diag: stopped by ${signal}, before the first answer: nothing to keep.` : `diag: stopped by ${signal}; your answers are kept in ${saved} (to resume: ${command})`,
  workshop: {
    title: (bank: string) => `Workshop — ${bank}`,
    so_far: (n: number, dir: string) => `${n} participant${n === 1 ? ' has' : 's have'} answered so far (results in ${dir}).`,
    next: 'Next participant: start',
    finish: 'Finish the workshop and show the group results',
    pseudonym: 'Your first name or a pseudonym (optional: Enter to stay anonymous)',
    handOver: 'Enter to clear the screen and hand over',
    groupHint: (dir: string) => `For the detail by group: diag aggregate ${dir} --by age`,
    snapshot: (shown: number, next: number) => `These figures are over the first ${shown} participants; they will change when ${next} have finished (so that nobody can be read between two screens).`,
    resumeWith: (dir: string) => `To resume the workshop: diag run --workshop ${dir}`,
  },
}));
const templateEn = /* @__PURE__ */ lazy(() => ({
  title: (bank: string) => `Blank answer file — ${bank}`,
  howTo: 'Fill in each answer after the colon, then: diag score THIS_FILE.yaml',
  profile: 'Profile',
  unscored: 'Other questions',
  oneOf: 'one value among',
  listOf: 'a list of values among, e.g. [a, b]',
  boolean: 'true (yes) or false (no)',
  number: (range: string) => `a number${range}`,
  range: (min: number, max: number) => ` from ${min} to ${max}`,
  text: 'text, in quotes',
  optional: 'optional: leave empty or null to skip',
  onlyIf: 'asked only if',
  respondent: 'name or pseudonym (optional)',
}));
const usageEn = /* @__PURE__ */ lazy(() => ({
  unknownOption: (a: { option: string; suggestion?: string }) => `unknown option '${a.option}'${a.suggestion === undefined ? '' : ` (did you mean ${a.suggestion}?)`}`,
  unknownCommand: (a: { command: string; suggestion?: string }) => `unknown command '${a.command}'${a.suggestion === undefined ? '' : ` (did you mean ${a.suggestion}?)`}`,
  missingArgument: (a: { name: string }) => `missing required argument '${a.name}'`,
  optionMissingArgument: (a: { option: string }) => `option '${a.option}' argument missing`,
  invalidChoice: (a: { option: string; value: string; choices: readonly string[] }) => `option '${a.option}' argument '${a.value}' is invalid. Allowed choices are ${a.choices.join(', ')}.`,
  excessArguments: (a: { expected: number; got: number }) => `too many arguments: expected ${a.expected}, got ${a.got}`,
  seeHelp: '(run with --help for usage)',
}));
const compareEn = /* @__PURE__ */ lazy(() => ({
  title: (oldDate: string, newDate: string) => `Change from ${oldDate} to ${newDate}`,
  before: 'Before',
  after: 'After',
  change: 'Change',
  levelChange: 'Level',
  gone: 'Recommendations that no longer apply',
  added: 'New recommendations',
  nothing: 'none',
}));
const explainEn = /* @__PURE__ */ lazy(() => ({
  title: 'How your answers make your scores',
  item: 'Answer',
  itemScore: 'Item',
  weight: 'Weight',
  points: 'Points',
  share: 'Share',
  best: 'What would raise your overall score most',
  gain: (points: string) => `+${points} points`,
  none: 'All your answers already score the maximum.',
}));

function english() {
  return {
    colon: ': ',
    percent: (n: string) => `${n}%`,
    quote: (text: string) => `“${text}”`,
    overall: 'Overall score',
    dimension: 'Dimension',
    score: 'Score',
    level: 'Level',
    noScore: 'no score',
    notAsked: 'not asked on your path',
    indicative: 'Indicative reference',
    better: { lower: 'lower is better', higher: 'higher is better' },
    respondent: 'Respondent',
    recommendations: 'Recommendations',
    noRecommendations: 'No recommendation triggered.',
    priority: 'priority',
    benchmarks: 'Reference figures',
    youToo: 'you too',
    notYou: 'not you',
    respondentsSay: 'of respondents agree',
    source: 'source',
    moreInReport: (n: number) => `… and ${n} more in the report`,
    yourAnswers: 'Your answers',
    group: {
      participants: (n: number) => `${n} participant${n > 1 ? 's' : ''}`,
      overallMean: 'Mean overall score',
      mean: 'Mean',
      median: 'Median',
      quartiles: 'Q1–Q3',
      levels: 'Levels',
      count: 'n',
      segment: 'Group',
      by: (question: string) => `By “${question}”`,
      benchmarks: 'Reference figures: your group and the reference',
      yourGroup: 'Your group',
      reference: 'Reference',
      answers: (n: number) => `${n} answer${n > 1 ? 's' : ''}`,
      suppressed: (n: number) => `Groups hidden for anonymity (fewer than ${n} people, or could be worked out by subtraction)`,
      noAnswer: '(no answer)',
      notApplicable: '(does not apply)',
      small: (n: number) => `Note: fewer than ${n} participants; the group figures are close to individual answers.`,
    },
    get compare() {
      return compareEn();
    },
    get explain() {
      return explainEn();
    },
    question: 'Question',
    answer: 'Answer',
    generated: (date: string, version: string) => `Generated on ${date} by diag ${version}. Answers stay on your machine.`,
    levels: 'Levels',
    chart: 'Your scores by dimension (0 at the centre, 100 at the edge)',
    get run() {
      return runEn();
    },
    // Privacy of group results (SPEC section 10).
    privacy: {
      hidden: 'hidden',
      countOnly: (k: number) => `Only their number is shown: with fewer than ${k} participants, someone could be singled out.`,
      note: (k: number) => `“hidden”: fewer than ${k} people concerned, or could be worked out from the other figures.`,
    },
    get template() {
      return templateEn();
    },
    /** `diag validate` of a valid bank. */
    validBank: (a: { file: string; id: string; version: string; dimensions: number; questions: number; profile: number; levels: number; recommendations: number; languages: readonly string[] }) => {
      const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      return `${a.file}: valid bank "${a.id}" ${a.version} — ${count(a.dimensions, 'dimension')}, ${count(a.questions, 'question')}, ${count(a.profile, 'profile question')}, ${count(a.levels, 'level')}, ${count(a.recommendations, 'recommendation')} (${a.languages.join(', ')})`;
    },
    /** Conditions of a bank in words (blank answer files). */
    condition: { and: 'and', or: 'or', not: 'not', score: 'score', in: 'in', notIn: 'not in', includes: 'includes', answered: 'answered', notAnswered: 'not answered' },
    /** `--help` of every command. */
    get help() {
      return HELP_EN();
    },
    /** Problems found in files, by key (worded in English by the core). */
    get problem() {
      return englishProblems();
    },
    warning: 'warning',
    /** Warnings on stderr, after `warning: `. */
    get warnings() {
      return quotedWarningsEn();
    },
    /** diag's own errors (InputError), by key. */
    get error() {
      return englishErrors();
    },
    /** commander's own messages, by the code of its error. */
    get usage() {
      return usageEn();
    },
  };
}
const en = /* @__PURE__ */ lazy(english);

/** The shape of the catalogue: a key missing from a language is a compile error. */
export type Messages = ReturnType<typeof en>;

const frenchErrors = /* @__PURE__ */ lazy((): Messages['error'] => quotingNames({
  ...ERRORS_FR(),
  cannotRead: (a) => `impossible de lire ${READABLE_FR[a.what]} ${a.file} : ${READ_FAILURE_FR[a.reason](a)}`,
  noBank: (a) => `aucun fichier ni questionnaire fourni ne s’appelle "${a.name}"`,
  bundledBanks: (a) => `questionnaires fournis : ${a.ids.join(', ') || 'aucun'}`,
  invalidBank: (a) => `${a.file} : questionnaire invalide, ${a.count} problème${a.count === 1 ? '' : 's'}`,
  tooDeep: (a) => `${a.name} : valeurs imbriquées sur plus de ${a.depth} niveaux`,
  notYaml: (a) => `${a.name} : YAML invalide`,
  yamlError: (a) => `${YAML_FR[a.code] ?? 'erreur de syntaxe'} (${a.message})`,
  recursiveAlias: (a) => `${a.name} : alias YAML récursif`,
  aliasInside: (a) => `l’alias *${a.alias} est utilisé à l’intérieur du nœud qu’il désigne ; diag ne lit que des données en arbre`,
  scoreValue: (a) => `${a.option} ${shownScore(a)} : un score de 0 à 100 est attendu${a.prefix === undefined ? '' : ` après "${a.prefix}"`}`,
  dimensionSpec: (a) => `${a.option} ${a.spec} : DIMENSION=N est attendu, par ex. ${a.option} ${a.example}=50`,
  notADimension: (a) =>
    `${a.option} ${a.spec} : "${a.id}" n’est pas une dimension du questionnaire${a.suggestion === undefined ? '' : ` (vouliez-vous dire "${a.suggestion}" ?)`} ; dimensions : ${a.ids.join(', ')}`,
  noInput: () => 'aucune entrée : donnez des fichiers de réponses, des dossiers ou des fichiers .ndjson',
  noSuchInput: (a) => `impossible de lire ${a.path} : fichier ou dossier introuvable`,
  sizeOption: (a) => `${a.origin} ${a.value} : une taille en Mo est attendue, par ex. 50`,
  tooBig: (a) => `${a.name} fait ${a.size}, plus que les ${a.limit} que diag lit par défaut ; relevez la limite avec --max-file-size Mo (ou DIAG_MAX_FILE_SIZE)`,
  noSuchLanguage: (a) => `--lang ${a.lang} : le questionnaire "${a.bank}" n’a pas cette langue ; disponibles : ${a.languages.join(', ')}`,
  inputsRefused: (a) => `${a.count} entrée${a.count === 1 ? ' refusée' : 's refusées'} ; rien n’a été écrit`,
  noAnswers: (a) => `aucune réponse trouvée dans ${a.paths.join(', ')} (fichiers cherchés : .yaml, .yml, .json, .ndjson, .jsonl)`,
  notAReport: (a) => `${a.file} : ce n’est pas un rapport diag`,
  unknownShell: (a) => `shell inconnu "${a.shell}" ; l’un de ${a.shells.join(', ')}`,
  wholeNumber: (a) => `${a.option} ${a.value} : un nombre entier d’au moins 1 est attendu`,
  minGroup: (a) => `${a.option} ${a.value} : un nombre entier d’au moins ${a.floor} est attendu (en dessous, des participants pourraient lire les réponses des autres)`,
}));

const runFr = /* @__PURE__ */ lazy((): Messages['run'] => ({
  notATerminal:
    'diag run pose les questions dans un terminal interactif, et l’entrée standard n’en est pas un.\n' +
    'Sans terminal : diag template > reponses.yaml, remplissez le fichier, puis diag score reponses.yaml',
  keyActions: FRENCH_KEY_ACTIONS,
  keyNames: FRENCH_KEY_NAMES,
  welcome: (least: number, most: number, minutes: number, mostMinutes = minutes) =>
    `${least === most ? most : `${least} à ${most}`} questions selon votre profil, environ ${minutes === mostMinutes ? minutes : `${minutes} à ${mostMinutes}`} minute${mostMinutes > 1 ? 's' : ''}.`,
  notApplicableAlone: '« Ne s’applique pas » se choisit seul : décochez les autres réponses, ou décochez-le.',
  enterNumber: 'Répondre par un nombre',
  privacy: 'Vos réponses restent sur cette machine : rien n’est envoyé nulle part.',
  keys: 'Flèches ou chiffres pour choisir, Entrée pour valider, Ctrl-C pour faire une pause (vos réponses sont gardées).',
  respondent: 'Votre prénom ou un pseudonyme (facultatif, Entrée pour passer)',
  resumeFound: (n: number, when: string) => `Un diagnostic commencé le ${when} attend la suite (${n} réponse${n === 1 ? '' : 's'}). Le reprendre ?`,
  resumeYes: 'Reprendre où je m’étais arrêté·e',
  resumeNo: 'Recommencer depuis le début',
  noProgress: 'Aucun diagnostic en cours à reprendre : on commence.',
  question: (i: number, n: number) => `Question ${i}/${n}`,
  profile: 'Votre profil',
  other: 'Pour finir',
  skip: 'Passer cette question',
  yes: 'Oui',
  no: 'Non',
  skipped: '(passée)',
  none: '(aucun)',
  numberHint: (min: number, max: number) => `un nombre de ${min} à ${max}`,
  multipleHint: 'Espace pour cocher, Entrée pour valider',
  notANumber: 'Tapez un nombre (par exemple 12 ou 3,5).',
  requiredAnswer: 'Cette question attend une réponse.',
  optionalHint: 'facultatif : Entrée pour passer',
  review: 'Vos réponses : tout est juste ? Choisissez une réponse pour la modifier.',
  finish: 'Terminer et voir mes résultats',
  saved: (file: string) => `Pause : vos réponses sont gardées dans ${file}`,
  nothingSaved: 'Arrêt avant la première réponse : rien à garder.',
  resumeWith: (command: string) => `Pour reprendre : ${command}`,
  reportWritten: (report: string, answers: string) => `Rapport complet : ${report}\nRéponses : ${answers} (à rejouer avec diag score)`,
  outExists: (file: string) => `${file} existe déjà ; le rapport est écrit à côté, sans l’écraser.`,
  locked: (pid: number, since: string, file: string) =>
    `un autre diag run (processus ${pid}, depuis ${since}) utilise déjà ${file} ; terminez-le d’abord, ou choisissez un autre --state-dir. Rien n’a été modifié.`,
  bankChanged: (from: string, to: string) => `Le questionnaire a changé depuis votre pause (version ${from || '?'} → ${to}).`,
  answersDropped: (n: number) => `${n} réponse${n > 1 ? 's ne sont' : ' n’est'} plus valable${n > 1 ? 's' : ''} et ${n > 1 ? 'seront' : 'sera'} redemandée${n > 1 ? 's' : ''} :`,
  answersKept: (n: number) => `${n} réponse${n > 1 ? 's' : ''} gardée${n > 1 ? 's' : ''}.`,
  pressEnter: 'Entrée pour continuer',
  stopped: (signal: string, saved: string | undefined, command: string) =>
    saved === undefined ? `diag : arrêté par ${signal}, avant la première réponse : rien à garder.` : `diag : arrêté par ${signal} ; vos réponses sont gardées dans ${saved} (pour reprendre : ${command})`,
  workshop: {
    title: (bank: string) => `Atelier — ${bank}`,
    so_far: (n: number, dir: string) => `${n} participant${n > 1 ? 's ont' : ' a'} déjà répondu (résultats dans ${dir}).`,
    next: 'Participant suivant : commencer',
    finish: 'Terminer l’atelier et afficher les résultats du groupe',
    pseudonym: 'Votre prénom ou un pseudonyme (facultatif : Entrée pour rester anonyme)',
    handOver: 'Entrée pour effacer l’écran et passer la main',
    groupHint: (dir: string) => `Pour le détail par groupe : diag aggregate ${dir} --by age`,
    snapshot: (shown: number, next: number) => `Ces chiffres portent sur les ${shown} premiers participants ; ils changeront quand ${next} auront fini (pour que personne ne puisse être lu entre deux écrans).`,
    resumeWith: (dir: string) => `Pour reprendre l’atelier : diag run --workshop ${dir}`,
  },
}));
const templateFr = /* @__PURE__ */ lazy((): Messages['template'] => ({
  title: (bank: string) => `Fichier de réponses vierge — ${bank}`,
  howTo: 'Remplissez chaque réponse après les deux-points, puis : diag score CE_FICHIER.yaml',
  profile: 'Profil',
  unscored: 'Autres questions',
  oneOf: 'une valeur parmi',
  listOf: 'une liste de valeurs parmi, ex. [a, b]',
  boolean: 'true (oui) ou false (non)',
  number: (range: string) => `un nombre${range}`,
  range: (min: number, max: number) => ` de ${min} à ${max}`,
  text: 'du texte entre guillemets',
  optional: 'facultatif : laissez vide ou null pour passer',
  onlyIf: 'posée seulement si',
  respondent: 'nom ou pseudonyme (facultatif)',
}));
const usageFr = /* @__PURE__ */ lazy((): Messages['usage'] => ({
  unknownOption: (a) => `option inconnue '${a.option}'${a.suggestion === undefined ? '' : ` (vouliez-vous dire ${a.suggestion} ?)`}`,
  unknownCommand: (a) => `commande inconnue '${a.command}'${a.suggestion === undefined ? '' : ` (vouliez-vous dire ${a.suggestion} ?)`}`,
  missingArgument: (a) => `argument obligatoire manquant '${a.name}'`,
  optionMissingArgument: (a) => `l’option '${a.option}' attend une valeur`,
  invalidChoice: (a) => `option '${a.option}' : la valeur '${a.value}' n’est pas possible. Valeurs possibles : ${a.choices.join(', ')}.`,
  excessArguments: (a) => `trop d’arguments : ${a.expected} attendu${a.expected > 1 ? 's' : ''}, ${a.got} donné${a.got > 1 ? 's' : ''}`,
  seeHelp: '(lancez avec --help pour l’aide)',
}));
const compareFr = /* @__PURE__ */ lazy((): Messages['compare'] => ({
  title: (oldDate: string, newDate: string) => `Évolution du ${oldDate} au ${newDate}`,
  before: 'Avant',
  after: 'Après',
  change: 'Écart',
  levelChange: 'Niveau',
  gone: 'Recommandations qui ne s’appliquent plus',
  added: 'Nouvelles recommandations',
  nothing: 'aucune',
}));
const explainFr = /* @__PURE__ */ lazy((): Messages['explain'] => ({
  title: 'Comment vos réponses font vos scores',
  item: 'Réponse',
  itemScore: 'Note',
  weight: 'Poids',
  points: 'Points',
  share: 'Part',
  best: 'Ce qui ferait le plus monter votre score global',
  gain: (points: string) => `+${points} points`,
  none: 'Toutes vos réponses sont déjà au maximum.',
}));

const fr = /* @__PURE__ */ lazy((): Messages => ({
  colon: ' : ',
  percent: (n: string) => `${n}\u202f%`,
  quote: (text: string) => `« ${text} »`,
  overall: 'Score global',
  dimension: 'Dimension',
  score: 'Score',
  level: 'Niveau',
  noScore: 'pas de score',
  notAsked: 'sans objet pour vous',
  indicative: 'Repère indicatif',
  better: { lower: 'moins, c’est mieux', higher: 'plus, c’est mieux' },
  respondent: 'Répondant',
  recommendations: 'Recommandations',
  noRecommendations: 'Aucune recommandation déclenchée.',
  priority: 'priorité',
  benchmarks: 'Repères',
  youToo: 'vous aussi',
  notYou: 'pas vous',
  respondentsSay: 'des répondants sont d’accord',
  source: 'source',
  moreInReport: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''} dans le rapport`,
  yourAnswers: 'Vos réponses',
  group: {
    participants: (n: number) => `${n} participant${n > 1 ? 's' : ''}`,
    overallMean: 'Score global moyen',
    mean: 'Moyenne',
    median: 'Médiane',
    quartiles: 'Q1–Q3',
    levels: 'Niveaux',
    count: 'n',
    segment: 'Groupe',
    by: (question: string) => `Selon « ${question} »`,
    benchmarks: 'Repères : votre groupe et la référence',
    yourGroup: 'Votre groupe',
    reference: 'Référence',
    answers: (n: number) => `${n} réponse${n > 1 ? 's' : ''}`,
    suppressed: (n: number) => `Groupes masqués pour l’anonymat (moins de ${n} personnes, ou déductibles par soustraction)`,
    noAnswer: '(sans réponse)',
    notApplicable: '(ne s’applique pas)',
    small: (n: number) => `Attention : moins de ${n} participants, les moyennes du groupe sont proches des réponses individuelles.`,
  },
  get compare() {
    return compareFr();
  },
  get explain() {
    return explainFr();
  },
  question: 'Question',
  answer: 'Réponse',
  generated: (date: string, version: string) => `Généré le ${date} par diag ${version}. Les réponses restent sur votre machine.`,
  levels: 'Niveaux',
  chart: 'Vos scores par dimension (0 au centre, 100 au bord)',
  get run() {
    return runFr();
  },
  // Confidentialité des résultats de groupe (SPEC section 10).
  privacy: {
    hidden: 'masqué',
    countOnly: (k: number) => `Seul leur nombre est affiché : avec moins de ${k} participants, quelqu’un pourrait être reconnu.`,
    note: (k: number) => `« masqué » : moins de ${k} personnes concernées, ou déductible des autres chiffres.`,
  },
  get template() {
    return templateFr();
  },

  validBank: (a) => {
    const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
    return `${a.file} : questionnaire "${a.id}" ${a.version} valide — ${count(a.dimensions, 'dimension', 'dimensions')}, ${count(a.questions, 'question', 'questions')}, ${count(a.profile, 'question de profil', 'questions de profil')}, ${count(a.levels, 'niveau', 'niveaux')}, ${count(a.recommendations, 'recommandation', 'recommandations')} (${a.languages.join(', ')})`;
  },
  condition: { and: 'et', or: 'ou', not: 'non', score: 'score', in: 'parmi', notIn: 'hors de', includes: 'contient', answered: 'répondue', notAnswered: 'sans réponse' },
  get help() {
    return HELP_FR();
  },
  get problem() {
    return FRENCH_PROBLEMS();
  },
  warning: 'avertissement',
  get warnings() {
    return quotedWarningsFr();
  },
  get error() {
    return frenchErrors();
  },
  get usage() {
    return usageFr();
  },
}));

const CATALOGUE = { fr, en } satisfies Record<string, () => Messages>;

export type UiLanguage = keyof typeof CATALOGUE;
export type UiStrings = Messages;

/** The interface language closest to a language code: fr-CA -> fr; unknown -> en. */
export function uiLanguage(lang: string | undefined): UiLanguage {
  const base = (lang ?? '').toLowerCase().slice(0, 2);
  return base === 'fr' ? 'fr' : 'en';
}

export function ui(lang: string | undefined): UiStrings {
  return CATALOGUE[uiLanguage(lang)]();
}

export { environmentLanguage };

function pick(languages: readonly string[], candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined;
  if (languages.includes(candidate)) return candidate;
  const base = candidate.slice(0, 2);
  return languages.includes(base) ? base : undefined;
}

/**
 * The one default-language rule of every output that has a bank (README "Languages"): the first of
 * `candidates` the bank speaks (--lang, then the answer file's or report's own `lang`), else the
 * environment's locale (LC_ALL, LC_MESSAGES, LANG) when the bank has it, else the bank's first
 * language.
 */
export function chooseLanguage(languages: readonly string[], ...candidates: Array<string | undefined>): string {
  for (const candidate of [...candidates, environmentLanguage(process.env)]) {
    const found = pick(languages, candidate);
    if (found !== undefined) return found;
  }
  return languages[0] ?? 'fr';
}

/**
 * The language of diag's own messages (help, usage errors, problems in files): --lang, else the
 * locale (LC_ALL, LC_MESSAGES, LANG) when diag speaks it, else English: no locale or `C` is a
 * machine (CI, scripts), whose logs are read and searched in English.
 */
export function toolLanguage(option: string | undefined, env: NodeJS.ProcessEnv = process.env): UiLanguage {
  for (const candidate of [option, environmentLanguage(env)]) {
    const found = pick(Object.keys(CATALOGUE), candidate);
    if (found === 'fr' || found === 'en') return found;
  }
  return 'en';
}

let messageLanguage: UiLanguage = toolLanguage(undefined);

/** Set once by main.ts from --lang and the locale, before any command runs. */
export function setMessageLanguage(lang: UiLanguage): void {
  messageLanguage = lang;
}

/** The catalogue in the language of diag's own messages (help, errors, problems in files). */
export function messages(): Messages {
  return CATALOGUE[messageLanguage]();
}

// ---------------------------------------------------------------------------------------------
// Output pipeline strings (renderers, `diag run`'s closing screen). A separate block so that the
// typed catalogue can take it in as it is: `fr` must have every key of `en`.
// ---------------------------------------------------------------------------------------------
function outputEnglish() {
  return {
    scoresTable: 'Scores by dimension',
    summarySource: 'source',
    htmlReport: 'Your full report, to open in a browser:',
    allRecommendations: (n: number) => `All ${n} recommendations, with your answers, are in your report (open it in a browser):`,
    moreRecommendations: (n: number) => `… and ${n} more in the HTML report below`,
    files: (json: string, answers: string) => `Also saved: ${json} (JSON report) and ${answers} (answers, to replay with diag score)`,
    below: (who: string, target: string, value: string, option: string) => `${who}: ${target} score ${value} is below ${option}`,
    fell: (who: string, target: string, old: string, now: string, drop: string, option: string) => `${who}: ${target} fell from ${old} to ${now} (−${drop}, more than ${option})`,
    noScore: 'none',
    figure: (n: number) => String(n),
    overallTarget: 'overall',
    moreFailures: (n: number) => `… and ${n} more (see --gate-report)`,
  };
}
const OUTPUT_EN = /* @__PURE__ */ lazy(outputEnglish);
const OUTPUT_FR = /* @__PURE__ */ lazy((): OutputStrings => ({
  scoresTable: 'Scores par dimension',
  summarySource: 'source',
  htmlReport: 'Votre rapport complet, à ouvrir dans un navigateur :',
  allRecommendations: (n: number) => `Les ${n} recommandations, avec vos réponses, sont dans votre rapport (à ouvrir dans un navigateur) :`,
  moreRecommendations: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''} dans le rapport HTML ci-dessous`,
  files: (json: string, answers: string) => `Aussi enregistrés : ${json} (rapport JSON) et ${answers} (réponses, à rejouer avec diag score)`,
  below: (who: string, target: string, value: string, option: string) => `${who} : score ${target} de ${value}, sous ${option}`,
  fell: (who: string, target: string, old: string, now: string, drop: string, option: string) => `${who} : ${target} est passé de ${old} à ${now} (−${drop}, plus que ${option})`,
  noScore: 'aucun',
  figure: (n: number) => String(n).replace('.', ','),
  overallTarget: 'global',
  moreFailures: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''} (voir --gate-report)`,
}));
export type OutputStrings = ReturnType<typeof OUTPUT_EN>;

/** The output pipeline's strings in the interface language closest to `lang`. */
export function outputUi(lang: string | undefined): OutputStrings {
  return (uiLanguage(lang) === 'fr' ? OUTPUT_FR : OUTPUT_EN)();
}

// ---------------------------------------------------------------------------------------------
// Strings for bank authors: `diag lint`, `aggregate --stats`, norms and `diag rescore`. A block of
// its own, typed from the English one, so that a missing French string is a compile error.

/** A lint finding's id and figures, as strings (lists joined), for its sentence. */
export type LintData = Readonly<Record<string, string>>;

/** The conventional bands for Cronbach's alpha (George & Mallery 2003; Nunnally 1978 for 0.7). */
export type AlphaBand = 'good' | 'acceptable' | 'weak';

function authorEnglish() {
  return {
    number: (x: number, digits: number) => x.toFixed(digits),
    semicolon: '; ',
    stats: {
      title: 'Reliability of the dimensions (Cronbach’s α)',
      convention: 'α ≥ 0.8 good, ≥ 0.7 acceptable, < 0.7 weak (George & Mallery 2003; Nunnally 1978). Only the questions asked of everyone count; respondents who skipped one are left out.',
      dimension: 'Dimension',
      alpha: 'α',
      n: 'n',
      items: 'items',
      reading: 'Reading',
      question: 'Question',
      itemTotal: 'item–total r',
      ifDeleted: 'α if deleted',
      floor: 'floor',
      ceiling: 'ceiling',
      group: 'Whole group',
      segment: (by: string, value: string) => `${by} = ${value}`,
      band: (band: AlphaBand, items: number, dimension: string, alpha: string): string =>
        band === 'good'
          ? `the ${items} items of ${dimension} hang together well: α = ${alpha}`
          : band === 'acceptable'
            ? `the ${items} items of ${dimension} hang together acceptably: α = ${alpha}`
            : `the ${items} items of ${dimension} hang together weakly: α = ${alpha}`,
      raise: (ids: string) => `α would rise without ${ids}`,
      negative: 'a negative α: check which questions are reversed',
      withheld: {
        'few-items': (dimension: string) => `${dimension}: no α, fewer than 2 of its questions are asked of everyone`,
        'few-respondents': (dimension: string, needed: number) => `${dimension}: no α, fewer than ${needed} respondents answered all its questions`,
        'zero-variance': (dimension: string, ids: string) => `${dimension}: no α, everyone gave the same answer to ${ids}`,
      },
      totalFlat: 'its total',
    },
    lint: {
      title: (file: string, id: string, version: string) => `diag lint: ${file} — bank ${id} ${version}`,
      simulated: (n: number, paths: number, seed: number) => `${n} simulated respondents on ${paths} profile path${paths === 1 ? '' : 's'} (seed ${seed})`,
      truncated: (paths: number) => `more than ${paths} profile paths: a sample of ${paths} was simulated, with every answer of every profile question at least once`,
      none: 'No findings.',
      count: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
      finding: 'Finding',
      where: 'Where',
      code: 'Code',
      timeTitle: (wpm: number, seconds: number, lang: string) => `Estimated time to answer (reading at ${wpm} words a minute, plus ${seconds} s per question; texts in ${lang}):`,
      everyone: 'every respondent',
      path: 'Profile path',
      questions: 'Questions',
      time: 'Time',
      range: (a: string, b: string) => (a === b ? a : `${a} to ${b}`),
      duration: (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min${seconds % 60 === 0 ? '' : ` ${String(seconds % 60).padStart(2, '0')} s`}`),
      yes: 'yes',
      no: 'no',
      skipped: '(skipped)',
      morePaths: (n: number) => `… and ${n} more paths between the shortest and the longest above (all in --format json)`,
      messages: {
        'recommendation-never-fires': (d: LintData) => `recommendation "${d.id}" fired for none of ${d.simulated} simulated respondents`,
        'recommendation-always-fires': (d: LintData) => `recommendation "${d.id}" fired for all ${d.simulated} simulated respondents: its "when" never rules anyone out`,
        'recommendations-fire-together': (d: LintData) => `recommendations "${d.with}" and "${d.id}" fired for exactly the same ${d.count} of ${d.simulated} simulated respondents: merge them, or tell them apart`,
        'level-unreachable': (d: LintData) => `${d.dimension === 'overall' ? 'the overall score' : `dimension "${d.dimension}"`} never reached level "${d.level}" (from ${d.min}) in ${d.simulated} simulated respondents`,
        'dimension-few-questions': (d: LintData) => `dimension "${d.id}" has ${d.count} scored question${d.count === '1' ? '' : 's'}; 3 or more measure it more reliably`,
        'condition-always-true': (d: LintData) => `the "when" of question "${d.id}" held for all ${d.simulated} simulated respondents: it can go`,
        'condition-always-false': (d: LintData) => `the "when" of question "${d.id}" held for none of ${d.simulated} simulated respondents: the question is never asked`,
        'items-keyed-one-way': (d: LintData) => `dimension "${d.id}": its ${d.items} likert, boolean and number questions are all keyed the same way (${d.reversed === '0' ? 'none is reversed' : 'all are reversed'}); a reversed item or two guards against agreeing with everything`,
        'duplicate-text': (d: LintData) => `question "${d.id}" has the same text as "${d.same}" (${d.lang})`,
        'missing-translation': (d: LintData) => `${d.id}: no ${d.missing} text here (readers in ${d.missing} see ${d.fallback})`,
      },
    },
    rescore: {
      title: (id: string, from: string, to: string) => `Re-scoring with bank ${id} ${to} (reports made with ${from})`,
      respondents: (n: number) => `${n} report${n === 1 ? '' : 's'}`,
      anonymous: '(anonymous)',
      unchanged: 'no change',
      level: (from: string, to: string) => `level ${from} → ${to}`,
      added: 'new advice',
      removed: 'advice gone',
      dropped: 'answers the new version refuses',
      unanswered: 'new questions without an answer',
      total: 'In total',
      score: 'Score',
      changed: 'changed',
      meanDelta: 'mean Δ',
      range: 'Δ min – max',
      levelChanges: 'level changes',
      recommendation: 'Recommendation',
      addedFor: 'added for',
      removedFor: 'removed for',
      noScoreNow: (n: number) => `${n} without a score now`,
      scoreNow: (n: number) => `${n} with a score now`,
    },
    norms: {
      percentile: (p: number) => `at or above ${p} % of the reference group`,
      reference: (n: number, date: string) => `reference group: ${n} respondents, ${date}`,
    },
  };
}
const authorEn = /* @__PURE__ */ lazy(authorEnglish);

export type AuthorStrings = ReturnType<typeof authorEn>;

const authorFr = /* @__PURE__ */ lazy((): AuthorStrings => ({
  number: (x: number, digits: number) => x.toFixed(digits).replace('.', ','),
  semicolon: ' ; ',
  stats: {
    title: 'Fiabilité des dimensions (α de Cronbach)',
    convention: 'α ≥ 0,8 bon, ≥ 0,7 acceptable, < 0,7 faible (George & Mallery 2003 ; Nunnally 1978). Seules comptent les questions posées à tous ; les répondants qui en ont passé une sont laissés de côté.',
    dimension: 'Dimension',
    alpha: 'α',
    n: 'n',
    items: 'questions',
    reading: 'Lecture',
    question: 'Question',
    itemTotal: 'r item–total',
    ifDeleted: 'α sans elle',
    floor: 'plancher',
    ceiling: 'plafond',
    group: 'Tout le groupe',
    segment: (by: string, value: string) => `${by} = ${value}`,
    band: (band: AlphaBand, items: number, dimension: string, alpha: string): string =>
      band === 'good'
        ? `les ${items} questions de « ${dimension} » vont bien ensemble : α = ${alpha}`
        : band === 'acceptable'
          ? `les ${items} questions de « ${dimension} » vont ensemble de façon acceptable : α = ${alpha}`
          : `les ${items} questions de « ${dimension} » vont mal ensemble : α = ${alpha}`,
    raise: (ids: string) => `α monterait sans ${ids}`,
    negative: 'un α négatif : vérifiez quelles questions sont inversées',
    withheld: {
      'few-items': (dimension: string) => `« ${dimension} » : pas d’α, moins de 2 de ses questions sont posées à tous`,
      'few-respondents': (dimension: string, needed: number) => `« ${dimension} » : pas d’α, moins de ${needed} répondants ont répondu à toutes ses questions`,
      'zero-variance': (dimension: string, ids: string) => `« ${dimension} » : pas d’α, tout le monde a donné la même réponse à ${ids}`,
    },
    totalFlat: 'son total',
  },
  lint: {
    title: (file: string, id: string, version: string) => `diag lint : ${file} — banque ${id} ${version}`,
    simulated: (n: number, paths: number, seed: number) => `${n} répondants simulés sur ${paths} parcours de profil (graine ${seed})`,
    truncated: (paths: number) => `plus de ${paths} parcours de profil : un échantillon de ${paths} a été simulé, avec chaque réponse de chaque question de profil au moins une fois`,
    none: 'Aucun constat.',
    count: (n: number) => `${n} constat${n > 1 ? 's' : ''}`,
    finding: 'Constat',
    where: 'Où',
    code: 'Code',
    timeTitle: (wpm: number, seconds: number, lang: string) => `Temps de réponse estimé (lecture à ${wpm} mots par minute, plus ${seconds} s par question ; textes en ${lang}) :`,
    everyone: 'tous les répondants',
    path: 'Parcours de profil',
    questions: 'Questions',
    time: 'Temps',
    range: (a: string, b: string) => (a === b ? a : `de ${a} à ${b}`),
    duration: (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min${seconds % 60 === 0 ? '' : ` ${String(seconds % 60).padStart(2, '0')} s`}`),
    yes: 'oui',
    no: 'non',
    skipped: '(sans réponse)',
    morePaths: (n: number) => `… et ${n} autres parcours entre les plus courts et les plus longs ci-dessus (tous dans --format json)`,
    messages: {
      'recommendation-never-fires': (d: LintData) => `la recommandation « ${d.id} » ne s’est déclenchée pour aucun des ${d.simulated} répondants simulés`,
      'recommendation-always-fires': (d: LintData) => `la recommandation « ${d.id} » s’est déclenchée pour les ${d.simulated} répondants simulés : son « when » n’écarte personne`,
      'recommendations-fire-together': (d: LintData) => `les recommandations « ${d.with} » et « ${d.id} » se sont déclenchées pour exactement les mêmes ${d.count} répondants simulés sur ${d.simulated} : fusionnez-les, ou distinguez-les`,
      'level-unreachable': (d: LintData) => `${d.dimension === 'overall' ? 'le score global' : `la dimension « ${d.dimension} »`} n’a jamais atteint le niveau « ${d.level} » (à partir de ${d.min}) sur ${d.simulated} répondants simulés`,
      'dimension-few-questions': (d: LintData) => `la dimension « ${d.id} » a ${d.count} question${Number(d.count) > 1 ? 's' : ''} notée${Number(d.count) > 1 ? 's' : ''} ; 3 ou plus la mesurent de façon plus fiable`,
      'condition-always-true': (d: LintData) => `le « when » de la question « ${d.id} » était vrai pour les ${d.simulated} répondants simulés : il peut être retiré`,
      'condition-always-false': (d: LintData) => `le « when » de la question « ${d.id} » n’était vrai pour aucun des ${d.simulated} répondants simulés : la question n’est jamais posée`,
      'items-keyed-one-way': (d: LintData) => `dimension « ${d.id} » : ses ${d.items} questions likert, oui/non et nombre vont toutes dans le même sens (${d.reversed === '0' ? 'aucune n’est inversée' : 'toutes sont inversées'}) ; une ou deux questions inversées protègent contre la tendance à tout approuver`,
      'duplicate-text': (d: LintData) => `la question « ${d.id} » a le même texte que « ${d.same} » (${d.lang})`,
      'missing-translation': (d: LintData) => `${d.id} : pas de texte en ${d.missing} ici (les lecteurs en ${d.missing} voient le ${d.fallback})`,
    },
  },
  rescore: {
    title: (id: string, from: string, to: string) => `Nouveau calcul avec la banque ${id} ${to} (rapports faits avec ${from})`,
    respondents: (n: number) => `${n} rapport${n > 1 ? 's' : ''}`,
    anonymous: '(anonyme)',
    unchanged: 'aucun changement',
    level: (from: string, to: string) => `niveau ${from} → ${to}`,
    added: 'nouveaux conseils',
    removed: 'conseils retirés',
    dropped: 'réponses que la nouvelle version refuse',
    unanswered: 'nouvelles questions sans réponse',
    total: 'Au total',
    score: 'Score',
    changed: 'modifiés',
    meanDelta: 'Δ moyen',
    range: 'Δ min – max',
    levelChanges: 'changements de niveau',
    recommendation: 'Recommandation',
    addedFor: 'ajoutée pour',
    removedFor: 'retirée pour',
    noScoreNow: (n: number) => `${n} sans score désormais`,
    scoreNow: (n: number) => `${n} avec un score désormais`,
  },
  norms: {
    percentile: (p: number) => `au niveau ou au-dessus de ${p}\u202f% du groupe de référence`,
    reference: (n: number, date: string) => `groupe de référence : ${n} répondants, ${date}`,
  },
}));

export function authorUi(lang: string | undefined): AuthorStrings {
  return (uiLanguage(lang) === 'fr' ? authorFr : authorEn)();
}

/** The band of an alpha, by the convention quoted in `stats.convention`. */
export function alphaBand(alpha: number): AlphaBand {
  return alpha >= 0.8 ? 'good' : alpha >= 0.7 ? 'acceptable' : 'weak';
}

// ---------------------------------------------------------------------------------------------
// `diag workshop DIR`: the browser workshop's server (the terminal lines and its own small pages).
// Kept apart from STRINGS so that it can grow without touching the rest of the catalogue.

function workshopFrench() {
  return {
    title: (bank: string) => `Atelier « ${bank} »`,
    resumed: (joined: number, finished: number) => `Suite de la session : ${joined} participant${joined > 1 ? 's' : ''} arrivé${joined > 1 ? 's' : ''}, ${finished} terminé${finished > 1 ? 's' : ''}.`,
    closedNote: 'Les réponses sont fermées (Terminer) ; « Rouvrir » sur l’écran de l’animateur les rouvre.',
    joinHint: 'Participants : scannez le QR code ou ouvrez l’adresse « join » dans un navigateur, sur le même réseau.',
    presentHint: 'Votre écran (projecteur) : l’adresse « present », à garder pour vous (elle contient votre jeton).',
    listening: (addresses: string) => `À l’écoute sur : ${addresses}`,
    everyInterface: 'toutes les interfaces',
    noNetwork: 'Aucun réseau local trouvé : seule cette machine peut rejoindre l’atelier.',
    localOnly: 'Seule cette machine peut rejoindre l’atelier (--host 127.0.0.1).',
    stopHint: (dir: string) => `Ctrl-C arrête le serveur ; « diag workshop ${dir} » reprend la même session (même code, mêmes participants).`,
    portBusy: (port: number, chosen: number) => `Le port ${port} est occupé ; le serveur écoute sur le port ${chosen}.`,
    stopped: (finished: number, dir: string) => `Serveur arrêté. ${finished} réponse${finished > 1 ? 's' : ''} enregistrée${finished > 1 ? 's' : ''} dans ${dir}.`,
    notBuilt: 'Les pages web ne sont pas construites (dist/web manque) : lancez « npm run build ». L’API fonctionne.',
    pages: {
      unknownCode: { title: 'Code inconnu', text: 'Aucun atelier ne porte ce code. Vérifiez l’adresse affichée par l’animateur.' },
      wrongToken: { title: 'Accès refusé', text: 'Cette page est réservée à l’animateur : l’adresse n’a pas le bon jeton.' },
      notBuilt: { title: 'Pages non construites', text: 'Les pages de l’atelier ne sont pas construites : lancez « npm run build » puis relancez « diag workshop ».' },
      notFound: { title: 'Page introuvable', text: 'Cette adresse n’existe pas.' },
    },
  };
}
const workshopFr = /* @__PURE__ */ lazy(workshopFrench);

type WorkshopStrings = ReturnType<typeof workshopFr>;

const workshopEn = /* @__PURE__ */ lazy((): WorkshopStrings => ({
  title: (bank) => `Workshop "${bank}"`,
  resumed: (joined, finished) => `Continuing the session: ${joined} joined, ${finished} finished.`,
  closedNote: 'Answers are closed (Finish); "Reopen" on the trainer’s screen opens them again.',
  joinHint: 'Participants: scan the QR code or open the "join" address in a browser, on the same network.',
  presentHint: 'Your screen (projector): the "present" address; keep it to yourself (it holds your token).',
  listening: (addresses) => `Listening on: ${addresses}`,
  everyInterface: 'every interface',
  noNetwork: 'No local network found: only this machine can join the workshop.',
  localOnly: 'Only this machine can join the workshop (--host 127.0.0.1).',
  stopHint: (dir) => `Ctrl-C stops the server; "diag workshop ${dir}" continues the same session (same code, same participants).`,
  portBusy: (port, chosen) => `Port ${port} is in use; the server listens on port ${chosen}.`,
  stopped: (finished, dir) => `Server stopped. ${finished} answer${finished === 1 ? '' : 's'} saved in ${dir}.`,
  notBuilt: 'The web pages are not built (dist/web is missing): run "npm run build". The API works.',
  pages: {
    unknownCode: { title: 'Unknown code', text: 'No workshop has this code. Check the address the trainer shows.' },
    wrongToken: { title: 'Access denied', text: 'This page is the trainer’s: the address does not carry the right token.' },
    notBuilt: { title: 'Pages not built', text: 'The workshop pages are not built: run "npm run build", then start "diag workshop" again.' },
    notFound: { title: 'Page not found', text: 'This address does not exist.' },
  },
}));

/** The workshop server's strings in the interface language closest to `lang`. */
export function workshopUi(lang: string | undefined): WorkshopStrings {
  return (uiLanguage(lang) === 'fr' ? workshopFr : workshopEn)();
}
