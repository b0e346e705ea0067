import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { RATING_ANSWERS, RATING_WORDS } from '../../../server/src/ratings/domain/rating-words';
import type { RatingSummary } from '../../../server/src/ratings/domain/rating';
import { useResource } from '../api';
import { useT } from '../useT';

type Ratings = RatingSummary & { latest: { stars: number; detail: string; at: string }[] };

/** How easy citizens found the service (the Designers Italia rating): the mean, the answers each way, their latest words. */
export const RatingsSummary = () => {
  const { t, date, locale } = useT();
  const ratings = useResource<{ data: Ratings }>('/segnalazioni/ratings');
  const data = ratings.data?.data;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginTop={6} data-ratings>
      <Typography variant="delta" tag="h2">
        {t('ratings.title', 'Valutazione del servizio')}
      </Typography>
      <Box paddingTop={2} paddingBottom={4}>
        <Typography variant="pi" textColor="neutral600">
          {RATING_WORDS.title}
        </Typography>
      </Box>
      {!data || data.count === 0 ? (
        <Typography textColor="neutral600">{t('ratings.none', 'Ancora nessuna valutazione.')}</Typography>
      ) : (
        <>
          <Typography variant="beta" tag="p">
            {t('ratings.average', '{average} stelle su 5, da {count, plural, one {# valutazione} other {# valutazioni}}', {
              average: data.average === null ? '—' : new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB').format(data.average),
              count: data.count,
            })}
          </Typography>
          <Flex gap={8} paddingTop={4} wrap="wrap" alignItems="flex-start">
            {(['positive', 'negative'] as const).map((side) => (
              <Box key={side}>
                <Typography variant="sigma" textColor="neutral600" tag="h3">
                  {side === 'positive' ? RATING_WORDS.positiveQuestion : RATING_WORDS.negativeQuestion}
                </Typography>
                <ul>
                  {RATING_ANSWERS.map((answer) => (
                    <li key={answer}>
                      <Typography variant="pi">{`${RATING_WORDS[side][answer]}: ${data[side][answer]}`}</Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            ))}
          </Flex>
          {data.latest.length > 0 && (
            <Box paddingTop={4}>
              <Typography variant="sigma" textColor="neutral600" tag="h3">
                {t('ratings.latest', 'Gli ultimi commenti')}
              </Typography>
              {data.latest.map((each, index) => (
                <Box key={index} paddingTop={2}>
                  <Typography variant="pi" textColor="neutral600">{`${date(each.at)} · ${'★'.repeat(each.stars)}${'☆'.repeat(5 - each.stars)}`}</Typography>
                  <Typography tag="p">{each.detail}</Typography>
                </Box>
              ))}
            </Box>
          )}
        </>
      )}
    </Box>
  );
};
