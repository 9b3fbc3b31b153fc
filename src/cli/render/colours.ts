/**
 * One colour map for levels, used by every format: the terminal's named colour and the HTML
 * badge of the same hue. Text on each HTML background meets WCAG AA (4.5:1 or more).
 */
export type Tone = 'low' | 'mid' | 'good' | 'high' | 'none';

export const TONES: Readonly<Record<Tone, { ansi: 'red' | 'yellow' | 'blue' | 'green' | 'gray'; background: string; text: string }>> = {
  low: { ansi: 'red', background: '#b03a2e', text: '#ffffff' }, // 6.0:1
  mid: { ansi: 'yellow', background: '#f5b041', text: '#1c2833' }, // 8.0:1
  good: { ansi: 'blue', background: '#1f618d', text: '#ffffff' }, // 6.7:1
  high: { ansi: 'green', background: '#1d6f42', text: '#ffffff' }, // 6.2:1
  none: { ansi: 'gray', background: '#566573', text: '#ffffff' }, // 6.0:1
};

const BY_COUNT: Readonly<Record<number, readonly Tone[]>> = { 1: ['high'], 2: ['low', 'high'], 3: ['low', 'mid', 'high'] };
const FOUR: readonly Tone[] = ['low', 'mid', 'good', 'high'];

/** The tone of a level from its rank among the bank's `count` levels (low to high); -1 is no level. */
export function levelTone(rank: number, count: number): Tone {
  if (rank < 0 || count <= 0 || rank >= count) return 'none';
  const fixed = BY_COUNT[count];
  if (fixed !== undefined) return fixed[rank] ?? 'none';
  return FOUR[Math.round((rank / (count - 1)) * 3)] ?? 'none';
}

/** The rank of a level id among levels, -1 when there is none. */
export function rankOf(levels: ReadonlyArray<{ id: string }>, level: string | null): number {
  return level === null ? -1 : levels.findIndex((l) => l.id === level);
}
