export { lintBank, type LintOptions } from './lint-bank.js';
export { LINT_CODES, type Finding, type LintCode, type LintResult, type PathTime } from './findings.js';
