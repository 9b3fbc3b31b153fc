import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Report } from '../core/index.js';
import { createUniqueFile } from './output.js';
import { renderReportHtml } from './render/index.js';
import type { RenderOptions } from './render/types.js';

/** Writes the report's HTML page beside its JSON file (`x.json` -> `x.html`, never replacing one), and says where. */
export function writeHtmlBeside(jsonFile: string, report: Report, options: Partial<RenderOptions> = {}): { file: string; url: string } {
  const file = createUniqueFile(jsonFile.replace(/\.json$/i, ''), '.html', renderReportHtml(report, options));
  return { file, url: pathToFileURL(resolve(file)).href };
}
