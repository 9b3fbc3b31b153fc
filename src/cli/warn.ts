import { sanitizeText } from '../core/sanitize.js';

/** One line on stderr (a warning, a notice), sanitised: it may quote a file name or a file's content. */
export function warn(line: string): void {
  process.stderr.write(`${sanitizeText(line)}\n`);
}
