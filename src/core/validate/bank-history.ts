/**
 * Question ids of earlier versions of the bundled banks, so that an answer file written for one
 * of them gets one clear message instead of a wall of unknown ids. Ids only: the questions
 * themselves live in the version control history of questions/.
 */
export interface BankVersionIds {
  bank: string;
  version: string;
  ids: readonly string[];
  /** What the next version changed, for the message, in English and French. */
  changes: { en: string; fr: string };
}

export const BANK_HISTORY: readonly BankVersionIds[] = [
  {
    bank: 'transformation',
    version: '1.0.0',
    changes: {
      en:
        'new profile questions (working alone, having a manager), frequency scales for behaviours, reworded and reversed items in every dimension, ' +
        '"does not apply" answers, and the tool count replaced by questions on duplicate tools and the pace of new tools',
      fr:
        'nouvelles questions de profil (travailler seul, avoir un manager), échelles de fréquence pour les comportements, questions reformulées et inversées dans chaque dimension, ' +
        'réponses « ne s’applique pas », et le nombre d’outils remplacé par des questions sur les outils en double et le rythme des nouveaux outils',
    },
    ids: [
      'age',
      'org_type',
      'org_size',
      'manages',
      'sells',
      'self.publish',
      'self.fears',
      'self.profile',
      'self.experiment',
      'self.learning_time',
      'self.permanent',
      'self.first_step',
      'management.info_sharing',
      'management.info_power',
      'management.posture',
      'management.autonomy_absent',
      'management.cross_team',
      'management.weekly_update',
      'management.catalyst',
      'digital.tool_choice',
      'digital.rollout',
      'digital.rules',
      'digital.where_info',
      'digital.tool_count',
      'digital.time_saved',
      'async.works_async',
      'async.interruptions',
      'async.focus',
      'async.written_info',
      'async.decisions_written',
      'async.response_time',
      'async.meetings',
      'trust.team',
      'trust.organisation',
      'trust.autonomy',
      'trust.control',
      'trust.mistakes',
      'trust.speak_up',
      'sales.meetings_source',
      'sales.give_first',
      'sales.social_selling',
      'sales.network',
      'sales.network_care',
      'sales.content',
      'sales.self_discovery',
      'one_change',
    ],
  },
];
