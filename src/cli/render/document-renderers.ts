import type { Bank } from '../../core/index.js';
import { groupBlocks, groupJson, groupView, renderAggregateCsv, type GroupDoc } from './aggregate-doc.js';
import { statsCsv } from './aggregate-stats.js';
import type { ComparisonDoc } from './compare.js';
import type { Doc } from './doc.js';
import type { ExplanationDoc } from './explain.js';
import type { ComparisonFormat, GroupFormat } from './formats.js';
import type { Lazy, Renderer, RenderOptions } from './types.js';

/** The three targets of a document written as blocks (doc.ts): sections once, formatted per target. */
function blockRenderers<T>(load: () => Promise<(doc: T, options: RenderOptions) => Doc>) {
  return {
    text: async (): Promise<Renderer<T>> => {
      const [toDoc, { docToText }] = await Promise.all([load(), import('./doc-text.js')]);
      return (doc, options) => docToText(toDoc(doc, options), options);
    },
    markdown: async (): Promise<Renderer<T>> => {
      const [toDoc, { docToMarkdown }] = await Promise.all([load(), import('./doc-markdown.js')]);
      return (doc, options) => docToMarkdown(toDoc(doc, options));
    },
    html: async (): Promise<Renderer<T>> => {
      const [toDoc, { docToHtml }] = await Promise.all([load(), import('./doc-html.js')]);
      return (doc, options) => docToHtml(toDoc(doc, options));
    },
  };
}

const json =
  <T>(pick: (doc: T) => unknown) =>
  async (): Promise<Renderer<T>> =>
  (doc) =>
    JSON.stringify(pick(doc), null, 2);

/** `diag aggregate`: the group's results. */
export const groupRenderers = {
  ...blockRenderers<GroupDoc>(async () => (doc) => groupBlocks(groupView(doc), doc.stats)),
  json: async (): Promise<Renderer<GroupDoc>> => groupJson,
  csv: async (): Promise<Renderer<GroupDoc>> => (doc, options) => (doc.stats === undefined ? renderAggregateCsv(groupView(doc), options.csvDelimiter ?? ',') : statsCsv(groupView(doc), doc.stats, options.csvDelimiter ?? ',')),
} satisfies Record<GroupFormat, Lazy<Renderer<GroupDoc>>>;

/** `diag compare`: what changed between two reports. */
export const comparisonRenderers = {
  ...blockRenderers<ComparisonDoc>(async () => {
    const { comparisonBlocks } = await import('./compare.js');
    return (doc, options) => comparisonBlocks(doc, options.ascii === true);
  }),
  json: json<ComparisonDoc>((doc) => doc.comparison),
} satisfies Record<ComparisonFormat, Lazy<Renderer<ComparisonDoc>>>;

/** `diag explain`: how each answer makes its score. */
export const explanationRenderers = {
  ...blockRenderers<ExplanationDoc>(async () => (await import('./explain.js')).explanationBlocks),
  json: json<ExplanationDoc>((doc) => doc.explanation),
} satisfies Record<ComparisonFormat, Lazy<Renderer<ExplanationDoc>>>;

/** `diag template`: a blank answer file, YAML only. */
export const templateRenderers = {
  yaml: async (): Promise<Renderer<{ bank: Bank; lang: string }>> => {
    const { renderTemplate } = await import('./template.js');
    return (doc) => renderTemplate(doc.bank, doc.lang);
  },
} satisfies Record<'yaml', Lazy<Renderer<{ bank: Bank; lang: string }>>>;

