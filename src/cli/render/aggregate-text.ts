import type { AggregateView } from './aggregate-view.js';
import { groupBlocks } from './aggregate-doc.js';
import { docToText } from './doc-text.js';
import type { RenderOptions } from './types.js';

/** The group's picture for a projector (the workshop's terminal screen uses it too). */
export function renderAggregateText(view: AggregateView, options: RenderOptions): string {
  return docToText(groupBlocks(view), options);
}
