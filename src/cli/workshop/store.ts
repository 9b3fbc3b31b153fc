import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '../../core/aggregate.js';
import { readRespondent } from '../../core/aggregate-group.js';
import { buildReport, validateAnswers, type Bank, type Report } from '../../core/index.js';
import { isObject } from '../../core/validate/fields.js';
import { errorText, InputError } from '../errors.js';
import { folderEntry, readInFolder } from '../read-inputs.js';
import { messages } from '../i18n.js';
import { systemReason } from '../i18n-errors.js';
import { newJoinCode, newToken, tokenHash } from './secrets.js';
import { newcomerCount, nextView, viewPattern, type Finisher } from './snapshot.js';
import { readJson, writePrivateJson } from './private-files.js';

/** DIR/.diag-workshop/session.json: what makes a restart the same session. */
export interface SessionFile {
  bank: { id: string; version: string };
  code: string;
  token: string;
  accepting: boolean;
  createdAt: string;
}

/** DIR/.diag-workshop/participants/<sha256(token)>.json */
export interface ParticipantRecord {
  joinedAt: string;
  /** The report's file name in DIR, once submitted, and its answers' path relative to DIR. */
  report?: string;
  answers?: string;
  submittedAt?: string;
  /**
   * Set just before the files of a submission are written, so that a restart after a kill in
   * between can tell that report is this participant's: a page that sends again then gets it
   * back instead of making a second one.
   */
  pending?: { createdAt: string; respondent: string | null };
}

/** A participant's unfinished survey, as the page sends it. */
export interface SavedProgress {
  answers: Record<string, unknown>;
  respondent?: string;
  lang?: string;
  position?: string;
  updatedAt: string;
}

export const STATE_FOLDER = '.diag-workshop';
const REPORT_FILE = /\.json$/i;

/**
 * The state of one workshop in DIR: the session's secrets, the participants, their progress, the
 * submissions and the snapshot the group figures are computed over. Everything that must survive
 * a restart is on disk; memory holds what the server answers from.
 */
export class WorkshopStore {
  readonly participants = new Map<string, ParticipantRecord>();
  /** Report file name -> the scores-only report the group figures are computed from. */
  private readonly scored = new Map<string, Report>();
  /** Report file name -> the person it is, as `diag aggregate` counts people (see `personKey`). */
  private readonly personOf = new Map<string, string>();
  /** Report file name -> the figures of the group view it is counted in (see viewPattern). */
  private readonly patternOf = new Map<string, string>();
  /** The report files the last view was computed over, as saved: some may have left DIR since. */
  private shownNames: string[] = [];
  /** Whether every report of the last view is still here; if not, the view shows the count only. */
  private shownWhole = true;
  private snapshots = 0;
  readonly warnings: string[] = [];
  /** Files of DIR that cannot be counted, one line each: the session does not start (see load). */
  private readonly refused: string[] = [];

  private constructor(
    readonly dir: string,
    readonly bank: Bank,
    readonly session: SessionFile,
    private readonly minGroup: number,
    /** The `--by` questions of the group view: which segments a person is in (see viewPattern). */
    private readonly by: readonly string[],
  ) {}

  private get state(): string {
    return join(this.dir, STATE_FOLDER);
  }

  /** Opens the session kept in DIR, or starts a new one there. */
  static open(dir: string, bank: Bank, minGroup: number, now: () => string, by: readonly string[] = []): WorkshopStore {
    const state = join(dir, STATE_FOLDER);
    try {
      mkdirSync(join(state, 'participants'), { recursive: true, mode: 0o700 });
      mkdirSync(join(state, 'progress'), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new InputError(errorText('workshopDir', { dir, reason: systemReason(error) }));
    }
    const sessionFile = join(state, 'session.json');
    let session: SessionFile;
    if (existsSync(sessionFile)) {
      const saved = readJson(sessionFile);
      if (!isSessionFile(saved)) throw new InputError(errorText('notASession', { file: sessionFile, dir }));
      if (saved.bank.id !== bank.id) {
        throw new InputError(errorText('otherBankWorkshop', { dir, saved: saved.bank.id, bank: bank.id }), [messages().error.otherBankWorkshopHint({ saved: saved.bank.id })]);
      }
      session = saved;
    } else {
      session = { bank: { id: bank.id, version: bank.version }, code: newJoinCode(), token: newToken(), accepting: true, createdAt: now() };
      writePrivateJson(sessionFile, session, { sync: true });
    }
    const store = new WorkshopStore(dir, bank, session, minGroup, by);
    if (session.bank.version !== bank.version) store.warnings.push(messages().warnings.sessionVersion({ bank: bank.id, started: session.bank.version, now: bank.version }));
    store.load();
    return store;
  }

  /** Reads back the participants, the submissions and the snapshot of an earlier run. */
  private load(): void {
    for (const name of readdirSync(join(this.state, 'participants'))) {
      if (!/^[0-9a-f]{64}\.json$/.test(name)) continue;
      const record = readJson(join(this.state, 'participants', name));
      if (isObject(record) && typeof record.joinedAt === 'string') {
        const entry: ParticipantRecord = { joinedAt: record.joinedAt };
        if (typeof record.report === 'string' && typeof record.answers === 'string') Object.assign(entry, { report: record.report, answers: record.answers, submittedAt: String(record.submittedAt ?? '') });
        else if (isObject(record.pending) && typeof record.pending.createdAt === 'string') entry.pending = { createdAt: record.pending.createdAt, respondent: typeof record.pending.respondent === 'string' ? record.pending.respondent : null };
        this.participants.set(name.slice(0, 64), entry);
      }
    }
    for (const record of this.participants.values()) {
      if (record.report !== undefined) this.scoreStored(record.report);
    }
    // Reports in DIR that no participant points to (written just before a kill, or put there by
    // `diag run --out-dir DIR`) are counted too, as `diag aggregate DIR` counts them.
    const known = new Set([...this.participants.values()].flatMap((r) => (r.report === undefined ? [] : [r.report])));
    const entries = readdirSync(this.dir).sort();
    // An answer file or NDJSON beside the reports: diag aggregate DIR would count it, the group screen cannot.
    for (const name of entries) if (readInFolder(name) && !REPORT_FILE.test(name) && this.countable(name)) this.refuse(messages().error.workshopNotReport({ name, dir: this.dir }));
    const unknown = entries.filter((f) => REPORT_FILE.test(f) && !known.has(f) && this.countable(f));
    this.claimPending(unknown);
    for (const name of unknown.filter((f) => !this.scored.has(f))) {
      if (this.scoreStored(name)) {
        const hash = tokenHash(newToken());
        const record: ParticipantRecord = { joinedAt: '', report: name, answers: '', submittedAt: '' };
        this.participants.set(hash, record);
        this.writeParticipant(hash, record);
        this.warnings.push(messages().warnings.foreignReport({ name, dir: this.dir }));
      }
    }
    const shown = readJson(join(this.state, 'shown.json'));
    if (isObject(shown) && Array.isArray(shown.shown)) this.shownNames = shown.shown.filter((n): n is string => typeof n === 'string');
    // A report of the last view taken out of DIR: the rest of that view, beside it, would give
    // that person's answers; the figures wait until a group of k newcomers alike can join.
    this.shownWhole = this.shownNames.every((n) => this.scored.has(n));
    // A report in DIR that cannot be scored is refused, as `diag aggregate DIR` refuses it: left
    // out with a warning that scrolls away, the group screen would count fewer people than the
    // aggregate of the same folder (SPEC 12: the same figures), and nobody would know why.
    if (this.refused.length > 0) throw new InputError(errorText('workshopReports', { dir: this.dir, count: this.refused.length }), this.refused);
    this.updateSnapshot();
  }

  /** Gives each participant killed in the middle of a submission the report written for them, if it was. */
  private claimPending(unknown: readonly string[]): void {
    const waiting = [...this.participants].filter(([, record]) => record.pending !== undefined && record.report === undefined);
    if (waiting.length === 0) return;
    const free = new Set(unknown);
    for (const [hash, record] of waiting) {
      const name = [...free].find((candidate) => {
        const data = readJson(join(this.dir, candidate));
        return isObject(data) && data.createdAt === record.pending?.createdAt && (data.respondent ?? null) === record.pending?.respondent;
      });
      if (name === undefined || !this.scoreStored(name)) continue;
      free.delete(name);
      const answers = join('answers', name.replace(REPORT_FILE, '.yaml'));
      const claimed: ParticipantRecord = { joinedAt: record.joinedAt, report: name, answers: existsSync(join(this.dir, answers)) ? answers : '', submittedAt: record.pending?.createdAt ?? '' };
      this.participants.set(hash, claimed);
      this.writeParticipant(hash, claimed);
    }
  }

  /** Notes that this participant's files are about to be written (see `ParticipantRecord.pending`). */
  markPending(hash: string, report: Report): void {
    const record = this.participants.get(hash);
    if (record === undefined) return;
    const pending: ParticipantRecord = { joinedAt: record.joinedAt, pending: { createdAt: report.createdAt, respondent: report.respondent } };
    this.writeParticipant(hash, pending);
    this.participants.set(hash, pending);
  }

  /**
   * Whether a file of DIR is read as a report, as `diag aggregate DIR` decides it (read-inputs.ts):
   * a hidden file (the `._x.json` a Mac leaves on a USB stick), a folder, a FIFO (reading it would
   * wait forever), a socket, a device or a dangling link is skipped with the same warning.
   */
  private countable(name: string): boolean {
    const entry = join(this.dir, name);
    const found = folderEntry(entry);
    if (!('skip' in found)) return true; // a file, or one read and refused with its reason
    this.warnings.push(messages().warnings.skippedEntry({ entry, kind: found.skip }));
    return false;
  }

  private refuse(line: string): void {
    if (!this.refused.includes(line)) this.refused.push(line);
  }

  /** Scores a stored report the way `diag aggregate` reads it; false (with a warning or a refusal) if it cannot. */
  private scoreStored(name: string): boolean {
    let text: string;
    try {
      text = readFileSync(join(this.dir, name), 'utf8');
    } catch (error) {
      const reason = systemReason(error);
      // Taken out of DIR (a participant who asked to be left out): diag aggregate DIR no longer sees it either.
      if (reason.code === 'ENOENT') this.warnings.push(messages().warnings.unreadableReport({ name, reason }));
      else this.refuse(messages().error.workshopReportUnreadable({ name, reason }));
      return false;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.refuse(messages().error.workshopReportNotJson({ name }));
      return false;
    }
    const scored = this.scoresOf(data);
    if (scored === undefined) {
      this.refuse(messages().error.workshopReportInvalid({ name, bank: this.bank.id }));
      return false;
    }
    this.remember(name, scored);
    return true;
  }

  /** A scored report of DIR, with the person it is and the figures it is counted in, worked out once. */
  private remember(name: string, scored: Report): void {
    this.scored.set(name, scored);
    this.personOf.set(name, this.personKey(name, scored));
    this.patternOf.set(name, viewPattern(this.bank, scored, this.by));
  }

  /**
   * One key per person as `diag aggregate` counts them: the same name with the same answers is
   * one person (its fingerprint); a report without a name is a person of its own.
   */
  private personKey(name: string, report: Report): string {
    return fingerprint(readRespondent(this.bank, report)) ?? `\u0000file\u0000${name}`;
  }

  /** The people of some report files; a file no longer in DIR is a person of its own, gone. */
  private peopleOf(names: readonly string[]): string[] {
    return names.map((n) => this.personOf.get(n) ?? `\u0000gone\u0000${n}`);
  }

  /** What `diag aggregate` makes of a report file: its answers re-validated and scored, scores only. */
  private scoresOf(data: unknown): Report | undefined {
    const checked = validateAnswers(this.bank, data);
    if (!checked.ok) return undefined;
    const file = checked.value;
    const lang = file.lang !== undefined && this.bank.languages.includes(file.lang) ? file.lang : (this.bank.languages[0] ?? 'fr');
    return buildReport(this.bank, file, { lang, createdAt: file.createdAt ?? '', tool: { name: 'diag', version: '' }, scoresOnly: true });
  }

  private writeParticipant(hash: string, record: ParticipantRecord): void {
    writePrivateJson(join(this.state, 'participants', `${hash}.json`), record);
  }

  /** A new participant: their token (the only copy, for their browser). */
  join(now: string): string {
    const token = newToken();
    const hash = tokenHash(token);
    const record: ParticipantRecord = { joinedAt: now };
    this.writeParticipant(hash, record);
    this.participants.set(hash, record);
    return token;
  }

  participant(hash: string): ParticipantRecord | undefined {
    return this.participants.get(hash);
  }

  /**
   * Records a submission whose files are written: the participant now points to them, and the
   * snapshot moves if k more have finished. A submission without a participant gets one.
   */
  recordSubmission(hash: string | undefined, saved: { report: string; answers: string }, report: Report, now: string): void {
    const key = hash ?? tokenHash(newToken());
    const record: ParticipantRecord = { joinedAt: this.participants.get(key)?.joinedAt ?? now, report: saved.report, answers: saved.answers, submittedAt: now };
    this.writeParticipant(key, record);
    this.participants.set(key, record);
    // The report was just built from validated answers with this bank: its scores are what
    // `diag aggregate` computes from the file. Only what the aggregator reads is kept.
    const scored = { ...report, recommendations: [], benchmarks: [] };
    this.remember(saved.report, scored);
    this.clearProgress(key);
    this.updateSnapshot();
  }

  /** Everyone who finished, once each (copies of one person count once), with their view pattern. */
  private finishers(): Finisher[] {
    const people = new Map<string, string>();
    for (const name of this.scored.keys()) {
      const key = this.personOf.get(name);
      const pattern = this.patternOf.get(name);
      if (key !== undefined && pattern !== undefined && !people.has(key)) people.set(key, pattern);
    }
    return [...people].map(([key, pattern]) => ({ key, pattern }));
  }

  /** Moves the view when a group of newcomers alike is k (see nextView). */
  private updateSnapshot(): void {
    const view = nextView(this.peopleOf(this.shownNames), this.finishers(), this.minGroup);
    if (view === undefined) return;
    this.shownNames = [...this.scored.keys()].filter((name) => view.has(this.personOf.get(name) ?? ''));
    this.shownWhole = true;
    this.snapshots += 1;
    writePrivateJson(join(this.state, 'shown.json'), { shown: this.shownNames });
  }

  /** Changes each time the view moves: what the figures are cached by. */
  get snapshot(): number {
    return this.snapshots;
  }

  /** How many people have finished, as `diag aggregate DIR` counts them (a copy counts once). */
  get distinct(): number {
    return new Set(this.peopleOf([...this.scored.keys()])).size;
  }

  /** How many people who finished are not in the view yet, whatever their answers (see newcomerCount). */
  get newcomers(): number {
    return newcomerCount(this.peopleOf(this.shownNames), this.finishers());
  }

  get joined(): number {
    return this.participants.size;
  }

  get finished(): number {
    return this.scored.size;
  }

  /** The number of reports the figures on screen are computed over; 0 when they show a count only. */
  get shown(): number {
    return this.shownWhole ? this.shownNames.length : 0;
  }

  /** The scores-only reports of the snapshot, in the order `diag aggregate DIR` reads the files. */
  shownReports(): Report[] {
    if (!this.shownWhole) return [];
    return [...this.shownNames].sort().flatMap((name) => {
      const report = this.scored.get(name);
      return report === undefined ? [] : [report];
    });
  }

  /** The stored report of a participant, as written to DIR. */
  storedReport(record: ParticipantRecord): unknown {
    return record.report === undefined ? undefined : readJson(join(this.dir, record.report));
  }

  setAccepting(accepting: boolean): void {
    if (this.session.accepting === accepting) return;
    this.session.accepting = accepting;
    writePrivateJson(join(this.state, 'session.json'), this.session, { sync: true });
  }

  progressFile(hash: string): string {
    return join(this.state, 'progress', `${hash}.json`);
  }

  saveProgress(hash: string, progress: SavedProgress): void {
    writePrivateJson(this.progressFile(hash), progress);
  }

  loadProgress(hash: string): unknown {
    return readJson(this.progressFile(hash));
  }

  private clearProgress(hash: string): void {
    try {
      unlinkSync(this.progressFile(hash));
    } catch {
      // nothing saved
    }
  }
}

function isSessionFile(data: unknown): data is SessionFile {
  return (
    isObject(data) &&
    isObject(data.bank) &&
    typeof data.bank.id === 'string' &&
    typeof data.bank.version === 'string' &&
    typeof data.code === 'string' &&
    typeof data.token === 'string' &&
    typeof data.accepting === 'boolean' &&
    typeof data.createdAt === 'string'
  );
}
