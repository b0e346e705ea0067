/**
 * The words of the service's rating, exactly as the Designers Italia model writes them (AGID's
 * validator reads them), and its vocabulary. No dependencies: the portal bundles this module.
 */

/** Where the citizen rated the service: its page, after sending a report, or on a report's page. */
export const RATED_PAGES = ['service', 'submitted', 'report'] as const;
export type RatedPage = (typeof RATED_PAGES)[number];

/** The model's answers, the same five for both questions, said the positive or the negative way. */
export const RATING_ANSWERS = ['clear', 'complete', 'progress', 'technical', 'other'] as const;
export type RatingAnswer = (typeof RATING_ANSWERS)[number];

/** From this many stars the follow-up asks what went well; below, where it was hard. */
export const POSITIVE_FROM = 4;

export const RATING_WORDS = {
  title: 'Quanto è stato facile usare questo servizio?',
  positiveQuestion: 'Quali sono stati gli aspetti che hai preferito?',
  negativeQuestion: 'Dove hai incontrato le maggiori difficoltà?',
  positive: {
    clear: 'Le indicazioni erano chiare',
    complete: 'Le indicazioni erano complete',
    progress: 'Capivo sempre che stavo procedendo correttamente',
    technical: 'Non ho avuto problemi tecnici',
    other: 'Altro',
  },
  negative: {
    clear: 'A volte le indicazioni non erano chiare',
    complete: 'A volte le indicazioni non erano complete',
    progress: 'A volte non capivo se stavo procedendo correttamente',
    technical: 'Ho avuto problemi tecnici',
    other: 'Altro',
  },
} as const satisfies { positive: Record<RatingAnswer, string>; negative: Record<RatingAnswer, string> } & Record<string, unknown>;
