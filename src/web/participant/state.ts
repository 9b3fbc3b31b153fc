/// <reference lib="dom" />
import type { AnswerValue } from '../../core/index.js';
import { isRecord, stringField } from '../api.js';

/** What the server keeps under the participant's token (PUT /api/progress) and the browser keeps too. */
export interface Progress {
  answers: Record<string, AnswerValue>;
  respondent: string;
  lang: string;
  /** A question id, or `review`. */
  position: string;
  updatedAt: string;
}

/** Everything this browser keeps about one workshop, under one localStorage key per join code. */
export interface Saved {
  participant?: string;
  progress?: Progress;
  /** The report the server returned on submission, as JSON, so results survive a reload. */
  report?: unknown;
}

const key = (code: string) => `diag.workshop.${code}`;

function isAnswer(value: unknown): value is AnswerValue {
  const scalar = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';
  return value === null || scalar(value) || (Array.isArray(value) && value.every(scalar));
}

/** Reads progress from storage or from the server, keeping only well-formed answers. */
export function decodeProgress(raw: unknown): Progress | undefined {
  if (!isRecord(raw) || !isRecord(raw.answers)) return undefined;
  const answers: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(raw.answers)) if (isAnswer(value)) answers[id] = value;
  return {
    answers,
    respondent: stringField(raw, 'respondent') ?? '',
    lang: stringField(raw, 'lang') ?? '',
    position: stringField(raw, 'position') ?? 'welcome',
    updatedAt: stringField(raw, 'updatedAt') ?? '',
  };
}

/** localStorage can be missing or refuse (private browsing, full): the page then works without it. */
export function loadSaved(code: string): Saved {
  try {
    const text = window.localStorage.getItem(key(code));
    if (text === null) return {};
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw)) return {};
    const participant = stringField(raw, 'participant');
    const progress = decodeProgress(raw.progress);
    return { ...(participant === undefined ? {} : { participant }), ...(progress === undefined ? {} : { progress }), ...(raw.report === undefined ? {} : { report: raw.report }) };
  } catch {
    return {};
  }
}

export function storeSaved(code: string, saved: Saved): void {
  try {
    window.localStorage.setItem(key(code), JSON.stringify(saved));
  } catch {
    // Nothing to do: the server keeps the progress too.
  }
}
