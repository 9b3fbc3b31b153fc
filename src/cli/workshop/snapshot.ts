/**
 * The snapshot rule of the group screen (SPEC section 10: two successive views never differ by
 * fewer than k respondents). `shown` holds the people the last view was computed over, `finished`
 * those there are now, one key per person; the view moves to everyone finished only once at least
 * k people are in one and not the other: k more, or people gone (a report taken out of DIR) and
 * people new that make k together.
 */
export function nextSnapshot(shown: readonly string[], finished: readonly string[], minGroup: number): string[] | undefined {
  return peopleApart(shown, finished) >= minGroup ? [...finished] : undefined;
}

/** How many people are in one of the two views and not in the other. */
export function peopleApart(shown: readonly string[], finished: readonly string[]): number {
  const before = new Set(shown);
  const now = new Set(finished);
  let apart = 0;
  for (const key of now) if (!before.has(key)) apart += 1;
  for (const key of before) if (!now.has(key)) apart += 1;
  return apart;
}

/** When the figures will next change: k more than shown (k when nothing is shown yet). */
export function nextUpdateAt(shown: number, minGroup: number): number {
  return shown + minGroup;
}
