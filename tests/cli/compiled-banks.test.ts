import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compiledBank } from '../../src/cli/compiled-banks.js';
import { parseSource } from '../../src/cli/source.js';

const FILE = 'questions/transformation.yaml';
const text = readFileSync(FILE, 'utf8');

describe('compiled bundled banks (built by npm run build)', () => {
  it('give the same data as parsing the YAML', () => {
    expect(compiledBank(FILE, text)).toEqual(parseSource(FILE, text).data);
  });
  it('are ignored as soon as the YAML source differs, so an edited bank is parsed again', () => {
    expect(compiledBank(FILE, `${text}\n# edited\n`)).toBeUndefined();
    expect(compiledBank('questions/none.yaml', text)).toBeUndefined();
  });
});
