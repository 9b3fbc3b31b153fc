/**
 * Every word of the workshop's pages that does not come from the bank, in French (the default) and
 * English. The wording follows the terminal survey's (src/cli/i18n.ts) wherever both say the same
 * thing. French typography: a no-break space before : ; ? ! and % (U+00A0 before the colon,
 * U+202F before the others), so that none of them starts a line on a narrow phone.
 */

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

const fr = {
  langName: 'Français',
  colon: '\u00a0: ',
  percent: (n: string) => `${n}\u202f%`,
  quote: (text: string) => `«\u00a0${text}\u00a0»`,
  language: 'Langue',
  appName: 'diag — atelier',
  home: {
    title: 'Rejoindre un atelier',
    intro: 'Saisissez le code affiché à l’écran (six lettres ou chiffres).',
    codeLabel: 'Code de l’atelier',
    join: 'Rejoindre',
    invalid: 'Ce code n’a pas la bonne forme\u00a0: six lettres ou chiffres, par exemple K7M2QX.',
  },
  loading: 'Chargement…',
  errors: {
    badCode: 'Ce code ne correspond à aucun atelier en cours. Vérifiez-le à l’écran, ou demandez-le à l’animateur.',
    unreachable: 'Le serveur de l’atelier ne répond pas. Vérifiez que vous êtes sur le même réseau, puis réessayez.',
    tryAgain: 'Réessayer',
    closed: 'L’atelier est terminé\u00a0: il ne prend plus de réponses. Vos réponses restent gardées sur cet appareil.',
    refused: 'Le serveur a refusé ces réponses\u00a0:',
    unexpected: (status: number) => `Le serveur a répondu de façon inattendue (code ${status}).`,
  },
  welcome: {
    questions: (least: number, most: number) => (least === most ? `${most} questions` : `${least} à ${most} questions selon votre profil`),
    minutes: (least: number, most: number) => (least === most ? `environ ${most} ${plural(most, 'minute', 'minutes')}` : `environ ${least} à ${most} minutes`),
    privacy: 'Vos réponses vont seulement à l’ordinateur de l’animateur, dans cette salle. Vous seul voyez vos résultats\u202f; l’écran ne montre que le groupe, jamais moins de quelques personnes à la fois.',
    pseudonym: 'Votre prénom ou un pseudonyme',
    pseudonymHelp: 'Facultatif\u00a0: il figure seulement sur votre propre rapport.',
    start: 'Commencer',
    resume: (n: number) => `Reprendre (${n} ${plural(n, 'réponse', 'réponses')} déjà ${plural(n, 'donnée', 'données')})`,
    restart: 'Recommencer depuis le début',
    restartConfirm: 'Effacer vos réponses sur cet appareil et recommencer\u202f?',
  },
  question: {
    progress: (i: number, n: number) => `Question ${i}/${n}`,
    profile: 'Votre profil',
    other: 'Pour finir',
    next: 'Suivant',
    back: 'Retour',
    skip: 'Passer cette question',
    toReview: 'Revoir mes réponses',
    optional: 'Facultatif',
    required: 'Choisissez une réponse pour continuer.',
    requiredText: 'Écrivez une réponse pour continuer.',
    multipleHint: 'Plusieurs réponses possibles.',
    numberHint: (min: number, max: number) => `Un nombre de ${min} à ${max}.`,
    numberLabel: 'Votre réponse (un nombre)',
    textLabel: 'Votre réponse',
    notANumber: 'Saisissez un nombre, par exemple 3.',
    outOfRange: (min: number, max: number) => `Saisissez un nombre de ${min} à ${max}.`,
    notApplicable: 'Ne s’applique pas à ma situation',
    yes: 'Oui',
    no: 'Non',
  },
  review: {
    title: 'Vos réponses',
    intro: 'Tout est juste\u202f? Touchez une réponse pour la modifier.',
    skipped: '(passée)',
    none: '(aucune)',
    change: 'Modifier',
    finish: 'Terminer et voir mes résultats',
    sending: 'Envoi de vos réponses…',
    retrying: (seconds: number) => `Le serveur ne répond pas pour l’instant. Vos réponses sont gardées sur cet appareil\u202f; nouvel essai dans ${seconds}\u00a0s.`,
    retryNow: 'Réessayer maintenant',
  },
  results: {
    title: 'Vos résultats',
    overall: 'Score global',
    outOf: '/ 100',
    level: 'Niveau',
    dimensions: 'Par dimension',
    noScore: 'pas de score',
    chart: 'Vos scores par dimension (0 au centre, 100 au bord)',
    benchmarks: 'Repères',
    respondentsSay: 'des répondants sont d’accord',
    youToo: 'vous aussi',
    notYou: 'pas vous',
    source: 'source',
    recommendations: 'Recommandations',
    noRecommendations: 'Aucune recommandation déclenchée.',
    more: (n: number) => `Voir ${plural(n, 'l’autre recommandation', `les ${n} autres recommandations`)}`,
    priority: (n: number) => `priorité ${n}`,
    download: 'Télécharger mon rapport',
    downloadHtml: 'Rapport (page web)',
    downloadJson: 'Données (JSON)',
    privacy: 'Ces résultats ne sont montrés qu’à vous. Le groupe ne voit que des moyennes.',
  },
  present: {
    title: 'Écran de l’animateur',
    badToken: 'Ce lien d’écran n’est pas valide. Copiez l’adresse «\u00a0present:\u00a0» affichée dans le terminal.',
    joinAt: 'Pour participer, ouvrez',
    orScan: 'ou scannez ce code avec l’appareil photo de votre téléphone',
    qrAlt: (url: string) => `Code QR de l’adresse ${url}`,
    code: 'Code',
    joined: (n: number) => plural(n, 'a rejoint', 'ont rejoint'),
    finished: (n: number) => plural(n, 'a terminé', 'ont terminé'),
    showResults: 'Afficher les résultats',
    backToJoin: 'Revenir à l’accueil',
    finish: 'Terminer l’atelier',
    finishConfirm: 'Terminer l’atelier\u202f? Plus personne ne pourra envoyer de réponses (vous pourrez rouvrir).',
    cancel: 'Annuler',
    reopen: 'Rouvrir l’atelier',
    closed: 'Atelier terminé\u00a0: plus de nouvelles réponses.',
    save: 'Enregistrer la page du groupe',
    waiting: (k: number) => `Les résultats du groupe s’affichent dès que ${k} personnes ont terminé, pour que personne ne soit reconnaissable.`,
    moreNeeded: (n: number) => `Les chiffres se mettent à jour quand au moins ${n} ${plural(n, 'personne de plus aura', 'personnes de plus auront')} terminé (ensemble, celles dont les réponses se ressemblent, pour que personne ne soit reconnaissable).`,
    countOnly: (n: number, k: number) => `${n} ${plural(n, 'personne a', 'personnes ont')} terminé\u00a0: moins de ${k}, on ne montre que ce nombre.`,
    participants: (n: number) => `${n} ${plural(n, 'participant', 'participants')}`,
    overallMean: 'Score global moyen',
    mean: 'moyenne',
    median: 'médiane',
    levels: 'Niveaux',
    noFigure: '—',
    benchmarks: 'Repères\u00a0: votre groupe et la référence',
    yourGroup: 'Votre groupe',
    reference: 'Référence',
    agree: 'd’accord',
    by: (question: string) => `Selon «\u00a0${question}\u00a0»`,
    segment: 'Groupe',
    count: 'Nombre',
    hidden: 'masqué pour l’anonymat',
    hiddenShort: 'masqué',
    suppressedTitle: 'Masqués pour l’anonymat',
    noAnswer: '(sans réponse)',
    notApplicable: '(ne s’applique pas)',
    connection: 'Connexion au serveur perdue\u00a0: nouvel essai…',
  },
};

export type WebStrings = typeof fr;

const en: WebStrings = {
  langName: 'English',
  colon: ': ',
  percent: (n) => `${n}%`,
  quote: (text) => `“${text}”`,
  language: 'Language',
  appName: 'diag — workshop',
  home: {
    title: 'Join a workshop',
    intro: 'Type the code shown on the screen (six letters or digits).',
    codeLabel: 'Workshop code',
    join: 'Join',
    invalid: 'This code does not look right: six letters or digits, for example K7M2QX.',
  },
  loading: 'Loading…',
  errors: {
    badCode: 'This code does not match a workshop in progress. Check it on the screen, or ask the trainer.',
    unreachable: 'The workshop’s server does not answer. Check that you are on the same network, then try again.',
    tryAgain: 'Try again',
    closed: 'The workshop is over: it no longer takes answers. Your answers are still kept on this device.',
    refused: 'The server refused these answers:',
    unexpected: (status) => `The server answered unexpectedly (code ${status}).`,
  },
  welcome: {
    questions: (least, most) => (least === most ? `${most} questions` : `${least} to ${most} questions depending on your profile`),
    minutes: (least, most) => (least === most ? `about ${most} minute${most > 1 ? 's' : ''}` : `about ${least} to ${most} minutes`),
    privacy: 'Your answers only go to the trainer’s computer, in this room. Only you see your results; the screen shows the group only, never fewer than a few people at a time.',
    pseudonym: 'Your first name or a pseudonym',
    pseudonymHelp: 'Optional: it only appears on your own report.',
    start: 'Start',
    resume: (n) => `Resume (${n} answer${n > 1 ? 's' : ''} given so far)`,
    restart: 'Start again from the beginning',
    restartConfirm: 'Erase your answers on this device and start again?',
  },
  question: {
    progress: (i, n) => `Question ${i}/${n}`,
    profile: 'About you',
    other: 'To finish',
    next: 'Next',
    back: 'Back',
    skip: 'Skip this question',
    toReview: 'Review my answers',
    optional: 'Optional',
    required: 'Choose an answer to continue.',
    requiredText: 'Write an answer to continue.',
    multipleHint: 'You can choose several answers.',
    numberHint: (min, max) => `A number from ${min} to ${max}.`,
    numberLabel: 'Your answer (a number)',
    textLabel: 'Your answer',
    notANumber: 'Type a number, for example 3.',
    outOfRange: (min, max) => `Type a number from ${min} to ${max}.`,
    notApplicable: 'Does not apply to me',
    yes: 'Yes',
    no: 'No',
  },
  review: {
    title: 'Your answers',
    intro: 'All correct? Tap an answer to change it.',
    skipped: '(skipped)',
    none: '(none)',
    change: 'Change',
    finish: 'Finish and see my results',
    sending: 'Sending your answers…',
    retrying: (seconds) => `The server does not answer right now. Your answers are kept on this device; trying again in ${seconds} s.`,
    retryNow: 'Try again now',
  },
  results: {
    title: 'Your results',
    overall: 'Overall score',
    outOf: '/ 100',
    level: 'Level',
    dimensions: 'By dimension',
    noScore: 'no score',
    chart: 'Your scores by dimension (0 at the centre, 100 at the edge)',
    benchmarks: 'Reference figures',
    respondentsSay: 'of respondents agree',
    youToo: 'you too',
    notYou: 'not you',
    source: 'source',
    recommendations: 'Recommendations',
    noRecommendations: 'No recommendation triggered.',
    more: (n) => `Show ${n === 1 ? 'the other recommendation' : `the ${n} other recommendations`}`,
    priority: (n) => `priority ${n}`,
    download: 'Download my report',
    downloadHtml: 'Report (web page)',
    downloadJson: 'Data (JSON)',
    privacy: 'These results are shown to you only. The group sees averages only.',
  },
  present: {
    title: 'Trainer’s screen',
    badToken: 'This screen link is not valid. Copy the “present:” address printed in the terminal.',
    joinAt: 'To take part, open',
    orScan: 'or scan this code with your phone’s camera',
    qrAlt: (url) => `QR code of the address ${url}`,
    code: 'Code',
    joined: () => 'joined',
    finished: () => 'finished',
    showResults: 'Show the results',
    backToJoin: 'Back to the join screen',
    finish: 'Finish the workshop',
    finishConfirm: 'Finish the workshop? Nobody will be able to send answers any more (you can reopen it).',
    cancel: 'Cancel',
    reopen: 'Reopen the workshop',
    closed: 'Workshop finished: no new answers.',
    save: 'Save the group page',
    waiting: (k) => `The group’s results appear once ${k} people have finished, so that nobody can be recognised.`,
    moreNeeded: (n) => `The figures update when at least ${n} more ${n === 1 ? 'person has' : 'people have'} finished (together, those whose answers are alike, so that nobody can be singled out).`,
    countOnly: (n, k) => `${n} ${n === 1 ? 'person has' : 'people have'} finished: fewer than ${k}, so only this count is shown.`,
    participants: (n) => `${n} participant${n > 1 ? 's' : ''}`,
    overallMean: 'Mean overall score',
    mean: 'mean',
    median: 'median',
    levels: 'Levels',
    noFigure: '—',
    benchmarks: 'Reference figures: your group and the reference',
    yourGroup: 'Your group',
    reference: 'Reference',
    agree: 'agree',
    by: (question) => `By “${question}”`,
    segment: 'Group',
    count: 'Count',
    hidden: 'hidden for anonymity',
    hiddenShort: 'hidden',
    suppressedTitle: 'Hidden for anonymity',
    noAnswer: '(no answer)',
    notApplicable: '(does not apply)',
    connection: 'Lost the connection to the server: trying again…',
  },
};

export const CATALOGUE = { fr, en } as const;
export type WebLanguage = keyof typeof CATALOGUE;

/** The interface language for a bank language: fr-CA -> fr; anything else -> en. */
export function webLanguage(lang: string | undefined): WebLanguage {
  return (lang ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function webStrings(lang: string | undefined): WebStrings {
  return CATALOGUE[webLanguage(lang)];
}

/** Names of languages in themselves, for the switch; a code diag has no name for shows as itself. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fr: 'Français', en: 'English', de: 'Deutsch', es: 'Español', it: 'Italiano', nl: 'Nederlands', pt: 'Português' };

export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? lang.toUpperCase();
}

/** Numbers as the language writes them: 57,5 in French. */
export function formatNumber(value: number | null, lang: string, none = '—'): string {
  if (value === null || !Number.isFinite(value)) return none;
  const text = String(Math.round(value * 10) / 10);
  return webLanguage(lang) === 'fr' ? text.replace('.', ',') : text;
}

/**
 * Bank and report texts in French, set as French is printed: a no-break space before : ; ? ! %
 * and inside « », so that a narrow phone never starts a line with a colon (as the terminal's wrap).
 */
export function typeset(text: string, lang: string): string {
  if (webLanguage(lang) !== 'fr') return text;
  return text.replace(/ ([:;?!%»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}
