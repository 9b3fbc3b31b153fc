import { lazy } from './lazy.js';

/**
 * diag's own errors and warnings about files, outputs, options and the workshop server, in
 * English (the reference shape) and French. Spread into the catalogue's `error` and `warnings`
 * sections of i18n.ts, so that a key without its French wording does not compile.
 */

/** Why a system call failed, as data: its code (ENOSPC…) and the system's own English message. */
export interface SystemReason {
  code: string;
  message: string;
}

export function systemReason(error: unknown): SystemReason {
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return { code, message };
}

/** The system's messages are English: the common ones in French, the code kept so that it can be searched for. */
const SYSTEM_FR: Readonly<Record<string, string>> = {
  ENOENT: 'fichier ou dossier introuvable',
  EISDIR: 'c’est un dossier',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  ENOSPC: 'plus de place sur le disque',
  EDQUOT: 'quota de disque dépassé',
  EROFS: 'système de fichiers en lecture seule',
  EIO: 'erreur d’entrée/sortie',
  ELOOP: 'une boucle de liens symboliques',
  ENAMETOOLONG: 'nom trop long',
  EMFILE: 'trop de fichiers ouverts',
  EBUSY: 'ressource occupée',
  EEXIST: 'le fichier existe déjà',
  ENXIO: 'périphérique introuvable',
  EPIPE: 'tube fermé',
  EADDRINUSE: 'adresse déjà utilisée',
  EADDRNOTAVAIL: 'adresse indisponible sur cette machine',
  ENOTEMPTY: 'le dossier n’est pas vide',
  EXDEV: 'lien entre deux systèmes de fichiers',
  ESTALE: 'fichier réseau périmé',
  EFBIG: 'fichier trop gros',
  ETXTBSY: 'fichier occupé',
};
/**
 * The common ones in English too, as the system words them, with the code, for a file written:
 * Node's own message also names the call and its path, which for a file written through a
 * temporary name is that hidden name, not the file asked for.
 */
const SYSTEM_EN: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EBUSY: 'resource busy',
  EEXIST: 'file already exists',
  ENXIO: 'no such device or address',
  EPIPE: 'broken pipe',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available on this machine',
  ENOTEMPTY: 'directory not empty',
  EXDEV: 'cross-device link',
  ESTALE: 'stale file handle',
  EFBIG: 'file too large',
  ETXTBSY: 'text file busy',
};
const systemEn = (r: SystemReason) => r.message;
/** For a file written through a temporary name: Node's own message (`ENOSPC: …, open '/x/.r.json.123-….tmp'`) worded without it. */
const systemEnFile = (r: SystemReason): string => {
  const known = SYSTEM_EN[r.code];
  return known === undefined || !r.message.startsWith(`${r.code}: `) ? r.message : `${known} (${r.code})`;
};
export const systemFr = (r: SystemReason): string => {
  const known = SYSTEM_FR[r.code];
  return known === undefined ? r.message : `${known} (${r.code})`;
};

const s = (n: number) => (n === 1 ? '' : 's');

function errorsEnglish() {
  return {
    // Outputs (deliver.ts, output.ts)
    csvDelimiter: (a: { value: string }) => `--csv-delimiter ${a.value}: expected one character such as , ; or tab`,
    notAFormat: (a: { command: string; format: string; formats: string }) => `diag ${a.command} --format ${a.format}: not a format of diag ${a.command}; formats: ${a.formats}`,
    unknownExtension: (a: { file: string; extensions: string; formats: string }) => `-o ${a.file}: cannot tell the format from the name; use an extension (${a.extensions}) or --format (${a.formats})`,
    formatDisagrees: (a: { format: string; file: string; named: string; suggested: string }) =>
      `--format ${a.format} and -o ${a.file} disagree: the format of a file follows its name (${a.named}), --format is the format of standard output; drop --format or name the file ${a.suggested}`,
    cannotWriteFormat: (a: { file: string; command: string; format: string; formats: string; extensions: string }) => `-o ${a.file}: diag ${a.command} cannot write ${a.format}; its formats are ${a.formats} (${a.extensions})`,
    outputIsInput: (a: { option: string; file: string; input?: string; folder: boolean }) =>
      `${a.option} ${a.file} is also an input${a.input === undefined ? '' : ` (${a.input === '-' ? 'standard input' : `${a.folder ? 'read from ' : ''}${a.input}`})`}; choose another name`,
    outputTwice: (a: { files: string }) => `${a.files}: given more than once as an output; each -o names a different file`,
    noFolder: (a: { file: string; folder: string }) => `cannot write ${a.file}: the folder ${a.folder} does not exist`,
    outputIsFolder: (a: { file: string }) => `cannot write ${a.file}: it is a folder`,
    notRegularFile: (a: { file: string }) => `cannot write ${a.file}: not a regular file (use -o - for standard output)`,
    outputsExist: (a: { files: readonly string[] }) => `${a.files.join(', ')} already exist${a.files.length === 1 ? 's' : ''}; choose another name or add --force to replace`,
    fileExists: (a: { file: string }) => `${a.file} already exists; choose another name or add --force to replace it`,
    cannotWrite: (a: { file: string; reason: SystemReason }) => `cannot write ${a.file}: ${systemEnFile(a.reason)}`,
    previousKept: (a: { file: string; kept: string }) => `the previous version of ${a.file} could not be put back: it is kept as ${a.kept}`,
    cannotWriteStdout: (a: { reason: SystemReason }) => `cannot write to standard output: ${systemEn(a.reason)}`,
    cannotSpool: (a: { folder: string; reason: SystemReason }) => `cannot hold the output for standard output in ${a.folder}: ${systemEn(a.reason)}`,
    // Inputs (read-inputs.ts, source.ts, file-limits.ts)
    stdinTwice: (_: Record<string, never>) => '- (standard input) is given more than once; it can be read only once',
    inputsUnreadable: (a: { count: number }) => `${a.count} inputs cannot be read; nothing was written`,
    cannotReadInput: (a: { name: string; reason: SystemReason }) => `cannot read ${a.name}: ${systemEn(a.reason)}`,
    cannotReadFolder: (a: { name: string; reason: SystemReason }) => `cannot read the folder ${a.name}: ${systemEn(a.reason)}`,
    notJson: (a: { name: string; message: string }) => `${a.name}: not valid JSON: ${a.message}`,
    yamlValue: (a: { name: string; message: string }) => `${a.name}: ${a.message}`,
    tooBigRead: (a: { name: string; limit: string }) => `${a.name} is more than the ${a.limit} diag reads by default (reading stopped there); raise the limit with --max-file-size MB (or DIAG_MAX_FILE_SIZE)`,
    // Commands
    byRefused: (_: Record<string, never>) => '--by: cannot group by that',
    outTaken: (a: { file: string }) => `${a.file} already exists; choose another name with --out (diag never replaces a report)`,
    compareBanks: (a: { oldFile: string; oldBank: string; newFile: string; newBank: string }) => `${a.oldFile} is a report of bank "${a.oldBank}" and ${a.newFile} of bank "${a.newBank}": only reports of one bank can be compared`,
    explainOne: (a: { file: string; count: number }) => `${a.file}: diag explain takes one answer file or report (found ${a.count} records)`,
    refused: (a: { file: string }) => `${a.file}: refused`,
    lintNumber: (a: { option: string; value: string; max: number }) => `${a.option} ${a.value}: expected a whole number from 0 to ${a.max}`,
    rescoreNeedsBank: (_: Record<string, never>) => 'rescore needs --bank NEW_BANK: the version to score the saved reports with',
    rescoreNotReport: (a: { name: string }) => `${a.name}: not a diag report (rescore reads reports: diag run or diag score --format json)`,
    rescoreOtherBank: (a: { name: string; report: string; bank: string }) => `${a.name}: a report of bank "${a.report}", not "${a.bank}"`,
    rescoreRefused: (_: Record<string, never>) => 'some inputs cannot be re-scored; nothing was written',
    noReports: (a: { paths: readonly string[] }) => `no reports found in ${a.paths.join(', ')}`,
    reportNeedsBank: (a: { file: string; lang: string; bank: string }) => `${a.file}: to render it in "${a.lang}", diag needs its bank "${a.bank}": give it with --bank`,
    reportOtherBank: (a: { file: string; report: string; bank: string }) => `${a.file}: a report of bank "${a.report}", but the bank given is "${a.bank}"`,
    answersDoNotFit: (a: { file: string; bank: string; version: string }) => `${a.file}: its answers do not fit bank ${a.bank} ${a.version}`,
    reportNormsBank: (a: { file: string; report: string; norms: string }) => `${a.file}: a report of bank "${a.report}", but the norms are of bank "${a.norms}"`,
    maxDropNeedsBaseline: (_: Record<string, never>) => '--max-drop needs --baseline PREVIOUS_REPORTS (a report, an array or NDJSON of reports, or a folder) to compare with',
    noAnswersWritten: (a: { paths: readonly string[] }) => `no answers found in ${a.paths.join(', ')} (looked for .yaml, .yml, .json, .ndjson, .jsonl); nothing was written`,
    baselineNotReport: (a: { name: string }) => `--baseline ${a.name}: not a diag report`,
    baselineOtherBank: (a: { name: string; bank: string; expected: string }) => `--baseline ${a.name}: it is a report of bank "${a.bank}", not "${a.expected}"`,
    baselineInput: (a: { message: string }) => `--baseline: ${a.message}`,
    baselineEmpty: (a: { path: string }) => `--baseline ${a.path}: no report found`,
    minAlpha: (a: { value: string }) => `--min-alpha ${a.value}: expected a number up to 1, such as 0.7`,
    normsOutStdout: (_: Record<string, never>) => '--norms-out: give a file name (the norms are JSON for `diag score --norms`)',
    normsTooFew: (a: { file: string; n: number; needed: number; floor: number }) =>
      `--norms-out ${a.file}: norms need at least ${a.needed} respondents with a score (max(--min-group, ${a.floor})); there are ${a.n}; nothing was written`,
    notNorms: (a: { file: string }) => `${a.file}: not a valid norms file`,
    normsOtherBank: (a: { file: string; norms: string; bank: string }) => `${a.file}: norms of bank "${a.norms}", but the bank is "${a.bank}"`,
    // The workshop server
    workshopDir: (a: { dir: string; reason: SystemReason }) => `cannot use ${a.dir} for the workshop: ${systemEn(a.reason)}`,
    notASession: (a: { file: string; dir: string }) => `${a.file}: not a workshop session diag can read; move it away to start a new session in ${a.dir}`,
    otherBankWorkshop: (a: { dir: string; saved: string; bank: string }) => `${a.dir} holds a workshop of bank "${a.saved}", not "${a.bank}"`,
    otherBankWorkshopHint: (a: { saved: string }) => `continue it with --bank ${a.saved}, or choose another folder`,
    workshopReports: (a: { dir: string; count: number }) =>
      `${a.dir}: ${a.count === 1 ? '1 file' : `${a.count} files`} cannot be counted; fix or move ${a.count === 1 ? 'it' : 'them'} out of the folder: the group screen counts what diag aggregate ${a.dir} counts, and it refuses ${a.count === 1 ? 'it' : 'them'} too`,
    workshopReportUnreadable: (a: { name: string; reason: SystemReason }) => `${a.name}: cannot be read (${systemEn(a.reason)})`,
    workshopReportNotJson: (a: { name: string }) => `${a.name}: not valid JSON`,
    moreProblems: (a: { count: number }) => `… and ${a.count} more problem${a.count === 1 ? '' : 's'} (diag aggregate lists them all)`,
    workshopReportInvalid: (a: { name: string; bank: string }) => `${a.name}: not a valid report of bank ${a.bank}`,
    workshopNotReport: (a: { name: string; dir: string }) => `${a.name}: not a report (.json); diag aggregate ${a.dir} would read it, the group screen cannot`,
    cannotLock: (a: { dir: string; reason: SystemReason }) => `cannot lock ${a.dir}: ${systemEn(a.reason)}`,
    serverRunning: (a: { pid: number; dir: string }) => `a workshop server (process ${a.pid}) is already running on ${a.dir}`,
    serverRunningHint: (_: Record<string, never>) => 'stop it first (Ctrl-C in its terminal), or choose another folder',
    serverStarting: (a: { dir: string }) => `cannot lock ${a.dir}: another server is starting on it`,
    port: (a: { value: string }) => `--port ${a.value}: expected a port number from 0 to 65535 (0: any free port)`,
    notAFolder: (a: { dir: string }) => `cannot use ${a.dir} for the workshop: it is a file, not a folder`,
    cannotCreate: (a: { dir: string; reason: SystemReason }) => `cannot create ${a.dir}: ${systemEn(a.reason)}`,
    portInUse: (a: { port: number }) => `--port ${a.port}: the port is in use; choose another, or --port 0 for any free port`,
    cannotListen: (a: { host: string; port: number; reason: SystemReason }) => `cannot listen on ${a.host}:${a.port}: ${systemEn(a.reason)}`,
  };
}
export const ERRORS_EN = /* @__PURE__ */ lazy(errorsEnglish);

export type ErrorStrings = ReturnType<typeof ERRORS_EN>;

export const ERRORS_FR = /* @__PURE__ */ lazy((): ErrorStrings => ({
  csvDelimiter: (a) => `--csv-delimiter ${a.value} : un seul caractère est attendu, comme , ; ou tab`,
  notAFormat: (a) => `diag ${a.command} --format ${a.format} : diag ${a.command} n’a pas ce format ; formats : ${a.formats}`,
  unknownExtension: (a) => `-o ${a.file} : impossible de savoir le format d’après le nom ; donnez une extension (${a.extensions}) ou --format (${a.formats})`,
  formatDisagrees: (a) =>
    `--format ${a.format} et -o ${a.file} se contredisent : le format d’un fichier suit son nom (${a.named}), --format est celui de la sortie standard ; retirez --format ou nommez le fichier ${a.suggested}`,
  cannotWriteFormat: (a) => `-o ${a.file} : diag ${a.command} ne sait pas écrire du ${a.format} ; ses formats sont ${a.formats} (${a.extensions})`,
  outputIsInput: (a) => `${a.option} ${a.file} est aussi une entrée${a.input === undefined ? '' : ` (${a.input === '-' ? 'l’entrée standard' : `${a.folder ? 'lue dans ' : ''}${a.input}`})`} ; choisissez un autre nom`,
  outputTwice: (a) => `${a.files} : donné plus d’une fois en sortie ; chaque -o doit nommer un fichier différent`,
  noFolder: (a) => `impossible d’écrire ${a.file} : le dossier ${a.folder} n’existe pas`,
  outputIsFolder: (a) => `impossible d’écrire ${a.file} : c’est un dossier`,
  notRegularFile: (a) => `impossible d’écrire ${a.file} : ce n’est pas un fichier ordinaire (-o - pour la sortie standard)`,
  outputsExist: (a) => `${a.files.join(', ')} existe${a.files.length === 1 ? '' : 'nt'} déjà ; choisissez un autre nom ou ajoutez --force pour remplacer`,
  fileExists: (a) => `${a.file} existe déjà ; choisissez un autre nom ou ajoutez --force pour le remplacer`,
  cannotWrite: (a) => `impossible d’écrire ${a.file} : ${systemFr(a.reason)}`,
  previousKept: (a) => `l’ancienne version de ${a.file} n’a pas pu être remise en place : elle est gardée sous ${a.kept}`,
  cannotWriteStdout: (a) => `impossible d’écrire sur la sortie standard : ${systemFr(a.reason)}`,
  cannotSpool: (a) => `impossible de garder la sortie standard en attente dans ${a.folder} : ${systemFr(a.reason)}`,
  stdinTwice: () => '- (l’entrée standard) est donnée plus d’une fois ; elle ne peut être lue qu’une fois',
  inputsUnreadable: (a) => `${a.count} entrées illisibles ; rien n’a été écrit`,
  cannotReadInput: (a) => `impossible de lire ${a.name} : ${systemFr(a.reason)}`,
  cannotReadFolder: (a) => `impossible de lire le dossier ${a.name} : ${systemFr(a.reason)}`,
  notJson: (a) => `${a.name} : JSON invalide (${a.message})`,
  yamlValue: (a) => `${a.name} : ${a.message}`,
  tooBigRead: (a) => `${a.name} dépasse les ${a.limit} que diag lit par défaut (lecture arrêtée là) ; relevez la limite avec --max-file-size Mo (ou DIAG_MAX_FILE_SIZE)`,
  byRefused: () => '--by : impossible de regrouper selon cette question',
  outTaken: (a) => `${a.file} existe déjà ; choisissez un autre nom avec --out (diag ne remplace jamais un rapport)`,
  compareBanks: (a) => `${a.oldFile} est un rapport du questionnaire « ${a.oldBank} » et ${a.newFile} du questionnaire « ${a.newBank} » : seuls des rapports d’un même questionnaire se comparent`,
  explainOne: (a) => `${a.file} : diag explain prend un seul fichier de réponses ou rapport (${a.count} trouvés)`,
  refused: (a) => `${a.file} : refusé`,
  lintNumber: (a) => `${a.option} ${a.value} : un nombre entier de 0 à ${a.max} est attendu`,
  rescoreNeedsBank: () => 'rescore a besoin de --bank NOUVEAU_QUESTIONNAIRE : la version avec laquelle recalculer les rapports',
  rescoreNotReport: (a) => `${a.name} : ce n’est pas un rapport diag (rescore lit des rapports : diag run ou diag score --format json)`,
  rescoreOtherBank: (a) => `${a.name} : un rapport du questionnaire « ${a.report} », pas « ${a.bank} »`,
  rescoreRefused: () => 'certaines entrées ne peuvent pas être recalculées ; rien n’a été écrit',
  noReports: (a) => `aucun rapport trouvé dans ${a.paths.join(', ')}`,
  reportNeedsBank: (a) => `${a.file} : pour l’afficher en « ${a.lang} », diag a besoin de son questionnaire « ${a.bank} » : donnez-le avec --bank`,
  reportOtherBank: (a) => `${a.file} : un rapport du questionnaire « ${a.report} », mais le questionnaire donné est « ${a.bank} »`,
  answersDoNotFit: (a) => `${a.file} : ses réponses ne correspondent pas au questionnaire ${a.bank} ${a.version}`,
  reportNormsBank: (a) => `${a.file} : un rapport du questionnaire « ${a.report} », mais les normes sont celles du questionnaire « ${a.norms} »`,
  maxDropNeedsBaseline: () => '--max-drop a besoin de --baseline RAPPORTS_PRÉCÉDENTS (un rapport, un tableau ou du NDJSON de rapports, ou un dossier) pour comparer',
  noAnswersWritten: (a) => `aucune réponse trouvée dans ${a.paths.join(', ')} (fichiers cherchés : .yaml, .yml, .json, .ndjson, .jsonl) ; rien n’a été écrit`,
  baselineNotReport: (a) => `--baseline ${a.name} : ce n’est pas un rapport diag`,
  baselineOtherBank: (a) => `--baseline ${a.name} : c’est un rapport du questionnaire « ${a.bank} », pas « ${a.expected} »`,
  baselineInput: (a) => `--baseline : ${a.message}`,
  baselineEmpty: (a) => `--baseline ${a.path} : aucun rapport trouvé`,
  minAlpha: (a) => `--min-alpha ${a.value} : un nombre jusqu’à 1 est attendu, par ex. 0,7 (écrit 0.7)`,
  normsOutStdout: () => '--norms-out : donnez un nom de fichier (les normes sont du JSON pour `diag score --norms`)',
  normsTooFew: (a) => `--norms-out ${a.file} : il faut au moins ${a.needed} répondants avec un score pour des normes (max(--min-group, ${a.floor})) ; il y en a ${a.n} ; rien n’a été écrit`,
  notNorms: (a) => `${a.file} : ce n’est pas un fichier de normes valide`,
  normsOtherBank: (a) => `${a.file} : normes du questionnaire « ${a.norms} », mais le questionnaire est « ${a.bank} »`,
  workshopDir: (a) => `impossible d’utiliser ${a.dir} pour l’atelier : ${systemFr(a.reason)}`,
  notASession: (a) => `${a.file} : pas une session d’atelier que diag sait lire ; déplacez-le pour commencer une nouvelle session dans ${a.dir}`,
  otherBankWorkshop: (a) => `${a.dir} contient un atelier du questionnaire « ${a.saved} », pas « ${a.bank} »`,
  otherBankWorkshopHint: (a) => `poursuivez-le avec --bank ${a.saved}, ou choisissez un autre dossier`,
  workshopReports: (a) =>
    `${a.dir} : ${a.count === 1 ? '1 fichier ne peut pas être compté' : `${a.count} fichiers ne peuvent pas être comptés`} ; corrigez-${a.count === 1 ? 'le' : 'les'} ou sortez-${a.count === 1 ? 'le' : 'les'} du dossier : l’écran du groupe compte ce que compte diag aggregate ${a.dir}, qui ${a.count === 1 ? 'le' : 'les'} refuse aussi`,
  workshopReportUnreadable: (a) => `${a.name} : illisible (${systemFr(a.reason)})`,
  workshopReportNotJson: (a) => `${a.name} : ce n’est pas du JSON valide`,
  moreProblems: (a) => `… et ${a.count} autre${a.count > 1 ? 's' : ''} problème${a.count > 1 ? 's' : ''} (diag aggregate les liste tous)`,
  workshopReportInvalid: (a) => `${a.name} : pas un rapport valide du questionnaire ${a.bank}`,
  workshopNotReport: (a) => `${a.name} : pas un rapport (.json) ; diag aggregate ${a.dir} le lirait, l’écran du groupe ne le peut pas`,
  cannotLock: (a) => `impossible de verrouiller ${a.dir} : ${systemFr(a.reason)}`,
  serverRunning: (a) => `un serveur d’atelier (processus ${a.pid}) tourne déjà sur ${a.dir}`,
  serverRunningHint: () => 'arrêtez-le d’abord (Ctrl-C dans son terminal), ou choisissez un autre dossier',
  serverStarting: (a) => `impossible de verrouiller ${a.dir} : un autre serveur est en train d’y démarrer`,
  port: (a) => `--port ${a.value} : un numéro de port de 0 à 65535 est attendu (0 : n’importe quel port libre)`,
  notAFolder: (a) => `impossible d’utiliser ${a.dir} pour l’atelier : c’est un fichier, pas un dossier`,
  cannotCreate: (a) => `impossible de créer ${a.dir} : ${systemFr(a.reason)}`,
  portInUse: (a) => `--port ${a.port} : le port est déjà pris ; choisissez-en un autre, ou --port 0 pour n’importe quel port libre`,
  cannotListen: (a) => `impossible d’écouter sur ${a.host}:${a.port} : ${systemFr(a.reason)}`,
}));

/** Why a progress file cannot be used (progress.ts ProgressProblem, repeated here: catalogues import no reader). */
type ProgressProblemArg = { kind: 'json' } | { kind: 'shape' } | { kind: 'bank'; bank: string } | { kind: 'unreadable'; reason: SystemReason };

/** Warnings on stderr (the `warning:` prefix comes from the catalogue too). */
function warningsEnglish() {
  return {
    skippedEntry: (a: { entry: string; kind: 'subfolder' | 'fifo' | 'socket' | 'device' | 'dangling' | 'loop' | 'hidden' }) =>
      `${a.entry}: skipped, ${
        {
          subfolder: 'a folder (diag reads the files of a folder, not its sub-folders)',
          fifo: 'a FIFO',
          socket: 'a socket',
          device: 'a device',
          dangling: 'a symbolic link to nothing (an editor lock file?)',
          loop: 'a loop of symbolic links',
          hidden: 'a hidden file (name it on the command line to read it)',
        }[a.kind]
      }${a.kind === 'hidden' ? '' : ', not an answer file'}`,
    duplicateRespondent: (a: { name: string; who: string; counted: boolean }) => `${a.name}: respondent "${a.who}" appears more than once${a.counted ? '' : ', with the same answers: counted once'}`,
    moreWarnings: (a: { count: number }) => `… and ${a.count} more warning${s(a.count)}`,
    countOnly: (a: { count: number; minGroup: number }) => `only ${a.count} respondent${s(a.count)}, fewer than --min-group ${a.minGroup}: only the count is shown`,
    differentRespondents: (a: { old: string | null; now: string | null }) => `the reports are of different respondents (${a.old ?? 'anonymous'}, ${a.now ?? 'anonymous'})`,
    differentVersions: (a: { bank: string; old: string; now: string }) => `the reports were made with different versions of bank ${a.bank} (${a.old}, ${a.now})`,
    reportVersion: (a: { file: string; bank: string; made: string; now: string }) => `${a.file} was made with bank ${a.bank} ${a.made}; rendered with ${a.now}, its scores may differ`,
    normsVersion: (a: { file: string; bank: string; made: string; now: string }) => `${a.file}: norms made with bank ${a.bank} ${a.made}, the bank is ${a.now}; the percentiles may be off`,
    maxDropUnchecked: (a: { who: string; why: { kind: 'ambiguous'; key: string } | { kind: 'none' } }) =>
      `${a.who}: --max-drop not checked: ${a.why.kind === 'ambiguous' ? `several baseline reports match ${a.why.key}` : 'no baseline report of the same source file or respondent'}`,
    minAlphaNoStats: (a: { minAlpha: number; minGroup: number }) => `--min-alpha ${a.minAlpha}: no statistics for a group of fewer than ${a.minGroup} respondents`,
    minAlphaWithheld: (a: { minAlpha: number; dimension: string; code: 'few-items' | 'few-respondents' | 'zero-variance'; reason: string }) => `--min-alpha ${a.minAlpha}: no alpha for ${a.dimension}: ${a.reason}`,
    alphaBelow: (a: { segment?: string; dimension: string; alpha: number; minAlpha: number }) => `${a.segment === undefined ? '' : `${a.segment}: `}${a.dimension}: alpha ${a.alpha} is below --min-alpha ${a.minAlpha}`,
    strictFindings: (a: { count: number; file: string }) => `--strict: ${a.count} finding${s(a.count)} in ${a.file}`,
    thresholdNotMet: 'threshold not met:',
    sessionVersion: (a: { bank: string; started: string; now: string }) => `the session was started with bank ${a.bank} ${a.started}; continuing with ${a.now}`,
    foreignReport: (a: { name: string; dir: string }) => `${a.name}: a report in ${a.dir} not made by this session is counted in the group`,
    unreadableReport: (a: { name: string; reason: SystemReason }) => `${a.name}: cannot be read (${systemEn(a.reason)}); left out of the group`,
    invalidReport: (a: { name: string; bank: string }) => `${a.name}: not a valid report of bank ${a.bank}; left out of the group`,
    savedScoresDiffer: (a: { file: string; target: string; saved: number | null; now: number | null }) =>
      `${a.file}: its saved ${a.target === 'overall' ? 'overall score' : `score of ${a.target}`} (${a.saved ?? 'none'}) is not what its answers give (${a.now ?? 'none'}); compared with the scores of its answers`,
    corruptProgress: (a: { file: string; problem: ProgressProblemArg; kept?: string; failed?: SystemReason }) =>
      `${a.file}: the saved progress cannot be used (${
        { json: 'not valid JSON', shape: 'not a progress file of diag run', bank: `the progress of bank ${a.problem.kind === 'bank' ? a.problem.bank : ''}`, unreadable: a.problem.kind === 'unreadable' ? systemEn(a.problem.reason) : '' }[a.problem.kind]
      }); ${a.kept === undefined ? `it could not be set aside (${a.failed === undefined ? '' : systemEn(a.failed)}) and will be replaced` : `kept as ${a.kept}`}; starting afresh`,
  };
}
export const WARNINGS_EN = /* @__PURE__ */ lazy(warningsEnglish);

export type WarningStrings = ReturnType<typeof WARNINGS_EN>;

const frNumber = (x: number) => String(x).replace('.', ',');

export const WARNINGS_FR = /* @__PURE__ */ lazy((): WarningStrings => ({
  skippedEntry: (a) =>
    `${a.entry} : ignoré, ${
      {
        subfolder: 'c’est un dossier (diag lit les fichiers d’un dossier, pas ses sous-dossiers)',
        fifo: 'c’est un tube nommé (FIFO)',
        socket: 'c’est une socket',
        device: 'c’est un périphérique',
        dangling: 'c’est un lien symbolique vers rien (un fichier verrou d’éditeur ?)',
        loop: 'c’est une boucle de liens symboliques',
        hidden: 'c’est un fichier caché (nommez-le sur la ligne de commande pour le lire)',
      }[a.kind]
    }${a.kind === 'hidden' ? '' : ', pas un fichier de réponses'}`,
  duplicateRespondent: (a) => `${a.name} : le répondant « ${a.who} » apparaît plus d’une fois${a.counted ? '' : ', avec les mêmes réponses : compté une seule fois'}`,
  moreWarnings: (a) => `… et ${a.count} autre${a.count > 1 ? 's' : ''} avertissement${a.count > 1 ? 's' : ''}`,
  countOnly: (a) => `seulement ${a.count} répondant${a.count > 1 ? 's' : ''}, moins que --min-group ${a.minGroup} : seul le nombre est affiché`,
  differentRespondents: (a) => `les rapports sont de répondants différents (${a.old ?? 'anonyme'}, ${a.now ?? 'anonyme'})`,
  differentVersions: (a) => `les rapports ont été faits avec des versions différentes du questionnaire ${a.bank} (${a.old}, ${a.now})`,
  reportVersion: (a) => `${a.file} a été fait avec le questionnaire ${a.bank} ${a.made} ; affiché avec la ${a.now}, ses scores peuvent différer`,
  normsVersion: (a) => `${a.file} : normes faites avec le questionnaire ${a.bank} ${a.made}, le questionnaire est en ${a.now} ; les percentiles peuvent être faussés`,
  maxDropUnchecked: (a) =>
    `${a.who} : --max-drop non vérifié : ${a.why.kind === 'ambiguous' ? `plusieurs rapports de référence correspondent à ${a.why.key}` : 'aucun rapport de référence du même fichier source ou du même répondant'}`,
  minAlphaNoStats: (a) => `--min-alpha ${a.minAlpha} : pas de statistiques pour un groupe de moins de ${a.minGroup} répondants`,
  minAlphaWithheld: (a) =>
    `--min-alpha ${a.minAlpha} : pas d’α pour ${a.dimension} : ${{ 'few-items': 'moins de 2 de ses questions notées sont posées à tous', 'few-respondents': 'trop peu de répondants ont répondu à toutes ses questions', 'zero-variance': 'tout le monde a donné la même réponse à une de ses questions' }[a.code]}`,
  alphaBelow: (a) => `${a.segment === undefined ? '' : `${a.segment} : `}${a.dimension} : α de ${frNumber(a.alpha)}, sous --min-alpha ${a.minAlpha}`,
  strictFindings: (a) => `--strict : ${a.count} constat${a.count > 1 ? 's' : ''} dans ${a.file}`,
  thresholdNotMet: 'seuil non atteint :',
  sessionVersion: (a) => `la session a commencé avec le questionnaire ${a.bank} ${a.started} ; elle continue avec la ${a.now}`,
  foreignReport: (a) => `${a.name} : un rapport de ${a.dir} qui ne vient pas de cette session est compté dans le groupe`,
  unreadableReport: (a) => `${a.name} : illisible (${systemFr(a.reason)}) ; laissé hors du groupe`,
  invalidReport: (a) => `${a.name} : pas un rapport valide du questionnaire ${a.bank} ; laissé hors du groupe`,
  savedScoresDiffer: (a) =>
    `${a.file} : ${a.target === 'overall' ? 'son score global enregistré' : `son score enregistré de ${a.target}`} (${a.saved === null ? 'aucun' : frNumber(a.saved)}) n’est pas celui que donnent ses réponses (${a.now === null ? 'aucun' : frNumber(a.now)}) ; comparé avec les scores de ses réponses`,
  corruptProgress: (a) =>
    `${a.file} : la progression enregistrée est inutilisable (${
      { json: 'JSON invalide', shape: 'pas un fichier de progression de diag run', bank: `progression du questionnaire ${a.problem.kind === 'bank' ? a.problem.bank : ''}`, unreadable: a.problem.kind === 'unreadable' ? systemFr(a.problem.reason) : '' }[a.problem.kind]
    }) ; ${a.kept === undefined ? `impossible de la mettre de côté (${a.failed === undefined ? '' : systemFr(a.failed)}), elle sera remplacée` : `gardée sous ${a.kept}`} ; on recommence`,
}));
