import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { painter } from '../../src/cli/render/paint.js';

describe('painter: chalk when colour is on, the text unchanged when off', () => {
  it('without colour, gives what chalk at level 0 gives, for any style, chained or not', () => {
    const plain = painter(0);
    const chalk0 = new Chalk({ level: 0 });
    for (const text of ['', 'x', 'Score global : 44,38', '\u001b[1malready\u001b[22m']) {
      expect(plain.bold(text)).toBe(chalk0.bold(text));
      expect(plain.dim.red(text)).toBe(chalk0.dim.red(text));
      expect(plain['green'](text)).toBe(chalk0.green(text));
      expect(plain.grey.bold.underline(text)).toBe(chalk0.grey.bold.underline(text));
    }
    expect(plain.bold('a', 'b')).toBe(chalk0.bold('a', 'b'));
    expect(plain.level).toBe(0);
  });
  it('with colour, is chalk at that level', () => {
    expect(painter(1).bold('x')).toBe(new Chalk({ level: 1 }).bold('x'));
    expect(painter(1).bold('x')).not.toBe('x');
  });
});
