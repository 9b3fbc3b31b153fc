import type { Entity, Expected, PatternRule, ProblemTexts, Shown } from '../core/index.js';
import { lazy } from './lazy.js';

/**
 * The French wording of every problem the core reports (the English is the core's own,
 * `problemText` in problem-text.ts). Typed `ProblemTexts`: a key the core adds without a translation here does not
 * compile. Ids, values and keys stay as written in the file, in straight quotes.
 */
function shown(value: Shown): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'missing':
      return 'rien (la clé manque)';
    case 'list':
      return 'une liste';
    case 'mapping':
      return 'une table de clés';
    case 'text':
      return `le texte ${value.value ?? ''}`;
    case 'number':
      return `le nombre ${value.value ?? ''}`;
    case 'boolean':
      return `la valeur ${value.value ?? ''}`;
    default:
      return value.value ?? '';
  }
}

const didYouMean = (match: string | undefined) => (match === undefined ? '' : ` (vouliez-vous dire "${match}" ?)`);
const not = (actual: Shown | undefined) => (actual === undefined ? '' : `, pas ${shown(actual)}`);

const ENTITY: Record<Entity, string> = { dimension: 'de dimension', level: 'de niveau', recommendation: 'de recommandation' };

const EXPECTED: Record<Expected, (a: { shape?: string; languages?: readonly string[] }) => string> = {
  string: () => 'un texte',
  text: (a) => `un texte ou une table de langues (${(a.languages ?? []).join(', ')})`,
  number: () => 'un nombre',
  boolean: () => 'true ou false',
  list: () => 'une liste',
  value: () => 'une valeur',
  valueOrList: () => 'une valeur ou une liste de valeurs',
  listOfValues: () => 'une liste de valeurs',
  conditions: () => 'une liste non vide de conditions',
  condition: () => 'une condition (une table comme {question: ID, equals: VALEUR})',
  questionId: () => 'un identifiant de question',
  scoreTarget: () => 'un identifiant de dimension ou "overall"',
  mapping: (a) => (a.shape === undefined ? 'une table de clés' : a.shape.startsWith('with ') ? `une table avec ${a.shape.slice(5).replace(' and ', ' et ')}` : `une table ${a.shape}`),
  stringOrNumber: () => 'un texte ou un nombre',
  scales: () => 'une table identifiant d’échelle -> {options}',
  scale: () => 'une table {options: […]}',
  options: () => 'une liste de {value, label}',
  benchmark: () => 'une table comme {agreeShare: 68, source: "…"}',
  answers: () => 'une table identifiant de question -> réponse',
  answerMap: () => 'une table de réponses',
  scoreMap: () => 'une table {score, level}',
  dateTime: () => 'une date et une heure comme "2026-11-23T09:30:00Z"',
};

const PATTERN: Record<PatternRule, (a: { entity?: Entity; pattern?: string }) => string> = {
  bankId: () => 'n’est pas un identifiant de questionnaire valide (minuscules, chiffres et -)',
  semver: () => 'n’est pas une version sémantique comme 1.0.0',
  questionId: () => 'n’est pas un identifiant de question valide (minuscules, chiffres, _ . -, en commençant par une lettre)',
  link: () => 'n’est pas une adresse http(s)',
  normsFile: () => 'doit être un chemin relatif vers un fichier .json à côté du questionnaire (sans « .. », pas absolu)',
  entityId: (a) => (a.entity === undefined ? `ne suit pas le motif ${a.pattern ?? ''}` : `n’est pas un identifiant ${ENTITY[a.entity]} valide`),
};

export const FRENCH_PROBLEMS = /* @__PURE__ */ lazy((): ProblemTexts => ({
  required: (a) => `"${a.key}" est obligatoire`,
  mustBe: (a) => `doit être ${EXPECTED[a.expected](a)}${not(a.actual)}`,
  pattern: (a) => `${a.value} ${PATTERN[a.rule](a)}`,
  wholeNumber: (a) => `doit être un nombre entier, pas ${a.value}`,
  greaterThan: (a) => `doit être supérieur à ${a.min}, pas ${a.value}`,
  range: (a) => `doit être ${a.max === undefined ? `au moins ${a.min ?? ''}` : `de ${a.min ?? '-∞'} à ${a.max}`}, pas ${a.value}`,
  empty: () => 'ne doit pas être vide',
  unknownKey: (a) => `clé inconnue "${a.key}", ignorée${didYouMean(a.suggestion)}`,
  textTooLong: (a) => `fait ${a.length} caractères ; la limite est ${a.limit}`,
  textLanguageUnknown: (a) => `la langue "${a.lang}" n’est pas parmi les langues du questionnaire (${a.languages.join(', ')})`,
  textNoDefault: (a) => `n’a pas de texte dans la langue par défaut "${a.lang}"`,
  notABank: (a) => `un questionnaire doit être une table avec id, version, dimensions, levels et questions, pas ${shown(a.actual)}`,
  tooManyQuestions: (a) => `le questionnaire a ${a.count} questions ; la limite est ${a.limit}`,
  tooManyOptions: (a) => `${a.count} options ; la limite est ${a.limit}`,
  badLanguage: (a) => `doit être un code de langue comme fr ou en, pas ${shown(a.actual)}`,
  languageTwice: (a) => `la langue "${a.lang}" est citée deux fois`,
  idTwice: (a) => `l’identifiant ${ENTITY[a.entity]} "${a.id}" est utilisé deux fois`,
  questionIdTwice: (a) => `l’identifiant de question "${a.id}" est utilisé deux fois`,
  reservedOverall: () => '"overall" est réservé au score global',
  firstLevelMin: (a) => `le premier niveau doit commencer à min 0, pas ${a.min}`,
  levelsOrder: (a) => `les niveaux doivent être dans l’ordre croissant de min : ${a.min} vient après ${a.previous}`,
  unknownDimension: (a) => `la dimension "${a.id}" n’est pas définie${didYouMean(a.suggestion)}`,
  valueTwice: (a) => `la valeur ${a.value} apparaît deux fois`,
  scaleTooSmall: () => 'une échelle likert a besoin d’au moins deux valeurs distinctes',
  missingScore: (a) => `l’option ${a.value} a besoin d’un "score" (0 à 100) : la question est notée`,
  unknownType: (a) => `${a.value} n’est pas un type de question${didYouMean(a.suggestion)} ; l’un de ${a.types.join(', ')}`,
  reverseIgnored: (a) => `"reverse" est sans effet sur une question ${a.type}`,
  profileDimensionIgnored: () => 'les questions de profil ne sont jamais notées ; "dimension" est ignoré',
  dimensionRequired: () => '"dimension" est obligatoire sur une question notée (ou mettez weight: 0 pour la poser sans la noter)',
  scaleAndOptions: () => 'donnez "scale" ou "options", pas les deux',
  unknownScale: (a) => `l’échelle "${a.id}" n’est pas définie${didYouMean(a.suggestion)}`,
  scaleRequired: () => 'une question likert a besoin de "scale" (un identifiant d’échelle) ou d’"options"',
  minMax: (a) => `min (${a.min}) doit être inférieur à max (${a.max})`,
  minMaxRequired: () => 'une question nombre notée a besoin de "min" et de "max"',
  conditionValueUnknown: (a) => `${a.value} n’est pas une valeur de "${a.question}" (${a.allowed}) : ce test ne peut jamais être vrai`,
  selfQuestion: (a) => `la question "${a.id}" dépend d’elle-même : une condition ne peut regarder que des questions posées avant`,
  laterQuestion: (a) => `la question "${a.id}" vient plus loin dans le fichier : une condition ne peut regarder que des questions posées avant`,
  noSuchQuestion: (a) => `la question "${a.id}" n’existe pas${didYouMean(a.suggestion)}`,
  unknownOperator: (a) => `opérateur inconnu "${a.key}"${didYouMean(a.suggestion)} ; l’un de ${a.operators.join(', ')}`,
  includesNotMultiple: (a) => `"includes" ne vaut que pour les questions à choix multiples ; "${a.id}" est de type ${a.type}`,
  questionTestNoOperator: (a) => `un test sur la question "${a.id}" a besoin de l’un de ${a.operators.join(', ')}`,
  scoreInQuestion: () => 'le "when" d’une question ne peut pas tester un score (les scores n’existent qu’après le questionnaire)',
  scoreTestNoOperator: (a) => `un test sur le score "${a.id}" a besoin de "below" ou "atLeast"`,
  tooDeep: (a) => `les conditions sont imbriquées sur plus de ${a.depth} niveaux`,
  conditionHeads: (a) =>
    `une condition a exactement une clé parmi question, score, all, any, not ; trouvé ${a.found.length > 0 ? a.found.join(' et ') : a.keys.map((k) => `"${k}"`).join(', ') || 'rien'}`,
  conditionAlone: (a) => `"${a.head}" doit être seul ; inattendu : ${a.extra.map((k) => `"${k}"`).join(', ')}`,
  notAnAnswerFile: (a) => `un fichier de réponses doit être une table avec "answers", pas ${shown(a.actual)}`,
  bankMismatch: (a) => `ce fichier est pour le questionnaire ${a.file}, mais le questionnaire est "${a.bank}" (choisissez-le avec --bank)`,
  langNotInBank: (a) => `${a.lang} n’est pas une langue du questionnaire ; possibles : ${a.languages.join(', ')}`,
  notAQuestion: (a) => `"${a.id}" n’est pas une question du questionnaire "${a.bank}"${didYouMean(a.suggestion)}`,
  hiddenAnswer: (a) => `${a.id} : la question n’est pas posée avec ces réponses (son "when" est faux) ; la réponse est ignorée`,
  missingAnswer: (a) => `${a.id} : question obligatoire sans réponse`,
  answerRequired: (a) => `${a.id} : est obligatoire et ne peut pas être passée (null)`,
  answerExpects: (a) => {
    const expected = {
      oneOf: () => `l’une des valeurs ${a.allowed ?? ''}`,
      listOf: () => `une liste d’options comme [${a.example ?? ''}]`,
      boolean: () => 'true ou false',
      number: () => `un nombre${a.min !== undefined && a.max !== undefined ? ` de ${a.min} à ${a.max}` : ''}`,
      text: () => 'du texte',
    }[a.expected]();
    return `${a.id} : attend ${expected}${a.or === undefined ? '' : ` ou ${JSON.stringify(a.or)}`}, pas ${shown(a.actual)}${a.expected === 'listOf' ? ` ; possibles : ${a.allowed ?? ''}` : ''}`;
  },
  notOnScale: (a) => `${a.id} : ${a.value} n’est pas une valeur de l’échelle ; possibles : ${a.allowed}`,
  notAnOption: (a) => `${a.id} : ${a.value} n’est pas une option${didYouMean(a.suggestion)} ; possibles : ${a.allowed}${a.alone === undefined ? '' : ` (ou ${JSON.stringify(a.alone)} seul, au lieu d’une liste)`}`,
  chosenTwice: (a) => `${a.id} : ${a.value} est choisi deux fois`,
  answerTooLong: (a) => `${a.id} : fait ${a.length} caractères ; la limite est ${a.limit}`,
  notAReport: (a) => `un rapport doit être un objet JSON, pas ${shown(a.actual)}`,
  notAnAnswer: (a) => `n’est pas une réponse : ${shown(a.actual)}`,
  schemaVersion: (a) => `la version ${a.version} n’est pas lue par ce diag (il lit la version 1)`,
  notApplicableType: (a) => `doit être true ou un texte (le libellé du choix « ne s’applique pas »), pas ${shown(a.actual)}`,
  notApplicableOnText: () => 'une question texte ne peut pas proposer « ne s’applique pas » : sa réponse est libre (rendez-la plutôt facultative)',
  badBetter: (a) => `${a.value} n’est pas un sens ; l’un de ${a.allowed.join(', ')} (une part plus basse ou plus haute est-elle meilleure ?)`,
  notApplicableValueTest: (a) => `"${a.value}" est la réponse « ne s’applique pas » de "${a.id}" : aucun test de valeur n’est vrai sur elle ; écrivez {question: ${a.id}, notApplicable: true}`,
  notApplicableNotOfferedTest: (a) => `"${a.id}" ne propose pas de réponse « ne s’applique pas » (ajoutez-lui notApplicable) : ce test ${a.value ? 'n’est jamais vrai' : 'revient à answered: true'}`,
  notApplicableNotOffered: (a) => `"${a.value}" (ne s’applique pas) n’est pas proposé par cette question`,
  notApplicableOption: (a) => `la valeur "${a.value}" est la réponse « ne s’applique pas » de cette question (notApplicable) ; donnez une autre valeur à cette option`,
  oldBankVersion: (a) =>
    `ce fichier de réponses a été écrit pour ${a.bank} ${a.version} (${a.unknown} de ses ${a.answered} réponses ${a.unknown > 1 ? "portent" : "porte"} sur des questions qui n’existent plus) ; la ${a.current} a changé les questions : ${a.changes.fr}. Répondez à nouveau avec « diag run », ou partez de « diag template »`,
  bankVersionMismatch: (a) => `ce fichier a été écrit pour ${a.bank} ${a.version} ; il est lu avec la ${a.current}`,
  bankVersionType: (a) => `"bankVersion" doit être une version comme "${a.current}", pas ${shown(a.actual)} ; elle est ignorée`,
  normsEntry: () => '{n, points} attendu',
  normsCount: () => 'un nombre entier de répondants est attendu',
  normsPoints: () => '99 points de percentile entre 0 et 100 sont attendus',
  normsOrder: () => 'les points de percentile ne doivent pas décroître',
  normsObject: () => 'un fichier de normes est un objet JSON écrit par diag aggregate --norms-out',
  normsKind: () => 'pas un fichier de normes diag (kind n’est pas "diag-norms")',
  normsSchema: () => 'schemaVersion inconnue (1 attendu)',
  normsBank: () => '{id, version} attendu',
  normsDimensions: () => 'un objet par identifiant de dimension est attendu',
  byNotAQuestion: (a) => `"${a.id}" n’est pas une question du questionnaire "${a.bank}"${didYouMean(a.suggestion)}`,
  byType: (a) =>
    `"${a.id}" est une question ${a.type} ; les groupes se font selon une question à choix unique, multiple ou oui/non${a.eligible.length > 0 ? ` (${a.eligible.join(', ')})` : ''}`,
}));
