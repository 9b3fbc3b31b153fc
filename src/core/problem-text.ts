/**
 * What a problem says, as data: a key and its arguments (publint's `{code, args}`), worded here in
 * English, the reference language. The CLI's catalogue words the same keys in its other languages
 * (typed `ProblemTexts`, so a key without a translation does not compile). Arguments are plain
 * JSON values so that a problem can be stored and worded later.
 */
import { didYouMean as closest } from './suggest.js';

/** A value found in the input, described without its language: `{kind: 'text', value: '"yes"'}`. */
export interface Shown {
  kind: 'null' | 'missing' | 'list' | 'mapping' | 'text' | 'number' | 'boolean' | 'other';
  /** The value itself, JSON-quoted and shortened for text. */
  value?: string;
}

export function show(value: unknown): Shown {
  if (value === null) return { kind: 'null' };
  if (value === undefined) return { kind: 'missing' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  if (typeof value === 'string') return { kind: 'text', value: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) };
  if (typeof value === 'number') return { kind: 'number', value: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value: String(value) };
  return { kind: 'other', value: `${typeof value} ${String(value)}` };
}

export function shownEnglish(shown: Shown): string {
  switch (shown.kind) {
    case 'null':
      return 'null';
    case 'missing':
      return 'nothing (the key is missing)';
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'text':
      return `the text ${shown.value ?? ''}`;
    case 'number':
    case 'boolean':
      return `${shown.kind} ${shown.value ?? ''}`;
    default:
      return shown.value ?? '';
  }
}

/** `{suggestion}` when one candidate is close to the input (a likely typo), else `{}`. */
export function suggest(input: string, candidates: Iterable<string>): { suggestion?: string } {
  const match = closest(input, candidates);
  return match === undefined ? {} : { suggestion: match };
}

/** What was expected where a value had the wrong type (`must be …, not …`). */
export type Expected =
  | 'string'
  | 'text'
  | 'number'
  | 'boolean'
  | 'list'
  | 'value'
  | 'valueOrList'
  | 'listOfValues'
  | 'conditions'
  | 'condition'
  | 'questionId'
  | 'scoreTarget'
  | 'mapping'
  | 'stringOrNumber'
  | 'scales'
  | 'scale'
  | 'options'
  | 'benchmark'
  | 'answers'
  | 'answerMap'
  | 'scoreMap'
  | 'dateTime';

/** The kinds of things that have ids in a bank. */
export type Entity = 'dimension' | 'level' | 'recommendation';

/** Which rule a string broke, for `pattern` problems. */
export type PatternRule = 'bankId' | 'semver' | 'questionId' | 'link' | 'entityId' | 'normsFile';

/** The arguments of a text that has none. */
export type NoArgs = Record<string, never>;

/**
 * The English wording of every problem key: the reference the other languages follow. A function,
 * run once at the first problem worded (`englishProblems`): a clean run words none, and creates
 * none of these functions.
 */
function problemText() {
  return {
    required: (a: { key: string }) => `"${a.key}" is required`,
    mustBe: (a: { expected: Expected; actual?: Shown; shape?: string; languages?: readonly string[] }) =>
      `must be ${EXPECTED[a.expected](a)}${a.actual === undefined ? '' : `, not ${shownEnglish(a.actual)}`}`,
    pattern: (a: { value: string; rule: PatternRule; entity?: Entity; pattern?: string }) => `${a.value} ${PATTERN[a.rule](a)}`,
    wholeNumber: (a: { value: number }) => `must be a whole number, not ${a.value}`,
    greaterThan: (a: { min: number; value: number }) => `must be greater than ${a.min}, not ${a.value}`,
    range: (a: { min?: number; max?: number; value: number }) =>
      `must be ${a.max === undefined ? `at least ${a.min ?? ''}` : `from ${a.min ?? '-∞'} to ${a.max}`}, not ${a.value}`,
    empty: (_: NoArgs) => 'must not be empty',
    unknownKey: (a: { key: string; suggestion?: string }) => `unknown key "${a.key}" is ignored${didYouMean(a.suggestion)}`,
    // Texts
    textTooLong: (a: { length: number; limit: number }) => `is ${a.length} characters long; the limit is ${a.limit}`,
    textLanguageUnknown: (a: { lang: string; languages: readonly string[] }) => `language "${a.lang}" is not in the bank's languages (${a.languages.join(', ')})`,
    textNoDefault: (a: { lang: string }) => `has no text in the default language "${a.lang}"`,
    // Banks
    notABank: (a: { actual: Shown }) => `a bank must be a mapping with id, version, dimensions, levels and questions, not ${shownEnglish(a.actual)}`,
    tooManyQuestions: (a: { count: number; limit: number }) => `the bank has ${a.count} questions; the limit is ${a.limit}`,
    tooManyOptions: (a: { count: number; limit: number }) => `${a.count} options; the limit is ${a.limit}`,
    badLanguage: (a: { actual: Shown }) => `must be a language code such as fr or en, not ${shownEnglish(a.actual)}`,
    languageTwice: (a: { lang: string }) => `language "${a.lang}" is listed twice`,
    idTwice: (a: { entity: Entity; id: string }) => `${a.entity} id "${a.id}" is used twice`,
    questionIdTwice: (a: { id: string }) => `question id "${a.id}" is used twice`,
    reservedOverall: (_: NoArgs) => '"overall" is reserved for the overall score',
    firstLevelMin: (a: { min: number }) => `the first level must start at min 0, not ${a.min}`,
    levelsOrder: (a: { min: number; previous: number }) => `levels must be in ascending order of min: ${a.min} comes after ${a.previous}`,
    unknownDimension: (a: { id: string; suggestion?: string }) => `dimension "${a.id}" is not defined${didYouMean(a.suggestion)}`,
    valueTwice: (a: { value: string }) => `value ${a.value} appears twice`,
    scaleTooSmall: (_: NoArgs) => 'a likert scale needs at least two distinct values',
    missingScore: (a: { value: string }) => `option ${a.value} needs a "score" (0 to 100): the question is scored`,
    unknownType: (a: { value: string; suggestion?: string; types: readonly string[] }) =>
      `${a.value} is not a question type${didYouMean(a.suggestion)}; one of ${a.types.join(', ')}`,
    reverseIgnored: (a: { type: string }) => `"reverse" has no effect on a ${a.type} question`,
    profileDimensionIgnored: (_: NoArgs) => 'profile questions are never scored; "dimension" is ignored',
    dimensionRequired: (_: NoArgs) => '"dimension" is required on a scored question (or set weight: 0 to ask without scoring)',
    scaleAndOptions: (_: NoArgs) => 'give either "scale" or "options", not both',
    unknownScale: (a: { id: string; suggestion?: string }) => `scale "${a.id}" is not defined${didYouMean(a.suggestion)}`,
    scaleRequired: (_: NoArgs) => 'a likert question needs "scale" (a scale id) or inline "options"',
    minMax: (a: { min: number; max: number }) => `min (${a.min}) must be less than max (${a.max})`,
    minMaxRequired: (_: NoArgs) => 'a scored number question needs both "min" and "max"',
    // Conditions
    conditionValueUnknown: (a: { value: string; question: string; allowed: string }) =>
      `${a.value} is not a value of "${a.question}" (${a.allowed}): this test can never be true`,
    selfQuestion: (a: { id: string }) => `question "${a.id}" refers to itself: a condition may only look at questions asked before`,
    laterQuestion: (a: { id: string }) => `question "${a.id}" comes later in the file: a condition may only look at questions asked before`,
    noSuchQuestion: (a: { id: string; suggestion?: string }) => `question "${a.id}" does not exist${didYouMean(a.suggestion)}`,
    unknownOperator: (a: { key: string; suggestion?: string; operators: readonly string[] }) =>
      `unknown operator "${a.key}"${didYouMean(a.suggestion)}; one of ${a.operators.join(', ')}`,
    includesNotMultiple: (a: { id: string; type: string }) => `"includes" only holds for multiple-choice questions; "${a.id}" is ${a.type}`,
    questionTestNoOperator: (a: { id: string; operators: readonly string[] }) => `a test on question "${a.id}" needs one of ${a.operators.join(', ')}`,
    scoreInQuestion: (_: NoArgs) => 'a question\'s "when" cannot test a score (scores exist only after the survey)',
    scoreTestNoOperator: (a: { id: string }) => `a test on score "${a.id}" needs "below" or "atLeast"`,
    tooDeep: (a: { depth: number }) => `conditions are nested more than ${a.depth} levels deep`,
    conditionHeads: (a: { found: readonly string[]; keys: readonly string[] }) =>
      `a condition has exactly one of question, score, all, any, not; found ${a.found.length > 0 ? a.found.join(' and ') : a.keys.map((k) => `"${k}"`).join(', ') || 'nothing'}`,
    conditionAlone: (a: { head: string; extra: readonly string[] }) => `"${a.head}" stands alone; unexpected ${a.extra.map((k) => `"${k}"`).join(', ')}`,
    // Answer files
    notAnAnswerFile: (a: { actual: Shown }) => `an answer file must be a mapping with "answers", not ${shownEnglish(a.actual)}`,
    bankMismatch: (a: { file: string; bank: string }) => `this file is for bank ${a.file}, but the bank is "${a.bank}" (choose it with --bank)`,
    langNotInBank: (a: { lang: string; languages: readonly string[] }) => `${a.lang} is not a language of the bank; allowed: ${a.languages.join(', ')}`,
    notAQuestion: (a: { id: string; bank: string; suggestion?: string }) => `"${a.id}" is not a question of bank "${a.bank}"${didYouMean(a.suggestion)}`,
    hiddenAnswer: (a: { id: string }) => `${a.id}: the question is not asked with these answers (its "when" is false); the answer is ignored`,
    missingAnswer: (a: { id: string }) => `${a.id}: required question not answered`,
    answerRequired: (a: { id: string }) => `${a.id}: is required and cannot be skipped (null)`,
    answerExpects: (a: { id: string; expected: 'oneOf' | 'listOf' | 'boolean' | 'number' | 'text'; allowed?: string; example?: string; min?: number; max?: number; or?: string; actual: Shown }) =>
      `${a.id}: expects ${ANSWER_EXPECTED[a.expected](a)}${a.or === undefined ? '' : ` or ${JSON.stringify(a.or)}`}, not ${shownEnglish(a.actual)}${a.expected === 'listOf' ? `; allowed: ${a.allowed ?? ''}` : ''}`,
    notOnScale: (a: { id: string; value: string; allowed: string }) => `${a.id}: ${a.value} is not a value of the scale; allowed: ${a.allowed}`,
    notAnOption: (a: { id: string; value: string; suggestion?: string; allowed: string; alone?: string }) =>
      `${a.id}: ${a.value} is not an option${didYouMean(a.suggestion)}; allowed: ${a.allowed}${a.alone === undefined ? '' : ` (or ${JSON.stringify(a.alone)} alone, instead of a list)`}`,
    chosenTwice: (a: { id: string; value: string }) => `${a.id}: ${a.value} is chosen twice`,
    answerTooLong: (a: { id: string; length: number; limit: number }) => `${a.id}: is ${a.length} characters long; the limit is ${a.limit}`,
    // Reports
    notAReport: (a: { actual: Shown }) => `a report must be a JSON object, not ${shownEnglish(a.actual)}`,
    notAnAnswer: (a: { actual: Shown }) => `is not an answer: ${shownEnglish(a.actual)}`,
    schemaVersion: (a: { version: number }) => `version ${a.version} is not supported by this diag (it reads version 1)`,
    // "Does not apply" (SPEC section 9)
    notApplicableType: (a: { actual: Shown }) => `must be true or a text (the wording of the "does not apply" choice), not ${shownEnglish(a.actual)}`,
    notApplicableOnText: (_: NoArgs) => 'a text question cannot offer "does not apply": its answer is free (make it optional instead)',
    badBetter: (a: { value: string; allowed: readonly string[] }) => `${a.value} is not a direction; one of ${a.allowed.join(', ')} (is a lower or a higher share better?)`,
    notApplicableValueTest: (a: { value: string; id: string }) => `"${a.value}" is the "does not apply" answer of "${a.id}": no value test holds on it; write {question: ${a.id}, notApplicable: true}`,
    notApplicableNotOfferedTest: (a: { id: string; value: boolean }) => `"${a.id}" offers no "does not apply" answer (add notApplicable to it): this test is ${a.value ? 'never true' : 'the same as answered: true'}`,
    notApplicableNotOffered: (a: { value: string }) => `"${a.value}" (does not apply) is not offered by this question`,
    notApplicableOption: (a: { value: string }) => `the value "${a.value}" is the "does not apply" answer of this question (notApplicable); give this option another value`,
    // Bank versions of answer files
    oldBankVersion: (a: { bank: string; version: string; unknown: number; answered: number; current: string; changes: { en: string; fr: string } }) =>
      `this answer file was written for ${a.bank} ${a.version} (${a.unknown} of its ${a.answered} answers are to questions that no longer exist); ${a.current} changed the questions: ${a.changes.en}. Answer again with "diag run", or start from "diag template"`,
    bankVersionMismatch: (a: { bank: string; version: string; current: string }) => `this file was written for ${a.bank} ${a.version}; it is read with ${a.current}`,
    bankVersionType: (a: { current: string; actual: Shown }) => `"bankVersion" must be a version string such as "${a.current}", not ${shownEnglish(a.actual)}; it is ignored`,
    // Norms files
    normsEntry: (_: NoArgs) => 'expected {n, points}',
    normsCount: (_: NoArgs) => 'expected a whole number of respondents',
    normsPoints: (_: NoArgs) => 'expected 99 percentile points between 0 and 100',
    normsOrder: (_: NoArgs) => 'percentile points must not decrease',
    normsObject: (_: NoArgs) => 'a norms file is a JSON object written by diag aggregate --norms-out',
    normsKind: (_: NoArgs) => 'not a diag norms file (kind is not "diag-norms")',
    normsSchema: (_: NoArgs) => 'unknown schemaVersion (expected 1)',
    normsBank: (_: NoArgs) => 'expected {id, version}',
    normsDimensions: (_: NoArgs) => 'expected an object by dimension id',
    // Group options
    byNotAQuestion: (a: { id: string; bank: string; suggestion?: string }) => `"${a.id}" is not a question of bank "${a.bank}"${didYouMean(a.suggestion)}`,
    byType: (a: { id: string; type: string; eligible: readonly string[] }) =>
      `"${a.id}" is a ${a.type} question; groups are made by a single, multiple or boolean question${a.eligible.length > 0 ? ` (${a.eligible.join(', ')})` : ''}`,
  };
}

function didYouMean(match: string | undefined): string {
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

const EXPECTED: Record<Expected, (a: { shape?: string; languages?: readonly string[] }) => string> = {
  string: () => 'a string',
  text: (a) => `a string or a map of languages (${(a.languages ?? []).join(', ')})`,
  number: () => 'a number',
  boolean: () => 'true or false',
  list: () => 'a list',
  value: () => 'a value',
  valueOrList: () => 'a value or a list of values',
  listOfValues: () => 'a list of values',
  conditions: () => 'a non-empty list of conditions',
  condition: () => 'a condition (a mapping such as {question: ID, equals: VALUE})',
  questionId: () => 'a question id',
  scoreTarget: () => 'a dimension id or "overall"',
  mapping: (a) => (a.shape === undefined ? 'a mapping' : `a mapping ${a.shape}`),
  stringOrNumber: () => 'a string or a number',
  scales: () => 'a mapping of scale id -> {options}',
  scale: () => 'a mapping {options: […]}',
  options: () => 'a list of {value, label}',
  benchmark: () => 'a mapping such as {agreeShare: 68, source: "…"}',
  answers: () => 'a mapping of question id -> answer',
  answerMap: () => 'a mapping of answers',
  scoreMap: () => 'a mapping {score, level}',
  dateTime: () => 'a date and time such as "2026-11-23T09:30:00Z"',
};

const PATTERN: Record<PatternRule, (a: { entity?: Entity; pattern?: string }) => string> = {
  bankId: () => 'is not a valid bank id (lower case letters, digits and -)',
  semver: () => 'is not a semantic version such as 1.0.0',
  questionId: () => 'is not a valid question id (lower case letters, digits, _ . -, starting with a letter)',
  link: () => 'is not an http(s) address',
  normsFile: () => 'must be a relative path to a .json file beside the bank (no "..", not absolute)',
  entityId: (a) => (a.entity === undefined ? `does not match ${a.pattern ?? ''}` : `is not a valid ${a.entity} id`),
};

const ANSWER_EXPECTED: Record<'oneOf' | 'listOf' | 'boolean' | 'number' | 'text', (a: { allowed?: string; example?: string; min?: number; max?: number }) => string> = {
  oneOf: (a) => `one of ${a.allowed ?? ''}`,
  listOf: (a) => `a list of options such as [${a.example ?? ''}]`,
  boolean: () => 'true or false',
  number: (a) => `a number${a.min !== undefined && a.max !== undefined ? ` from ${a.min} to ${a.max}` : ''}`,
  text: () => 'text',
};

/** Every problem key with the type of its arguments. */
type EnglishTexts = ReturnType<typeof problemText>;
export type ProblemArgs = { [K in keyof EnglishTexts]: Parameters<EnglishTexts[K]>[0] };
export type ProblemKey = keyof ProblemArgs;
/** A wording of every key: the shape of each language of the catalogue. */
export type ProblemTexts = { [K in ProblemKey]: (args: ProblemArgs[K]) => string };

/** A problem's wording as data: a key and its arguments. */
export interface ProblemTextOf<K extends ProblemKey> {
  key: K;
  args: ProblemArgs[K];
}
export type ProblemText = { [K in ProblemKey]: ProblemTextOf<K> }[ProblemKey];

let english: ProblemTexts | undefined;

/** The English wording, typed as every language of the catalogue is. */
export function englishProblems(): ProblemTexts {
  return (english ??= problemText());
}

/** A problem text, for `ProblemList.add`: `say('required', {key: 'id'})`. */
export function say<K extends ProblemKey>(key: K, args: ProblemArgs[K]): ProblemTextOf<K> {
  return { key, args };
}

function apply<K extends ProblemKey>(texts: ProblemTexts, key: K, args: ProblemArgs[K]): string {
  return texts[key](args);
}

/** The words of a problem text in a language of the catalogue (English by default). */
export function wordProblem(text: ProblemText, texts: ProblemTexts = englishProblems()): string {
  return apply(texts, text.key, text.args);
}
