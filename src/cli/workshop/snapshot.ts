/**
 * The snapshot rule of the group screen (SPEC section 10: two successive views never differ by
 * fewer than k respondents). `shown` is what the figures are computed over; it grows to every
 * finished submission only once at least k more have finished since it last changed.
 */
export function nextSnapshot(shown: readonly string[], finished: readonly string[], minGroup: number): string[] | undefined {
  return finished.length - shown.length >= minGroup ? [...finished] : undefined;
}

/** When the figures will next change: k more than shown (k when nothing is shown yet). */
export function nextUpdateAt(shown: number, minGroup: number): number {
  return shown + minGroup;
}
