import { lazy } from './lazy.js';

/**
 * The words of `--help`, in English (the reference shape) and French. main.ts wires them into
 * commander; a command or option added there without a text here does not compile.
 */
const exitCodes = (lines: Record<'ok' | 'threshold' | 'input' | 'interrupted', string>, only: ReadonlyArray<keyof typeof lines> = ['ok', 'input']) =>
  only.map((k) => `  ${{ ok: 0, threshold: 1, input: 2, interrupted: 130 }[k].toString().padEnd(4)}${lines[k]}`).join('\n');

const EXIT_EN = { ok: 'done', threshold: 'a threshold given on the command line was not met', input: 'bad input or usage; nothing half-written', interrupted: 'interrupted (Ctrl-C); answers so far are kept' };
const EXIT_FR = { ok: 'terminé', threshold: 'un seuil donné en option n’est pas atteint', input: 'entrée ou usage incorrect ; rien d’écrit à moitié', interrupted: 'interrompu (Ctrl-C) ; les réponses déjà données sont gardées' };

const after = (examples: string, exitTitle: string, codes: string) => `\n${examples}\n\n${exitTitle}\n${codes}\n`;

function helpEnglish() {
  return {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    choices: 'choices',
    default: 'default',
    help: 'display help for command',
    helpCommand: 'display help for a command',
    version: 'output the version number',
    tool: 'A self-diagnostic of management, digital, trust and sales transformation.',
    toolAfter: after(
      'Examples:\n  diag run                                  answer the questionnaire\n  diag score answers.yaml -o report.html    score a saved answer file\n  diag template > answers.yaml              a blank answer file to fill in\n\nLanguage: --lang, else LC_ALL / LC_MESSAGES / LANG, else English (reports: the bank\'s first language).',
      'Exit codes:',
      exitCodes(EXIT_EN, ['ok', 'threshold', 'input', 'interrupted']),
    ),
    maxFileSize: 'largest file (or NDJSON line) diag reads, in MB (default 10; also DIAG_MAX_FILE_SIZE)',
    common: {
      bank: 'question bank: a YAML/JSON file, or the id of a bundled bank (default: transformation)',
      lang: 'language of the output (a language of the bank)',
      noColor: 'no colours (also when NO_COLOR is set)',
      format: 'output format',
      output: 'write to a file instead of stdout',
      force: 'replace --output if it exists',
    },
    run: {
      description: 'answer the questionnaire in the terminal, then see your results (answers stay on this machine)',
      resume: 'continue the run that was interrupted, without asking',
      respondent: 'your name or a pseudonym for the report (not asked then)',
      out: 'report file (default: diag-BANK-DATE.json in the current folder); never replaced',
      outDir: 'folder for the report and answers, with unique names',
      stateDir: 'where progress is saved (default: $XDG_STATE_HOME/diag or ~/.local/state/diag)',
      workshop: 'a workshop on ONE terminal, no network: participants take turns at this keyboard, results saved in DIR (in the browser: diag workshop DIR)',
      after: after('Examples:\n  diag run\n  diag run --lang en --respondent Sam\n  diag run --workshop ./workshop', 'Exit codes:', exitCodes(EXIT_EN, ['ok', 'input', 'interrupted'])),
    },
    workshop: {
      description: 'a workshop in the browser: participants answer on their phones (QR code, join code), your screen shows the group; results saved in DIR (one shared keyboard instead: diag run --workshop DIR)',
      dir: 'folder of the session: answers are saved there, and "diag workshop DIR" again continues it',
      host: 'address to listen on (default: every interface; 127.0.0.1 for this machine only)',
      port: 'port (default 8080, or a free one if it is taken; 0: any free port)',
      minGroup: 'the group screen shows figures only over N or more people, updated only when N more have finished (at least 3)',
      after: after('Examples:\n  diag workshop atelier-mardi/\n  diag workshop atelier-mardi/ --by manages --min-group 5\n  diag workshop test/ --host 127.0.0.1 --port 0', 'Exit codes:', exitCodes(EXIT_EN, ['ok', 'input', 'interrupted'])),
    },
    score: {
      description: 'score answer files (or folders, or .ndjson) without any prompt',
      inputs: 'answer files, reports, folders of them, or .ndjson/.jsonl files; - reads standard input',
      minScore: 'exit 1 when an overall score is below N',
      min: 'exit 1 when a dimension score is below N (repeatable)',
      baseline: 'previous reports for --max-drop: one report, a JSON array or NDJSON of reports, or a folder (matched by source file, then respondent)',
      gateReport: 'write every threshold checked, per input file and respondent, with the figures, as JSON',
      maxDrop: 'exit 1 when the overall (or a dimension, or *=N every dimension) fell by more than N since --baseline (repeatable)',
      after: after(
        'Examples:\n  diag score answers.yaml\n  diag score answers/ -o results.csv\n  diag score answers.yaml --min-score 50 --min trust=40',
        'Exit codes:',
        exitCodes(EXIT_EN, ['ok', 'threshold', 'input']),
      ),
    },
    reportOutput: {
      format: 'format of standard output (an -o file takes the format of its extension)',
      output: 'write to a file (repeatable; the format follows the extension: .json .ndjson .md .csv .html .txt .junit.xml .yaml; - is stdout); all files are written or none',
      force: 'replace output files that exist',
      csvDelimiter: 'CSV separator: , (default), ; (French spreadsheets, with decimal commas) or tab',
      ascii: 'no box drawing or block characters (also when TERM=dumb)',
      summary: 'Markdown: one summary table of every report (automatic above 10 reports)',
      jsonArray: 'JSON: an array even for a single input file',
      norms: "add percentiles against a reference group (from diag aggregate --norms-out; default: the bank's own norms file)",
      noNorms: "do not use the bank's own norms file",
    },
    report: {
      description: 'render saved JSON reports again, in any format and language',
      reports: 'JSON reports written by diag run or diag score --format json',
      after: after('Examples:\n  diag report diag-transformation.json -o report.html\n  diag report report.json --lang en', 'Exit codes:', exitCodes(EXIT_EN)),
    },
    aggregate: {
      description: 'group results of many answer files or reports, by segment, without exposing anyone',
      inputs: 'answer files, reports, folders of them, or .ndjson/.jsonl files',
      by: 'break the group down by a single, multiple or boolean question (repeatable)',
      minGroup: 'show no figure about fewer than N people, nor one that could be worked out (at least 3)',
      stats: "for bank authors: Cronbach's alpha, alpha if deleted, item-total r, floor and ceiling shares",
      minAlpha: "exit 1 when a dimension's alpha is below X (implies --stats)",
      normsOut: 'write norms (percentile points of every score) for score --norms; needs 30 respondents',
      after: after('Examples:\n  diag aggregate workshop/\n  diag aggregate answers/ --by age -o group.html\n  diag aggregate pilot/ --stats --min-alpha 0.7', 'Exit codes:', exitCodes(EXIT_EN, ['ok', 'threshold', 'input'])),
    },
    rescore: {
      description: 'score saved reports again with another version of their bank (--bank NEW): what would change, per respondent and in total',
      reports: 'JSON reports (files, folders, .ndjson) made with an earlier version of the bank',
      after: after('Example:\n  diag rescore --bank my-bank-v2.yaml reports/', 'Exit codes:', exitCodes(EXIT_EN)),
    },
    lint: {
      description: 'deeper checks of a bank by simulating respondents: what never fires, never shows, cannot be reached; and the time to answer',
      strict: 'exit 1 when there is any finding (for CI)',
      seed: 'seed of the random respondents (same seed, same findings)',
      samples: 'random respondents to simulate, spread over the profile paths',
      after: after('Examples:\n  diag lint\n  diag lint my-bank.yaml --strict -f markdown', 'Exit codes:', exitCodes(EXIT_EN, ['ok', 'threshold', 'input'])),
    },
    compare: {
      description: 'what changed between two reports of the same bank: scores, levels, recommendations',
      old: 'the earlier JSON report',
      new: 'the later JSON report',
      after: after('Example:\n  diag compare january.json june.json', 'Exit codes:', exitCodes(EXIT_EN)),
    },
    explain: {
      description: 'how each answer makes its dimension score, and what would raise the overall score most',
      file: 'one answer file or report',
      top: 'how many improvements to list',
      after: after('Example:\n  diag explain answers.yaml --top 3', 'Exit codes:', exitCodes(EXIT_EN)),
    },
    validate: {
      description: 'check a question bank and say what is wrong, or that it is valid',
      bank: 'bank file or bundled bank id (default: the bundled bank)',
      bankOption: 'same as the argument',
      quiet: 'print nothing when the bank is valid',
      after: after('Examples:\n  diag validate my-bank.yaml\n  diag validate --quiet my-bank.yaml && echo valid', 'Exit codes:', exitCodes(EXIT_EN)),
    },
    template: {
      description: 'print a blank answer file for the bank, with every question and its allowed values',
      after: after('Example:\n  diag template --lang en > answers.yaml', 'Exit codes:', exitCodes(EXIT_EN)),
    },
    completion: {
      description: 'print a completion script for bash, zsh or fish (commands, options, formats, bundled banks)',
      shell: 'bash, zsh or fish',
      after: after('Examples:\n  source <(diag completion bash)\n  diag completion fish > ~/.config/fish/completions/diag.fish', 'Exit codes:', exitCodes(EXIT_EN)),
    },
  };
}
export const HELP_EN = /* @__PURE__ */ lazy(helpEnglish);

export type HelpTexts = ReturnType<typeof HELP_EN>;

export const HELP_FR = /* @__PURE__ */ lazy((): HelpTexts => ({
  usage: 'Usage :',
  options: 'Options :',
  commands: 'Commandes :',
  arguments: 'Arguments :',
  choices: 'valeurs',
  default: 'par défaut',
  help: 'afficher l’aide de la commande',
  helpCommand: 'afficher l’aide d’une commande',
  version: 'afficher le numéro de version',
  tool: 'Un autodiagnostic de transformation : management, numérique, confiance et vente.',
  toolAfter: after(
    'Exemples :\n  diag run                                  répondre au questionnaire\n  diag score reponses.yaml -o rapport.html  noter un fichier de réponses\n  diag template > reponses.yaml             un fichier de réponses vierge à remplir\n\nLangue : --lang, sinon LC_ALL / LC_MESSAGES / LANG, sinon l’anglais (rapports : la première langue du questionnaire).',
    'Codes de sortie :',
    exitCodes(EXIT_FR, ['ok', 'threshold', 'input', 'interrupted']),
  ),
  maxFileSize: 'plus grand fichier (ou ligne NDJSON) que diag lit, en Mo (10 par défaut ; aussi DIAG_MAX_FILE_SIZE)',
  common: {
    bank: 'questionnaire : un fichier YAML/JSON, ou l’identifiant d’un questionnaire fourni (par défaut : transformation)',
    lang: 'langue de la sortie (une langue du questionnaire)',
    noColor: 'sans couleurs (aussi quand NO_COLOR est défini)',
    format: 'format de sortie',
    output: 'écrire dans un fichier plutôt que sur la sortie standard',
    force: 'remplacer --output s’il existe',
  },
  run: {
    description: 'répondre au questionnaire dans le terminal, puis voir vos résultats (les réponses restent sur cette machine)',
    resume: 'reprendre le diagnostic interrompu, sans demander',
    respondent: 'votre nom ou un pseudonyme pour le rapport (alors non demandé)',
    out: 'fichier du rapport (par défaut : diag-QUESTIONNAIRE-DATE.json dans le dossier courant) ; jamais remplacé',
    outDir: 'dossier du rapport et des réponses, avec des noms uniques',
    stateDir: 'où la progression est gardée (par défaut : $XDG_STATE_HOME/diag ou ~/.local/state/diag)',
    workshop: 'un atelier sur UN SEUL terminal, sans réseau : les participants se relaient au clavier, résultats dans DIR (dans le navigateur : diag workshop DIR)',
    after: after('Exemples :\n  diag run\n  diag run --lang en --respondent Sam\n  diag run --workshop ./atelier', 'Codes de sortie :', exitCodes(EXIT_FR, ['ok', 'input', 'interrupted'])),
  },
  workshop: {
    description: 'un atelier dans le navigateur : les participants répondent sur leur téléphone (QR code, code d’accès), votre écran montre le groupe ; résultats dans DIR (un seul clavier partagé : diag run --workshop DIR)',
    dir: 'dossier de la séance : les réponses y sont enregistrées, et « diag workshop DIR » à nouveau la reprend',
    host: 'adresse d’écoute (par défaut : toutes les interfaces ; 127.0.0.1 pour cette machine seulement)',
    port: 'port (par défaut 8080, ou un port libre s’il est pris ; 0 : n’importe quel port libre)',
    minGroup: 'l’écran du groupe ne montre des chiffres que sur N personnes ou plus, mis à jour seulement quand N de plus ont fini (au moins 3)',
    after: after('Exemples :\n  diag workshop atelier-mardi/\n  diag workshop atelier-mardi/ --by manages --min-group 5\n  diag workshop essai/ --host 127.0.0.1 --port 0', 'Codes de sortie :', exitCodes(EXIT_FR, ['ok', 'input', 'interrupted'])),
  },
  score: {
    description: 'noter des fichiers de réponses (ou des dossiers, ou du .ndjson) sans aucune question',
    inputs: 'fichiers de réponses, rapports, dossiers qui en contiennent, ou fichiers .ndjson/.jsonl ; - lit l’entrée standard',
    minScore: 'sortir avec 1 quand un score global est sous N',
    min: 'sortir avec 1 quand le score d’une dimension est sous N (répétable)',
    baseline: 'rapports précédents pour --max-drop : un rapport, un tableau JSON ou du NDJSON de rapports, ou un dossier (appariés par fichier source, puis par répondant)',
    gateReport: 'écrire chaque seuil vérifié, par fichier et par répondant, avec les chiffres, en JSON',
    maxDrop: 'sortir avec 1 quand le score global (ou une dimension, ou *=N chaque dimension) a baissé de plus de N depuis --baseline (répétable)',
    after: after(
      'Exemples :\n  diag score reponses.yaml\n  diag score reponses/ -o resultats.csv\n  diag score reponses.yaml --min-score 50 --min trust=40',
      'Codes de sortie :',
      exitCodes(EXIT_FR, ['ok', 'threshold', 'input']),
    ),
  },
  reportOutput: {
    format: 'format de la sortie standard (un fichier -o prend le format de son extension)',
    output: 'écrire dans un fichier (répétable ; le format suit l’extension : .json .ndjson .md .csv .html .txt .junit.xml .yaml ; - est la sortie standard) ; tous les fichiers sont écrits, ou aucun',
    force: 'remplacer les fichiers de sortie qui existent',
    csvDelimiter: 'séparateur CSV : , (par défaut), ; (tableurs français, avec virgule décimale) ou tab',
    ascii: 'sans cadres ni blocs graphiques (aussi quand TERM=dumb)',
    summary: 'Markdown : un seul tableau récapitulatif de tous les rapports (automatique au-delà de 10 rapports)',
    jsonArray: 'JSON : un tableau même pour un seul fichier en entrée',
    norms: 'ajouter les percentiles par rapport à un groupe de référence (de diag aggregate --norms-out ; par défaut : le fichier de normes du questionnaire)',
    noNorms: 'ne pas utiliser le fichier de normes du questionnaire',
  },
  report: {
    description: 'refaire le rendu de rapports JSON enregistrés, dans tout format et toute langue',
    reports: 'rapports JSON écrits par diag run ou diag score --format json',
    after: after('Exemples :\n  diag report diag-transformation.json -o rapport.html\n  diag report rapport.json --lang en', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
  aggregate: {
    description: 'regrouper les résultats de nombreux fichiers de réponses ou rapports, par segment, sans exposer personne',
    inputs: 'fichiers de réponses, rapports, dossiers qui en contiennent, ou fichiers .ndjson/.jsonl',
    by: 'détailler le groupe selon une question à choix unique, multiple ou oui/non (répétable)',
    minGroup: 'ne montrer aucun chiffre sur moins de N personnes, ni aucun qu’on pourrait en déduire (au moins 3)',
    stats: 'pour les auteurs de questionnaires : alpha de Cronbach, alpha sans chaque question, corrélation question-total, parts plancher et plafond',
    minAlpha: 'sortir avec 1 quand l’alpha d’une dimension est sous X (implique --stats)',
    normsOut: 'écrire des normes (les percentiles de chaque score) pour score --norms ; il faut 30 répondants',
    after: after('Exemples :\n  diag aggregate atelier/\n  diag aggregate reponses/ --by age -o groupe.html\n  diag aggregate pilote/ --stats --min-alpha 0.7', 'Codes de sortie :', exitCodes(EXIT_FR, ['ok', 'threshold', 'input'])),
  },
  rescore: {
    description: 'noter à nouveau des rapports enregistrés avec une autre version de leur questionnaire (--bank NOUVEAU) : ce qui changerait, par répondant et au total',
    reports: 'rapports JSON (fichiers, dossiers, .ndjson) faits avec une version précédente du questionnaire',
    after: after('Exemple :\n  diag rescore --bank mon-questionnaire-v2.yaml rapports/', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
  lint: {
    description: 'vérifier un questionnaire plus à fond en simulant des répondants : ce qui ne se déclenche jamais, ne s’affiche jamais, ne peut être atteint ; et le temps pour répondre',
    strict: 'sortir avec 1 dès qu’il y a une remarque (pour la CI)',
    seed: 'graine des répondants aléatoires (même graine, mêmes remarques)',
    samples: 'nombre de répondants aléatoires à simuler, répartis sur les parcours du profil',
    after: after('Exemples :\n  diag lint\n  diag lint mon-questionnaire.yaml --strict -f markdown', 'Codes de sortie :', exitCodes(EXIT_FR, ['ok', 'threshold', 'input'])),
  },
  compare: {
    description: 'ce qui a changé entre deux rapports du même questionnaire : scores, niveaux, recommandations',
    old: 'le rapport JSON le plus ancien',
    new: 'le rapport JSON le plus récent',
    after: after('Exemple :\n  diag compare janvier.json juin.json', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
  explain: {
    description: 'comment chaque réponse fait le score de sa dimension, et ce qui ferait le plus monter le score global',
    file: 'un fichier de réponses ou un rapport',
    top: 'combien de pistes d’amélioration lister',
    after: after('Exemple :\n  diag explain reponses.yaml --top 3', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
  validate: {
    description: 'vérifier un questionnaire et dire ce qui ne va pas, ou qu’il est valide',
    bank: 'fichier de questionnaire ou identifiant d’un questionnaire fourni (par défaut : celui fourni)',
    bankOption: 'comme l’argument',
    quiet: 'ne rien afficher quand le questionnaire est valide',
    after: after('Exemples :\n  diag validate mon-questionnaire.yaml\n  diag validate --quiet mon-questionnaire.yaml && echo valide', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
  template: {
    description: 'afficher un fichier de réponses vierge, avec chaque question et ses valeurs possibles',
    after: after('Exemple :\n  diag template > reponses.yaml', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
  completion: {
    description: 'afficher un script de complétion pour bash, zsh ou fish (commandes, options, formats, questionnaires fournis)',
    shell: 'bash, zsh ou fish',
    after: after('Exemples :\n  source <(diag completion bash)\n  diag completion fish > ~/.config/fish/completions/diag.fish', 'Codes de sortie :', exitCodes(EXIT_FR)),
  },
}));
