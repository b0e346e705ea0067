import { z } from 'zod';
import { toParsed, type Parsed } from '../../common/domain/input-errors';
import { textField } from '../../common/domain/plain-text';
import { POSITIVE_FROM, RATED_PAGES, RATING_ANSWERS, type RatingAnswer } from './rating-words';

/**
 * The rating of the service, as the Designers Italia model asks it (C.SE.1.7, the `cmp-rating`
 * component): "Quanto è stato facile usare questo servizio?" from 1 to 5 stars, then one of the
 * model's fixed answers — where it went well (4 and 5) or where it was hard (1 to 3) —, then free
 * words. Anonymous: no account, no address, no report is kept with it.
 */

export const isPositive = (stars: number) => stars >= POSITIVE_FROM;

export const MAX_RATING_DETAIL = 200;

const ratingSchema = z.strictObject(
  {
    page: z.enum(RATED_PAGES, { error: `Pagina: una tra ${RATED_PAGES.join(', ')}.` }),
    stars: z
      .number({ error: 'Stelle: un numero da 1 a 5.' })
      .int({ error: 'Stelle: un numero da 1 a 5.' })
      .min(1, { error: 'Stelle: un numero da 1 a 5.' })
      .max(5, { error: 'Stelle: un numero da 1 a 5.' }),
    answer: z.enum(RATING_ANSWERS, { error: `Risposta: una tra ${RATING_ANSWERS.join(', ')}.` }),
    detail: textField('Dettagli', { min: 0, max: MAX_RATING_DETAIL, shape: 'lines' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Campi non previsti: ${(issue.keys ?? []).join(', ')}.` : 'Valutazione: un oggetto JSON.') },
);

export type RatingInput = z.output<typeof ratingSchema>;

export function parseRating(raw: unknown): Parsed<RatingInput> {
  return toParsed(ratingSchema.safeParse(raw));
}

export interface RatingSummary {
  readonly count: number;
  /** The mean of the stars, or null without ratings. */
  readonly average: number | null;
  readonly byStars: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>;
  /** How often each answer was chosen, with the positive ones apart from the negative ones. */
  readonly positive: Readonly<Record<RatingAnswer, number>>;
  readonly negative: Readonly<Record<RatingAnswer, number>>;
}

const none = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The figures of a set of ratings, for the staff's statistics. */
export function summarise(ratings: readonly { readonly stars: number; readonly answer: RatingAnswer }[]): RatingSummary {
  const byStars = none(['1', '2', '3', '4', '5'] as const);
  const positive = none(RATING_ANSWERS);
  const negative = none(RATING_ANSWERS);
  let total = 0;
  for (const { stars, answer } of ratings) {
    byStars[String(stars) as keyof typeof byStars] += 1;
    (isPositive(stars) ? positive : negative)[answer] += 1;
    total += stars;
  }
  return { count: ratings.length, average: ratings.length ? Math.round((total / ratings.length) * 10) / 10 : null, byStars, positive, negative };
}
