import { messages } from './i18n.js';
import { oneLine, sanitizeText } from '../core/sanitize.js';

/** One line on stderr (a warning, a notice), sanitised: it may quote a file name or a file's content. */
export function warn(line: string): void {
  process.stderr.write(`${oneLine(sanitizeText(line))}\n`);
}

/** `warning: TEXT`, the prefix in the language of diag's messages. */
export function warningLine(text: string): string {
  return `${messages().warning}${messages().colon}${text}`;
}
