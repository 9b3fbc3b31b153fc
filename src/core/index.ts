/**
 * The core of diag: pure functions from data to data, in the order a diagnostic flows.
 *
 *   validateBank(raw)            unknown -> Bank | problems         (SPEC section 2)
 *   validateAnswers(bank, raw)   unknown -> AnswerFile | problems   (SPEC section 5)
 *   applyConditions(bank, a)     which questions are asked          (SPEC section 3)
 *   scoreAnswers(bank, a)        item, dimension and overall scores (SPEC section 4)
 *   recommend(bank, result)      triggered recommendations, ordered
 *   buildReport(bank, file, ctx) the JSON report                    (SPEC section 6)
 *
 * Nothing here reads files, prints, or looks at the clock: the CLI in src/cli does that.
 */
export * from './types.js';
export * from './problems.js';
export { englishProblems, say, show, wordProblem, type Entity, type Expected, type PatternRule, type ProblemArgs, type ProblemKey, type ProblemText, type ProblemTexts, type Shown } from './problem-text.js';
export { LIMITS } from './limits.js';
export { validateBank } from './validate/bank.js';
export { validateAnswers, isReport } from './validate/answers.js';
export { evaluateCondition, sameScalar, type ConditionContext } from './conditions.js';
export { runSurvey, type Ask, type AskContext, type Review, type SurveyOptions } from './survey.js';
export { applyConditions, isScored } from './visibility.js';
export { itemScore } from './item-score.js';
export { DEFAULT_NOT_APPLICABLE_TEXT, isNotApplicable, notApplicableIds, notApplicableText, offersNotApplicable } from './not-applicable.js';
export { scoreAnswers, scoreTable, type ScoreResult, type DimensionResult, type ItemResult } from './score.js';
export { levelOf, round2 } from './levels.js';
export { recommend } from './recommend.js';
export { buildReport, REPORT_SCHEMA_VERSION, type Report, type ReportContext, type ReportDimension, type ReportRecommendation, type ReportBenchmark, type ReportSource } from './build-report.js';
export { agreeValues, isAgreement } from './agree.js';
export { decodeReport } from './decode-report.js';
export {
  aggregateReports,
  checkBy,
  checkMinGroup,
  createAggregator,
  isWithheld,
  DEFAULT_MIN_GROUP,
  MIN_GROUP_FLOOR,
  type Aggregate,
  type AggregateOptions,
  type Aggregator,
  type DimensionEntry,
  type DimensionStats,
  type QuestionEntry,
  type QuestionStats,
  type Segment,
  type SuppressedSegment,
  type Withheld,
  type WithheldCode,
  type WithheldDimension,
  type WithheldQuestion,
} from './aggregate.js';
export { findLeak, protectCells, protectRows, type Leak } from './disclosure.js';
export { compareReports, scoreDrops, type Comparison, type ScoreChange, type Drop } from './compare.js';
export { explainScores, type Explanation, type ExplainedDimension, type ExplainedItem, type Improvement } from './explain.js';
export { estimatePathTime, estimateTimeRange, roundMinutes, type PathTime, type TimeAssumptions, type TimeRange } from './estimate-time.js';
export { resolveText, translator, type Translate } from './text.js';
export { didYouMean, suggestion } from './suggest.js';
export { sanitizeText, hasBidiControls, stripBidiControls } from './sanitize.js';
