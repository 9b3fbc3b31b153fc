import type { Path, ProblemList } from '../problems.js';
import { say, show, suggest } from '../problem-text.js';
import { offersNotApplicable } from '../not-applicable.js';
import { NOT_APPLICABLE, type Condition, type Question, type QuestionTest, type Scalar, type ScoreTest } from '../types.js';
import { isObject } from './fields.js';

export interface ConditionScope {
  /** Questions a test may refer to (for a question's `when`: only those before it). */
  questions: ReadonlyMap<string, Question>;
  /** Ids declared before this point, valid or not: an invalid one is reported where it stands. */
  declared: ReadonlySet<string>;
  /** Every question id of the bank, to tell "comes later" from "does not exist". */
  allQuestionIds: ReadonlySet<string>;
  /** The question whose `when` this is: a test on it refers to itself, not to a later question. */
  self?: string;
  /** Dimension ids; null when score tests are not allowed here (questions' `when`). */
  dimensions: ReadonlySet<string> | null;
  errors: ProblemList;
  warnings: ProblemList;
}

const QUESTION_OPERATORS = ['equals', 'in', 'notIn', 'atLeast', 'atMost', 'includes', 'answered', 'notApplicable'] as const;
const SCORE_OPERATORS = ['below', 'atLeast'] as const;
const COMBINATORS = ['all', 'any', 'not'] as const;
const MAX_DEPTH = 32;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

function optionValues(question: Question): Scalar[] | undefined {
  if (question.type === 'likert' || question.type === 'single' || question.type === 'multiple') {
    return question.options.map((o) => o.value);
  }
  if (question.type === 'boolean') return [true, false];
  return undefined;
}

function checkValues(values: Scalar[], question: Question, path: Path, scope: ConditionScope): void {
  const allowed = optionValues(question);
  if (allowed === undefined) return;
  for (const value of values) {
    if (value === NOT_APPLICABLE && offersNotApplicable(question)) {
      scope.warnings.add(path, 'not-applicable-value-test', say('notApplicableValueTest', { value: NOT_APPLICABLE, id: question.id }));
      continue;
    }
    if (!allowed.some((a) => a === value || String(a) === String(value))) {
      scope.warnings.add(path, 'unknown-value', say('conditionValueUnknown', { value: JSON.stringify(value), question: question.id, allowed: allowed.map((a) => JSON.stringify(a)).join(', ') }));
    }
  }
}

function readQuestionTest(obj: Record<string, unknown>, path: Path, scope: ConditionScope): QuestionTest | undefined {
  const id = obj.question;
  if (typeof id !== 'string') {
    scope.errors.add([...path, 'question'], 'type', say('mustBe', { expected: 'questionId', actual: show(id) }));
    return undefined;
  }
  const question = scope.questions.get(id);
  if (question === undefined && !scope.declared.has(id) && id === scope.self) {
    scope.errors.add([...path, 'question'], 'self-reference', say('selfQuestion', { id }));
  } else if (question === undefined && !scope.declared.has(id)) {
    const message = scope.allQuestionIds.has(id) ? say('laterQuestion', { id }) : say('noSuchQuestion', { id, ...suggest(id, scope.questions.keys()) });
    scope.errors.add([...path, 'question'], scope.allQuestionIds.has(id) ? 'forward-reference' : 'unknown-question', message);
  }
  const test: QuestionTest = { question: id };
  let operators = 0;
  let ok = question !== undefined;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'question') continue;
    const at = [...path, key];
    if (!(QUESTION_OPERATORS as readonly string[]).includes(key)) {
      scope.errors.add(at, 'unknown-operator', say('unknownOperator', { key, ...suggest(key, QUESTION_OPERATORS), operators: QUESTION_OPERATORS }));
      ok = false;
      continue;
    }
    operators++;
    if (key === 'atLeast' || key === 'atMost') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        scope.errors.add(at, 'type', say('mustBe', { expected: 'number', actual: show(value) }));
        ok = false;
      } else test[key] = value;
    } else if (key === 'answered' || key === 'notApplicable') {
      if (typeof value !== 'boolean') {
        scope.errors.add(at, 'type', say('mustBe', { expected: 'boolean', actual: show(value) }));
        ok = false;
      } else {
        test[key] = value;
        if (key === 'notApplicable' && question && !offersNotApplicable(question)) {
          scope.warnings.add(at, 'not-applicable-not-offered', say('notApplicableNotOfferedTest', { id, value }));
        }
      }
    } else if (key === 'in' || key === 'notIn') {
      if (!Array.isArray(value) || !value.every(isScalar)) {
        scope.errors.add(at, 'type', say('mustBe', { expected: 'listOfValues', actual: show(value) }));
        ok = false;
      } else {
        test[key] = value;
        if (question) checkValues(value, question, at, scope);
      }
    } else if (key === 'equals') {
      if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) {
        test.equals = value;
        if (question) checkValues(Array.isArray(value) ? value : [value], question, at, scope);
      } else {
        scope.errors.add(at, 'type', say('mustBe', { expected: 'valueOrList', actual: show(value) }));
        ok = false;
      }
    } else if (key === 'includes') {
      if (!isScalar(value)) {
        scope.errors.add(at, 'type', say('mustBe', { expected: 'value', actual: show(value) }));
        ok = false;
      } else {
        test.includes = value;
        if (question && question.type !== 'multiple') {
          scope.warnings.add(at, 'includes-not-multiple', say('includesNotMultiple', { id, type: question.type }));
        } else if (question) checkValues([value], question, at, scope);
      }
    }
  }
  if (operators === 0 && ok) {
    scope.errors.add(path, 'no-operator', say('questionTestNoOperator', { id, operators: QUESTION_OPERATORS }));
    ok = false;
  }
  return ok ? test : undefined;
}

function readScoreTest(obj: Record<string, unknown>, path: Path, scope: ConditionScope): ScoreTest | undefined {
  const id = obj.score;
  if (scope.dimensions === null) {
    scope.errors.add(path, 'score-in-question', say('scoreInQuestion', {}));
    return undefined;
  }
  if (typeof id !== 'string') {
    scope.errors.add([...path, 'score'], 'type', say('mustBe', { expected: 'scoreTarget', actual: show(id) }));
    return undefined;
  }
  let ok = true;
  if (id !== 'overall' && !scope.dimensions.has(id)) {
    scope.errors.add([...path, 'score'], 'unknown-dimension', say('unknownDimension', { id, ...suggest(id, [...scope.dimensions, 'overall']) }));
    ok = false;
  }
  const test: ScoreTest = { score: id };
  let operators = 0;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'score') continue;
    const at = [...path, key];
    if (key !== 'below' && key !== 'atLeast') {
      scope.errors.add(at, 'unknown-operator', say('unknownOperator', { key, ...suggest(key, SCORE_OPERATORS), operators: ['below', 'atLeast'] }));
      ok = false;
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      scope.errors.add(at, 'type', say('mustBe', { expected: 'number', actual: show(value) }));
      ok = false;
    } else {
      test[key] = value;
      operators++;
    }
  }
  if (operators === 0 && ok) {
    scope.errors.add(path, 'no-operator', say('scoreTestNoOperator', { id }));
    ok = false;
  }
  return ok ? test : undefined;
}

/** Validates one condition of SPEC section 3; undefined (with problems recorded) when invalid. */
export function readCondition(value: unknown, path: Path, scope: ConditionScope, depth = 0): Condition | undefined {
  if (depth > MAX_DEPTH) {
    scope.errors.add(path, 'too-deep', say('tooDeep', { depth: MAX_DEPTH }));
    return undefined;
  }
  if (!isObject(value)) {
    scope.errors.add(path, 'type', say('mustBe', { expected: 'condition', actual: show(value) }));
    return undefined;
  }
  const heads = ['question', 'score', ...COMBINATORS].filter((k) => Object.hasOwn(value, k));
  if (heads.length !== 1) {
    scope.errors.add(path, 'bad-condition', say('conditionHeads', { found: heads, keys: Object.keys(value) }));
    return undefined;
  }
  const head = heads[0];
  if (head === 'question') return readQuestionTest(value, path, scope);
  if (head === 'score') return readScoreTest(value, path, scope);
  const extra = Object.keys(value).filter((k) => k !== head);
  if (extra.length > 0) {
    scope.errors.add(path, 'bad-condition', say('conditionAlone', { head: String(head), extra }));
    return undefined;
  }
  const inner = value[head as string];
  if (head === 'not') {
    const condition = readCondition(inner, [...path, 'not'], scope, depth + 1);
    return condition === undefined ? undefined : { not: condition };
  }
  if (!Array.isArray(inner) || inner.length === 0) {
    scope.errors.add([...path, head as string], 'type', say('mustBe', { expected: 'conditions', actual: show(inner) }));
    return undefined;
  }
  const parts = inner.map((c, i) => readCondition(c, [...path, head as string, i], scope, depth + 1));
  if (parts.some((p) => p === undefined)) return undefined;
  const conditions = parts.filter((p): p is Condition => p !== undefined);
  return head === 'all' ? { all: conditions } : { any: conditions };
}
