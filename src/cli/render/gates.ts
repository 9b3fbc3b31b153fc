import { failureLine, sourceName, type Gate, type Thresholds } from '../thresholds.js';
import type { ItemStream } from './types.js';

/** Text for XML content and attributes: escaped, and characters XML 1.0 forbids removed. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An attribute keeps its line feeds, carriage returns and tabs as references: a parser would turn them into spaces. */
const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value)).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)}"`;

/** Test cases held at most before their `testsuite` is written: a file of a million records is several suites, not 100 MB held. */
export const JUNIT_SUITE_CASES = 10_000;

/**
 * JUnit XML for a CI's test tab: one `testsuite` per input file, one `testcase` per threshold and
 * respondent (one passing testcase per respondent when no threshold is given). Only the current
 * suite's test cases are held, to write its counts in the `testsuite` element; past
 * `maxCases`, a file goes on in another `testsuite` of the same name, so that memory stays flat.
 */
export function junitStream(maxCases = JUNIT_SUITE_CASES): ItemStream<Gate> {
  let suite: { path: string; cases: string[]; failures: number } | undefined;
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="diag">\n';
  const started = () => {
    const text = head;
    head = '';
    return text;
  };
  const close = () => {
    if (suite === undefined) return '';
    const text = `  <testsuite${attr('name', suite.path)}${attr('tests', suite.cases.length)}${attr('failures', suite.failures)}${attr('errors', 0)}${attr('skipped', 0)}>\n${suite.cases.join('')}  </testsuite>\n`;
    suite = undefined;
    return text;
  };
  return {
    item(gate) {
      let out = suite !== undefined && suite.path !== gate.source.path ? close() : '';
      const add = (text: string, failure: boolean) => {
        if (suite !== undefined && suite.cases.length >= maxCases) out += close();
        suite ??= { path: gate.source.path, cases: [], failures: 0 };
        suite.cases.push(text);
        if (failure) suite.failures++;
      };
      const who = `${gate.respondent ?? sourceName(gate.source)}`;
      const classname = attr('classname', sourceName(gate.source));
      if (gate.checks.length === 0) add(`    <testcase${classname}${attr('name', `${who}: scored`)}/>\n`, false);
      for (const check of gate.checks) {
        const name = attr('name', `${who}: ${check.option}`);
        if (check.pass) add(`    <testcase${classname}${name}/>\n`, false);
        else {
          const line = failureLine(gate, check);
          add(`    <testcase${classname}${name}>\n      <failure${attr('type', check.kind)}${attr('message', line)}>${xmlEscape(line)}</failure>\n    </testcase>\n`, true);
        }
      }
      return started() + out;
    },
    end: () => `${started()}${close()}</testsuites>\n`,
  };
}

/**
 * `--gate-report FILE`: every threshold checked, per input file and respondent, with the figures;
 * the summary comes last so that results stream.
 */
const GATE_REPORT_HEAD = '{\n  "schema": "diag-gate-report/1",\n  "results": [\n';

export function gateReportStream(thresholds: Thresholds): ItemStream<Gate> {
  let respondents = 0;
  let checks = 0;
  let failed = 0;
  let failedRespondents = 0;
  return {
    item(gate) {
      const pass = gate.checks.every((c) => c.pass);
      respondents++;
      checks += gate.checks.length;
      const failures = gate.checks.filter((c) => !c.pass).length;
      failed += failures;
      if (failures > 0) failedRespondents++;
      return `${respondents === 1 ? GATE_REPORT_HEAD : ',\n'}    ${JSON.stringify({ source: gate.source, respondent: gate.respondent, pass, checks: gate.checks, ...(gate.unchecked === undefined ? {} : { unchecked: gate.unchecked }) })}`;
    },
    end: () =>
      `${respondents === 0 ? GATE_REPORT_HEAD : '\n'}  ],\n  "thresholds": ${JSON.stringify(thresholds)},\n  "summary": ${JSON.stringify({ pass: failed === 0, respondents, failedRespondents, checks, failedChecks: failed })}\n}\n`,
  };
}

