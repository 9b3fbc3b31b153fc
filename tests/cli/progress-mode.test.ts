import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveProgress, type Progress } from '../../src/cli/progress.js';

describe('the progress file of diag run', () => {
  it('is readable by its owner only (someone else may have made the --state-dir folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-progress-mode-'));
    try {
      const file = join(dir, 'state', 'transformation.json');
      saveProgress(file, { bank: 'transformation', answers: {} } as unknown as Progress);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // Written again (force): still the owner's only.
      saveProgress(file, { bank: 'transformation', answers: { a: 1 } } as unknown as Progress);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
