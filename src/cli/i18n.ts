/** Inquirer's key hints are English; French names for its actions. */
const FRENCH_KEY_ACTIONS: Readonly<Record<string, string>> = { navigate: 'naviguer', select: 'choisir', submit: 'valider', all: 'tout', invert: 'inverser' };
const NO_TRANSLATION: Readonly<Record<string, string>> = {};

/** Strings of diag's own interface, in the languages it speaks. Bank text comes from the bank. */
const STRINGS = {
  fr: {
    colon: ' : ',
    percent: (n: string) => `${n}\u202f%`,
    quote: (text: string) => `« ${text} »`,
    overall: 'Score global',
    dimension: 'Dimension',
    score: 'Score',
    level: 'Niveau',
    answered: 'Réponses',
    noScore: 'pas de score',
    recommendations: 'Recommandations',
    noRecommendations: 'Aucune recommandation déclenchée.',
    priority: 'priorité',
    benchmarks: 'Repères',
    youToo: 'vous aussi',
    notYou: 'pas vous',
    respondentsSay: 'des répondants sont d’accord',
    respondent: 'Répondant',
    source: 'source',
    moreInReport: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''} dans le rapport`,
    yourAnswers: 'Vos réponses',
    group: {
      participants: (n: number) => `${n} participant${n > 1 ? 's' : ''}`,
      overallMean: 'Score global moyen',
      mean: 'Moyenne',
      median: 'Médiane',
      quartiles: 'Q1–Q3',
      levels: 'Niveaux',
      count: 'n',
      segment: 'Groupe',
      by: (question: string) => `Selon « ${question} »`,
      benchmarks: 'Repères : votre groupe et la référence',
      yourGroup: 'Votre groupe',
      reference: 'Référence',
      answers: (n: number) => `${n} réponse${n > 1 ? 's' : ''}`,
      suppressed: (n: number) => `Groupes masqués pour l’anonymat (moins de ${n} personnes, ou déductibles par soustraction)`,
      noAnswer: '(sans réponse)',
      small: (n: number) => `Attention : moins de ${n} participants, les moyennes du groupe sont proches des réponses individuelles.`,
      distribution: 'Réponses',
    },
    compare: {
      title: (oldDate: string, newDate: string) => `Évolution du ${oldDate} au ${newDate}`,
      before: 'Avant',
      after: 'Après',
      change: 'Écart',
      levelChange: 'Niveau',
      gone: 'Recommandations qui ne s’appliquent plus',
      added: 'Nouvelles recommandations',
      nothing: 'aucune',
    },
    explain: {
      title: 'Comment vos réponses font vos scores',
      item: 'Réponse',
      itemScore: 'Note',
      weight: 'Poids',
      points: 'Points',
      share: 'Part',
      best: 'Ce qui ferait le plus monter votre score global',
      gain: (points: string) => `+${points} points`,
      none: 'Toutes vos réponses sont déjà au maximum.',
    },
    question: 'Question',
    answer: 'Réponse',
    generated: (date: string, version: string) => `Généré le ${date} par diag ${version}. Les réponses restent sur votre machine.`,
    levels: 'Niveaux',
    chart: 'Vos scores par dimension (0 au centre, 100 au bord)',
    youAgree: 'vous êtes d’accord',
    youDisagree: 'vous n’êtes pas d’accord',
    run: {
      notATerminal:
        'diag run pose les questions dans un terminal interactif, et l’entrée standard n’en est pas un.\n' +
        'Sans terminal : diag template > reponses.yaml, remplissez le fichier, puis diag score reponses.yaml',
      keyActions: FRENCH_KEY_ACTIONS,
      welcome: (least: number, most: number, minutes: number) => `${least === most ? most : `${least} à ${most}`} questions selon votre profil, environ ${minutes} minutes.`,
      privacy: 'Vos réponses restent sur cette machine : rien n’est envoyé nulle part.',
      keys: 'Flèches ou chiffres pour choisir, Entrée pour valider, Ctrl-C pour faire une pause (vos réponses sont gardées).',
      start: 'Commencer',
      respondent: 'Votre prénom ou un pseudonyme (facultatif, Entrée pour passer)',
      resumeFound: (n: number, when: string) => `Un diagnostic commencé le ${when} attend la suite (${n} réponses). Le reprendre ?`,
      resumeYes: 'Reprendre où je m’étais arrêté·e',
      resumeNo: 'Recommencer depuis le début',
      noProgress: 'Aucun diagnostic en cours à reprendre : on commence.',
      question: (i: number, n: number) => `Question ${i}/${n}`,
      profile: 'Votre profil',
      other: 'Pour finir',
      skip: 'Passer cette question',
      yes: 'Oui',
      no: 'Non',
      skipped: '(passée)',
      none: '(aucun)',
      numberHint: (min: number, max: number) => `un nombre de ${min} à ${max}`,
      multipleHint: 'Espace pour cocher, Entrée pour valider',
      optionalHint: 'facultatif : Entrée pour passer',
      review: 'Vos réponses : tout est juste ? Choisissez une réponse pour la modifier.',
      finish: 'Terminer et voir mes résultats',
      saved: (file: string) => `Pause : vos réponses sont gardées dans ${file}`,
      nothingSaved: 'Arrêt avant la première réponse : rien à garder.',
      resumeWith: (command: string) => `Pour reprendre : ${command}`,
      reportWritten: (report: string, answers: string) => `Rapport complet : ${report}\nRéponses : ${answers} (à rejouer avec diag score)`,
      outExists: (file: string) => `${file} existe déjà ; le rapport est écrit à côté, sans l’écraser.`,
      workshop: {
        title: (bank: string) => `Atelier — ${bank}`,
        so_far: (n: number, dir: string) => `${n} participant${n > 1 ? 's ont' : ' a'} déjà répondu (résultats dans ${dir}).`,
        next: 'Participant suivant : commencer',
        finish: 'Terminer l’atelier et afficher les résultats du groupe',
        pseudonym: 'Votre prénom ou un pseudonyme (facultatif : Entrée pour rester anonyme)',
        handOver: 'Entrée pour effacer l’écran et passer la main',
        groupHint: (dir: string) => `Pour le détail par groupe : diag aggregate ${dir} --by age`,
        resumeWith: (dir: string) => `Pour reprendre l’atelier : diag run --workshop ${dir}`,
      },
    },
    template: {
      title: (bank: string) => `Fichier de réponses vierge — ${bank}`,
      howTo: 'Remplissez chaque réponse après les deux-points, puis : diag score CE_FICHIER.yaml',
      profile: 'Profil',
      unscored: 'Autres questions',
      oneOf: 'une valeur parmi',
      listOf: 'une liste de valeurs parmi, ex. [a, b]',
      boolean: 'true (oui) ou false (non)',
      number: (range: string) => `un nombre${range}`,
      range: (min: number, max: number) => ` de ${min} à ${max}`,
      text: 'du texte entre guillemets',
      optional: 'facultatif : laissez vide ou null pour passer',
      onlyIf: 'posée seulement si',
      respondent: 'nom ou pseudonyme (facultatif)',
    },
    // Privacy of group results (SPEC section 10).
    privacy: {
      hidden: 'masqué',
      countOnly: (k: number) => `Seul leur nombre est affiché : avec moins de ${k} participants, quelqu’un pourrait être reconnu.`,
      note: (k: number) => `« masqué » : moins de ${k} personnes concernées, ou déductible des autres chiffres.`,
    },
  },
  en: {
    colon: ': ',
    percent: (n: string) => `${n}%`,
    quote: (text: string) => `“${text}”`,
    overall: 'Overall score',
    dimension: 'Dimension',
    score: 'Score',
    level: 'Level',
    answered: 'Answered',
    noScore: 'no score',
    recommendations: 'Recommendations',
    noRecommendations: 'No recommendation triggered.',
    priority: 'priority',
    benchmarks: 'Reference figures',
    youToo: 'you too',
    notYou: 'not you',
    respondentsSay: 'of respondents agree',
    respondent: 'Respondent',
    source: 'source',
    moreInReport: (n: number) => `… and ${n} more in the report`,
    yourAnswers: 'Your answers',
    group: {
      participants: (n: number) => `${n} participant${n > 1 ? 's' : ''}`,
      overallMean: 'Mean overall score',
      mean: 'Mean',
      median: 'Median',
      quartiles: 'Q1–Q3',
      levels: 'Levels',
      count: 'n',
      segment: 'Group',
      by: (question: string) => `By “${question}”`,
      benchmarks: 'Reference figures: your group and the reference',
      yourGroup: 'Your group',
      reference: 'Reference',
      answers: (n: number) => `${n} answer${n > 1 ? 's' : ''}`,
      suppressed: (n: number) => `Groups hidden for anonymity (fewer than ${n} people, or could be worked out by subtraction)`,
      noAnswer: '(no answer)',
      small: (n: number) => `Note: fewer than ${n} participants; the group figures are close to individual answers.`,
      distribution: 'Answers',
    },
    compare: {
      title: (oldDate: string, newDate: string) => `Change from ${oldDate} to ${newDate}`,
      before: 'Before',
      after: 'After',
      change: 'Change',
      levelChange: 'Level',
      gone: 'Recommendations that no longer apply',
      added: 'New recommendations',
      nothing: 'none',
    },
    explain: {
      title: 'How your answers make your scores',
      item: 'Answer',
      itemScore: 'Item',
      weight: 'Weight',
      points: 'Points',
      share: 'Share',
      best: 'What would raise your overall score most',
      gain: (points: string) => `+${points} points`,
      none: 'All your answers already score the maximum.',
    },
    question: 'Question',
    answer: 'Answer',
    generated: (date: string, version: string) => `Generated on ${date} by diag ${version}. Answers stay on your machine.`,
    levels: 'Levels',
    chart: 'Your scores by dimension (0 at the centre, 100 at the edge)',
    youAgree: 'you agree',
    youDisagree: 'you do not agree',
    run: {
      notATerminal:
        'diag run asks its questions in an interactive terminal, and standard input is not one.\n' +
        'Without a terminal: diag template > answers.yaml, fill it in, then diag score answers.yaml',
      keyActions: NO_TRANSLATION,
      welcome: (least: number, most: number, minutes: number) => `${least === most ? most : `${least} to ${most}`} questions depending on your profile, about ${minutes} minutes.`,
      privacy: 'Your answers stay on this machine: nothing is sent anywhere.',
      keys: 'Arrows or numbers to choose, Enter to confirm, Ctrl-C to pause (your answers are kept).',
      start: 'Start',
      respondent: 'Your first name or a pseudonym (optional, Enter to skip)',
      resumeFound: (n: number, when: string) => `A diagnostic started on ${when} is waiting (${n} answers). Resume it?`,
      resumeYes: 'Resume where I stopped',
      resumeNo: 'Start again from the beginning',
      noProgress: 'No diagnostic in progress to resume: starting a new one.',
      question: (i: number, n: number) => `Question ${i}/${n}`,
      profile: 'About you',
      other: 'To finish',
      skip: 'Skip this question',
      yes: 'Yes',
      no: 'No',
      skipped: '(skipped)',
      none: '(none)',
      numberHint: (min: number, max: number) => `a number from ${min} to ${max}`,
      multipleHint: 'Space to tick, Enter to confirm',
      optionalHint: 'optional: Enter to skip',
      review: 'Your answers: all correct? Choose an answer to change it.',
      finish: 'Finish and see my results',
      saved: (file: string) => `Paused: your answers are kept in ${file}`,
      nothingSaved: 'Stopped before the first answer: nothing to keep.',
      resumeWith: (command: string) => `To resume: ${command}`,
      reportWritten: (report: string, answers: string) => `Full report: ${report}\nAnswers: ${answers} (replay with diag score)`,
      outExists: (file: string) => `${file} already exists; the report is written beside it, without replacing it.`,
      workshop: {
        title: (bank: string) => `Workshop — ${bank}`,
        so_far: (n: number, dir: string) => `${n} participant${n === 1 ? ' has' : 's have'} answered so far (results in ${dir}).`,
        next: 'Next participant: start',
        finish: 'Finish the workshop and show the group results',
        pseudonym: 'Your first name or a pseudonym (optional: Enter to stay anonymous)',
        handOver: 'Enter to clear the screen and hand over',
        groupHint: (dir: string) => `For the detail by group: diag aggregate ${dir} --by age`,
        resumeWith: (dir: string) => `To resume the workshop: diag run --workshop ${dir}`,
      },
    },
    template: {
      title: (bank: string) => `Blank answer file — ${bank}`,
      howTo: 'Fill in each answer after the colon, then: diag score THIS_FILE.yaml',
      profile: 'Profile',
      unscored: 'Other questions',
      oneOf: 'one value among',
      listOf: 'a list of values among, e.g. [a, b]',
      boolean: 'true (yes) or false (no)',
      number: (range: string) => `a number${range}`,
      range: (min: number, max: number) => ` from ${min} to ${max}`,
      text: 'text, in quotes',
      optional: 'optional: leave empty or null to skip',
      onlyIf: 'asked only if',
      respondent: 'name or pseudonym (optional)',
    },
    // Privacy of group results (SPEC section 10).
    privacy: {
      hidden: 'hidden',
      countOnly: (k: number) => `Only their number is shown: with fewer than ${k} participants, someone could be singled out.`,
      note: (k: number) => `“hidden”: fewer than ${k} people concerned, or could be worked out from the other figures.`,
    },
  },
} as const;

export type UiLanguage = keyof typeof STRINGS;
export type UiStrings = (typeof STRINGS)[UiLanguage];

/** The interface language closest to a language code: fr-CA -> fr; unknown -> en. */
export function uiLanguage(lang: string | undefined): UiLanguage {
  const base = (lang ?? '').toLowerCase().slice(0, 2);
  return base === 'fr' ? 'fr' : 'en';
}

export function ui(lang: string | undefined): UiStrings {
  return STRINGS[uiLanguage(lang)];
}

/** The language the user's environment asks for (LC_ALL, LC_MESSAGES, LANG), if any. */
export function environmentLanguage(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!value || value === 'C' || value === 'POSIX' || value.startsWith('C.')) return undefined;
  return value.split(/[._@]/)[0]?.replace('_', '-').toLowerCase();
}

/**
 * The language to use: --lang, else the file's own, else the environment's when the bank has it,
 * else the bank's default.
 */
export function chooseLanguage(languages: readonly string[], ...candidates: Array<string | undefined>): string {
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    if (languages.includes(candidate)) return candidate;
    const base = candidate.slice(0, 2);
    if (languages.includes(base)) return base;
  }
  return languages[0] ?? 'fr';
}

// ---------------------------------------------------------------------------------------------
// `diag workshop DIR`: the browser workshop's server (the terminal lines and its own small pages).
// Kept apart from STRINGS so that it can grow without touching the rest of the catalogue.

const workshopFr = {
  title: (bank: string) => `Atelier « ${bank} »`,
  resumed: (joined: number, finished: number) => `Suite de la session : ${joined} participant${joined > 1 ? 's' : ''} arrivé${joined > 1 ? 's' : ''}, ${finished} terminé${finished > 1 ? 's' : ''}.`,
  closedNote: 'Les réponses sont fermées (Terminer) ; « Rouvrir » sur l’écran de l’animateur les rouvre.',
  joinHint: 'Participants : scannez le QR code ou ouvrez l’adresse « join » dans un navigateur, sur le même réseau.',
  presentHint: 'Votre écran (projecteur) : l’adresse « present », à garder pour vous (elle contient votre jeton).',
  listening: (addresses: string) => `À l’écoute sur : ${addresses}`,
  everyInterface: 'toutes les interfaces',
  noNetwork: 'Aucun réseau local trouvé : seule cette machine peut rejoindre l’atelier.',
  localOnly: 'Seule cette machine peut rejoindre l’atelier (--host 127.0.0.1).',
  stopHint: (dir: string) => `Ctrl-C arrête le serveur ; « diag workshop ${dir} » reprend la même session (même code, mêmes participants).`,
  portBusy: (port: number, chosen: number) => `Le port ${port} est occupé ; le serveur écoute sur le port ${chosen}.`,
  stopped: (finished: number, dir: string) => `Serveur arrêté. ${finished} réponse${finished > 1 ? 's' : ''} enregistrée${finished > 1 ? 's' : ''} dans ${dir}.`,
  notBuilt: 'Les pages web ne sont pas construites (dist/web manque) : lancez « npm run build ». L’API fonctionne.',
  pages: {
    unknownCode: { title: 'Code inconnu', text: 'Aucun atelier ne porte ce code. Vérifiez l’adresse affichée par l’animateur.' },
    wrongToken: { title: 'Accès refusé', text: 'Cette page est réservée à l’animateur : l’adresse n’a pas le bon jeton.' },
    notBuilt: { title: 'Pages non construites', text: 'Les pages de l’atelier ne sont pas construites : lancez « npm run build » puis relancez « diag workshop ».' },
    notFound: { title: 'Page introuvable', text: 'Cette adresse n’existe pas.' },
  },
};

type WorkshopStrings = typeof workshopFr;

const workshopEn: WorkshopStrings = {
  title: (bank) => `Workshop "${bank}"`,
  resumed: (joined, finished) => `Continuing the session: ${joined} joined, ${finished} finished.`,
  closedNote: 'Answers are closed (Finish); "Reopen" on the trainer’s screen opens them again.',
  joinHint: 'Participants: scan the QR code or open the "join" address in a browser, on the same network.',
  presentHint: 'Your screen (projector): the "present" address; keep it to yourself (it holds your token).',
  listening: (addresses) => `Listening on: ${addresses}`,
  everyInterface: 'every interface',
  noNetwork: 'No local network found: only this machine can join the workshop.',
  localOnly: 'Only this machine can join the workshop (--host 127.0.0.1).',
  stopHint: (dir) => `Ctrl-C stops the server; "diag workshop ${dir}" continues the same session (same code, same participants).`,
  portBusy: (port, chosen) => `Port ${port} is in use; the server listens on port ${chosen}.`,
  stopped: (finished, dir) => `Server stopped. ${finished} answer${finished === 1 ? '' : 's'} saved in ${dir}.`,
  notBuilt: 'The web pages are not built (dist/web is missing): run "npm run build". The API works.',
  pages: {
    unknownCode: { title: 'Unknown code', text: 'No workshop has this code. Check the address the trainer shows.' },
    wrongToken: { title: 'Access denied', text: 'This page is the trainer’s: the address does not carry the right token.' },
    notBuilt: { title: 'Pages not built', text: 'The workshop pages are not built: run "npm run build", then start "diag workshop" again.' },
    notFound: { title: 'Page not found', text: 'This address does not exist.' },
  },
};

/** The workshop server's strings in the interface language closest to `lang`. */
export function workshopUi(lang: string | undefined): WorkshopStrings {
  return uiLanguage(lang) === 'fr' ? workshopFr : workshopEn;
}
