import { answerOf } from '../../core/aggregate-group.js';
import type { Report } from '../../core/build-report.js';
import { isNotApplicable } from '../../core/not-applicable.js';
import type { Bank } from '../../core/types.js';

/** When the figures will next change at the soonest: k more than shown (k when nothing is shown yet). */
export function nextUpdateAt(shown: number, minGroup: number): number {
  return shown + minGroup;
}

/**
 * Which figures of the group view a person is counted in, as a key: for every question, whether
 * they were asked it and what kind of answer they gave (hidden, skipped, "does not apply",
 * answered) — and for a `--by` question the answer itself, since it says which segments they are
 * in — then whether they have an overall score and a score in each dimension. Two people with
 * the same key are in exactly the same figures; nothing the view shows tells them apart.
 */
export function viewPattern(bank: Bank, report: Report, by: readonly string[]): string {
  const parts = bank.questions.map((question) => {
    const answer = answerOf(report, question);
    if (answer === undefined) return 'h';
    if (answer === null) return 's';
    if (isNotApplicable(question, answer)) return 'n';
    return by.includes(question.id) ? `=${JSON.stringify(answer)}` : 'a';
  });
  parts.push(report.scores.overall.score === null ? 'o' : 'O');
  for (const dimension of report.scores.dimensions) parts.push(dimension.score === null ? 'd' : 'D');
  return parts.join(' ');
}

/** One person who finished: their key (see WorkshopStore.personKey) and their viewPattern. */
export interface Finisher {
  key: string;
  pattern: string;
}

/**
 * The people of the next group view, or undefined while the view stays (SPEC section 10).
 *
 * Two successive views must not let anyone work out a figure about fewer than k people by
 * subtraction. Counting k new people is not enough: four new people in team a and one in team b
 * move the whole group by five, but team b's figures by one person, whose answers are then the
 * difference; so does the one new manager among five newcomers on a question only managers are
 * asked. So the newcomers are grouped by pattern (the figures they are counted in), and a group
 * joins the view only once it holds at least k people: every figure then changes by nobody or by
 * at least k people who are in exactly the same figures, which no combination of figures tells
 * apart (the condition protectCells of src/core/disclosure.ts asks of one view's cells). The
 * others wait, unseen, for people like them. The first view takes everyone, once k have finished:
 * there is nothing before it to subtract, and the core's rules for one group apply to it.
 *
 * Someone of the last view who is gone (a report taken out of DIR) keeps it where it is until a
 * group of newcomers can join; the store shows the count only meanwhile.
 */
export function nextView(shown: readonly string[], finished: readonly Finisher[], minGroup: number): Set<string> | undefined {
  if (shown.length === 0) return finished.length >= minGroup ? new Set(finished.map((person) => person.key)) : undefined;
  const joining = [...newcomersAlike(shown, finished).values()].filter((group) => group.length >= minGroup).flat();
  if (joining.length === 0) return undefined;
  const here = new Set(finished.map((person) => person.key));
  return new Set([...shown.filter((key) => here.has(key)), ...joining]);
}

/** The people not in the view `shown`, by pattern. */
function newcomersAlike(shown: readonly string[], finished: readonly Finisher[]): Map<string, string[]> {
  const before = new Set(shown);
  const groups = new Map<string, string[]>();
  for (const person of finished) {
    if (before.has(person.key)) continue;
    const group = groups.get(person.pattern);
    if (group === undefined) groups.set(person.pattern, [person.key]);
    else group.push(person.key);
  }
  return groups;
}

/**
 * How many people who finished are not in the view `shown` (before the first view: everyone). The
 * screen says how many more the view waits for from this number alone: from the largest group of
 * newcomers alike, it stayed or moved with each submission as that person was like those waiting
 * or not, which told the room their segment or their "does not apply" answers.
 */
export function newcomerCount(shown: readonly string[], finished: readonly Finisher[]): number {
  const before = new Set(shown);
  return finished.filter((person) => !before.has(person.key)).length;
}
