import { quoteName } from '../core/sanitize.js';
import { decodeReport, type Report } from '../core/index.js';
import { errorText, InputError } from './errors.js';
import { messages } from './i18n.js';
import { formatProblems } from './load-bank.js';
import { expandInputs, readRecords } from './read-inputs.js';
import { scoresOf, type Scores } from './thresholds.js';

/** The baseline scores for `--max-drop`: one report for everyone, or a batch matched per respondent. */
export interface Baselines {
  /** The scores to compare a report with, or why there are none. */
  find(report: Pick<Report, 'source' | 'respondent'>): Scores | { missing: string; ambiguous?: string };
}

const AMBIGUOUS = 'ambiguous';

/**
 * Reads `--baseline`: a report, a JSON array of reports, NDJSON of reports or a folder of them.
 * Only the scores are kept. A batch is matched by source path (and NDJSON line), then by respondent.
 */
export async function readBaselines(path: string, bankId: string): Promise<Baselines> {
  const keyed = new Map<string, Scores | typeof AMBIGUOUS>();
  let only: Scores | undefined;
  let count = 0;
  const keep = (key: string, scores: Scores) => keyed.set(key, keyed.has(key) ? AMBIGUOUS : scores);
  const add = (name: string, raw: unknown) => {
    const decoded = decodeReport(raw);
    if (!decoded.ok) throw new InputError(errorText('baselineNotReport', { name }), decoded.errors.map((e) => `${quoteName(name)}${messages().colon}${e.message}`));
    const report = decoded.value;
    if (report.bank.id !== bankId) throw new InputError(errorText('baselineOtherBank', { name, bank: report.bank.id, expected: bankId }));
    const scores = scoresOf(report);
    count++;
    only = count === 1 ? scores : undefined;
    if (report.source !== undefined) keep(`source:${report.source.path}${report.source.line === undefined ? '' : `:${report.source.line}`}`, scores);
    if (report.respondent !== null) keep(`respondent:${report.respondent}`, scores);
  };
  for await (const record of readRecords(expandInputs([path]).files)) {
    if ('error' in record) throw new InputError(errorText('baselineInput', { message: record.error.localized }), record.error.details);
    const { data, name } = record.source;
    if (Array.isArray(data)) data.forEach((item, i) => add(`${name}[${i}]`, item));
    else {
      const decoded = decodeReport(data);
      if (!decoded.ok) throw new InputError(errorText('baselineNotReport', { name }), formatProblems(record.source, decoded.errors));
      add(name, data);
    }
  }
  if (count === 0) throw new InputError(errorText('baselineEmpty', { path }));
  const single = only;
  return {
    find(report) {
      if (single !== undefined && count === 1) return single;
      const keys = [
        ...(report.source === undefined ? [] : [`source:${report.source.path}${report.source.line === undefined ? '' : `:${report.source.line}`}`]),
        ...(report.respondent === null ? [] : [`respondent:${report.respondent}`]),
      ];
      for (const key of keys) {
        const found = keyed.get(key);
        if (found === AMBIGUOUS) return { missing: `several baseline reports match ${key.replace(/^\w+:/, '')}`, ambiguous: key.replace(/^\w+:/, '') };
        if (found !== undefined) return found;
      }
      return { missing: 'no baseline report of the same source file or respondent' };
    },
  };
}
