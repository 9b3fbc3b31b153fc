import { didYouMean, type Report } from '../core/index.js';
import { errorText, InputError, ThresholdError } from './errors.js';

export interface Thresholds {
  overall?: number;
  dimensions: Array<{ id: string; min: number }>;
}

export function parseScoreValue(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InputError(errorText('scoreValue', { option, value }));
  }
  return n;
}

/** `--min DIM=N`, checked against the bank's dimensions. */
export function parseDimensionThresholds(specs: readonly string[], bank: { dimensions: readonly string[] }, option: string): Array<{ id: string; min: number }> {
  const ids = bank.dimensions;
  return specs.map((spec) => {
    const match = /^([^=]+)=(.*)$/.exec(spec);
    if (match === null) throw new InputError(errorText('dimensionSpec', { option, spec, example: ids[0] ?? 'async' }));
    const id = (match[1] ?? '').trim();
    if (!ids.includes(id)) {
      const match = didYouMean(id, ids);
      throw new InputError(errorText('notADimension', { option, spec, id, ids, ...(match === undefined ? {} : { suggestion: match }) }));
    }
    return { id, min: parseScoreValue(match[2] ?? '', option) };
  });
}

function label(report: Report, index: number, many: boolean): string {
  if (report.respondent !== null) return `${report.respondent}: `;
  return many ? `#${index + 1}: ` : '';
}

/** Every threshold not met, by every report; a dimension without a score does not meet one. */
export function checkThresholds(reports: readonly Report[], thresholds: Thresholds): void {
  const failures: string[] = [];
  reports.forEach((report, index) => {
    const who = label(report, index, reports.length > 1);
    const overall = report.scores.overall.score;
    if (thresholds.overall !== undefined && (overall === null || overall < thresholds.overall)) {
      failures.push(`${who}overall score ${overall ?? 'none'} is below --min-score ${thresholds.overall}`);
    }
    for (const { id, min } of thresholds.dimensions) {
      const score = report.scores.dimensions.find((d) => d.id === id)?.score ?? null;
      if (score === null || score < min) failures.push(`${who}${id} score ${score ?? 'none'} is below --min ${id}=${min}`);
    }
  });
  if (failures.length > 0) throw new ThresholdError(failures);
}
