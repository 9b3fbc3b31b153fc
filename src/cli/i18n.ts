/** Strings of diag's own interface, in the languages it speaks. Bank text comes from the bank. */
const STRINGS = {
  fr: {
    colon: ' : ',
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
  },
  en: {
    colon: ': ',
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
