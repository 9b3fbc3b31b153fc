import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileBank, compiledBank } from '../../src/cli/compiled-banks.js';
import { parseSource } from '../../src/cli/source.js';
import { validateBank } from '../../src/core/index.js';

const FILE = 'questions/transformation.yaml';
const text = readFileSync(FILE, 'utf8');

describe('compiled bundled banks (built by npm run build)', () => {
  it('give the same data, and the same validated bank and warnings, as parsing and validating the YAML', () => {
    const data = parseSource(FILE, text).data;
    const compiled = compiledBank(FILE, text);
    expect(compiled?.data).toEqual(data);
    const result = validateBank(data);
    if (!result.ok) throw new Error('the bundled bank is invalid');
    // toStrictEqual: the stored bank has the same keys, undefined ones included, as the validated one.
    expect(compiled?.validated).toStrictEqual({ bank: result.value, warnings: result.warnings });
  });
  it('are ignored as soon as the YAML source differs by one character, so an edited bank is parsed again', () => {
    expect(compiledBank(FILE, `${text}\n# edited\n`)).toBeUndefined();
    expect(compiledBank(FILE, text.replace('transformation', 'transformatioN'))).toBeUndefined();
    expect(compiledBank('questions/none.yaml', text)).toBeUndefined();
  });
  it('store no validated bank for an invalid bank, which is then validated (and refused) at every load', () => {
    const stored: unknown = JSON.parse(compileBank('id: x\n', { id: 'x' }));
    expect(stored).toEqual({ format: 2, text: 'id: x\n', data: { id: 'x' } });
  });
});
