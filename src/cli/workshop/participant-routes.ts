import { join } from 'node:path';
import { buildReport, validateAnswers, type Problem, type Report } from '../../core/index.js';
import { isObject } from '../../core/validate/fields.js';
import { chooseLanguage } from '../i18n.js';
import { saveResult } from '../save-result.js';
import { checkDepth } from '../source.js';
import { TOOL } from '../version.js';
import { requireCode, type Exchange, type WorkshopContext } from './context.js';
import { HttpError, readJsonBody, send, sendEmpty, sendJson } from './http.js';
import { FolderSync, syncFile } from './private-files.js';
import { groupBankFileName } from './names.js';
import { reportHtml } from './render.js';
import { isTokenShaped, tokenHash } from './secrets.js';
import type { ParticipantRecord } from './store.js';

const MAX_PROGRESS = 64 * 1024;
const MAX_RESPONDENT = 200;
const MAX_POSITION = 200;

/** The participant named by `participant=PTOKEN`: 404 when unknown. */
function participantOf(ctx: WorkshopContext, ex: Exchange): { hash: string; record: ParticipantRecord } {
  const token = ex.url.searchParams.get('participant') ?? '';
  const hash = isTokenShaped(token) ? tokenHash(token) : undefined;
  const record = hash === undefined ? undefined : ctx.store.participant(hash);
  if (hash === undefined || record === undefined) throw new HttpError(404, 'unknown-participant', 'no participant with this token in this session');
  return { hash, record };
}

function invalid(problems: readonly Problem[]): HttpError {
  return new HttpError(400, 'invalid-answers', `${problems.length} problem${problems.length === 1 ? '' : 's'} with the answers`, { problems });
}

/** A JSON body, bounded in depth like every file diag reads. */
async function jsonBody(ex: Exchange, limit?: number): Promise<unknown> {
  const data = await readJsonBody(ex.req, ex.res, limit);
  try {
    checkDepth('body', data);
  } catch (error) {
    throw new HttpError(400, 'bad-json', error instanceof Error ? error.message : String(error));
  }
  return data;
}

/** Checks that do not belong to the core's answer-file rules: what the server is willing to store. */
function respondentProblems(raw: unknown): Problem[] {
  if (!isObject(raw) || typeof raw.respondent !== 'string' || raw.respondent.length <= MAX_RESPONDENT) return [];
  return [{ path: ['respondent'], code: 'too-long', message: `respondent: at most ${MAX_RESPONDENT} characters` }];
}

export function getBank(ctx: WorkshopContext, ex: Exchange, cache: { bank?: Buffer }): void {
  requireCode(ctx, ex);
  cache.bank ??= Buffer.from(`${JSON.stringify(ctx.bank)}\n`, 'utf8');
  send(ex.res, 200, cache.bank, 'application/json; charset=utf-8');
}

export function getSession(ctx: WorkshopContext, ex: Exchange): void {
  requireCode(ctx, ex);
  sendJson(ex.res, 200, { title: ctx.bank.title, languages: ctx.bank.languages, lang: ctx.lang, accepting: ctx.store.session.accepting, minGroup: ctx.minGroup });
}

export function postJoin(ctx: WorkshopContext, ex: Exchange): void {
  requireCode(ctx, ex);
  if (!ctx.store.session.accepting) throw new HttpError(409, 'closed', 'the trainer has finished the workshop');
  ex.req.resume();
  sendJson(ex.res, 201, { participant: ctx.store.join(new Date().toISOString()) });
}

export function getProgress(ctx: WorkshopContext, ex: Exchange): void {
  requireCode(ctx, ex);
  const { hash } = participantOf(ctx, ex);
  const saved = ctx.store.loadProgress(hash);
  if (saved === undefined) throw new HttpError(404, 'no-progress', 'no progress saved for this participant');
  sendJson(ex.res, 200, saved);
}

export async function putProgress(ctx: WorkshopContext, ex: Exchange): Promise<void> {
  requireCode(ctx, ex);
  const { hash, record } = participantOf(ctx, ex);
  const body = await jsonBody(ex, MAX_PROGRESS);
  if (!isObject(body) || !isObject(body.answers)) throw new HttpError(400, 'invalid-progress', 'expected {"answers": {...}, "respondent", "lang", "position"}');
  if (record.report !== undefined) throw new HttpError(409, 'submitted', 'this participant has already finished');
  const { answers, respondent, lang, position } = body;
  const problems: Problem[] = [...respondentProblems(body)];
  if (position !== undefined && (typeof position !== 'string' || position.length > MAX_POSITION)) problems.push({ path: ['position'], code: 'type', message: `position: a question id or "review", at most ${MAX_POSITION} characters` });
  // The core's own checks of ids and values; a partial survey only lacks answers, which is fine here.
  const checked = validateAnswers(ctx.bank, { bank: ctx.bank.id, answers, ...(respondent === undefined ? {} : { respondent }), ...(lang === undefined ? {} : { lang }) });
  if (!checked.ok) problems.push(...checked.errors.filter((p) => p.code !== 'missing-answer' && p.code !== 'required'));
  if (problems.length > 0) throw invalid(problems);
  ctx.store.saveProgress(hash, {
    answers,
    ...(typeof respondent === 'string' ? { respondent } : {}),
    ...(typeof lang === 'string' ? { lang } : {}),
    ...(typeof position === 'string' ? { position } : {}),
    updatedAt: new Date().toISOString(),
  });
  sendEmpty(ex.res, 204);
}

/** Submissions in progress per participant, so that a second POST waits for the first instead of making a duplicate. */
const inFlight = new WeakMap<WorkshopContext, Map<string, Promise<unknown>>>();
const folderSync = new FolderSync();

export async function postAnswers(ctx: WorkshopContext, ex: Exchange): Promise<void> {
  requireCode(ctx, ex);
  const wanted = ex.url.searchParams.get('participant');
  const participant = wanted === null ? undefined : participantOf(ctx, ex);
  const body = await jsonBody(ex);
  const pending = inFlight.get(ctx) ?? new Map<string, Promise<unknown>>();
  inFlight.set(ctx, pending);
  if (participant !== undefined) {
    const earlier = pending.get(participant.hash);
    if (earlier !== undefined) await earlier.catch(() => undefined);
    const record = ctx.store.participant(participant.hash);
    if (record?.report !== undefined) {
      sendJson(ex.res, 200, ctx.store.storedReport(record));
      return;
    }
  }
  // After the look-up above: a page that sends again answers accepted before Finish still gets them.
  if (!ctx.store.session.accepting) throw new HttpError(409, 'closed', 'the trainer has finished the workshop; answers are no longer taken');
  const problems = respondentProblems(body);
  const checked = validateAnswers(ctx.bank, body);
  if (!checked.ok || problems.length > 0) throw invalid([...problems, ...(checked.ok ? [] : checked.errors)]);
  const file = checked.value;
  const lang = chooseLanguage(ctx.bank.languages, file.lang, ctx.lang);
  const report = buildReport(ctx.bank, file, { lang, createdAt: ctx.reportDate(), tool: { name: TOOL.name, version: TOOL.version } });
  const work = store(ctx, participant?.hash, report);
  if (participant !== undefined) pending.set(participant.hash, work);
  try {
    await work;
  } finally {
    if (participant !== undefined) pending.delete(participant.hash);
  }
  sendJson(ex.res, 201, report);
}

/** Writes the report and answers as `diag run --out-dir` does, and returns only once they are on the disk. */
async function store(ctx: WorkshopContext, hash: string | undefined, report: Report): Promise<void> {
  const { dir } = ctx.store;
  if (hash !== undefined) ctx.store.markPending(hash, report);
  const saved = saveResult(ctx.bank, report, { folder: dir });
  const name = saved.report.slice(dir.length).replace(/^[\\/]+/, '');
  const answers = saved.answers.slice(dir.length).replace(/^[\\/]+/, '');
  ctx.store.recordSubmission(hash, { report: name, answers }, report, new Date().toISOString());
  // The files' content and their names in the folders: all four must be on the disk before the
  // 201, in any order (the names were linked before any of these starts).
  await Promise.all([syncFile(saved.report), syncFile(saved.answers), folderSync.sync(dir), folderSync.sync(join(dir, 'answers'))]);
}

export async function getReport(ctx: WorkshopContext, ex: Exchange): Promise<void> {
  requireCode(ctx, ex);
  const { record } = participantOf(ctx, ex);
  const format = ex.url.searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'html') throw new HttpError(400, 'bad-format', 'format is html or json');
  const stored = ctx.store.storedReport(record);
  if (stored === undefined) throw new HttpError(404, 'not-submitted', 'this participant has not finished yet');
  const base = groupBankFileName(ctx.bank.id, 'report');
  if (format === 'json') {
    send(ex.res, 200, `${JSON.stringify(stored, null, 2)}\n`, 'application/json; charset=utf-8', { 'Content-Disposition': `attachment; filename="${base}.json"` });
    return;
  }
  // Rendered again from the bank, as `diag report x.json -o x.html` does.
  const checked = validateAnswers(ctx.bank, stored);
  if (!checked.ok || !isObject(stored)) throw new HttpError(500, 'internal', 'the stored report cannot be read back');
  const lang = typeof stored.lang === 'string' ? chooseLanguage(ctx.bank.languages, stored.lang) : ctx.lang;
  const createdAt = typeof stored.createdAt === 'string' ? stored.createdAt : ctx.reportDate();
  const report = buildReport(ctx.bank, checked.value, { lang, createdAt, tool: { name: TOOL.name, version: TOOL.version } });
  send(ex.res, 200, await reportHtml(report, ctx.bank), 'text/html; charset=utf-8', { 'Content-Disposition': `attachment; filename="${base}.html"` });
}
