import { Box, Typography } from '@strapi/design-system';
import * as React from 'react';
import { personalDataIn, type PersonalDataKind } from '../../../server/src/workflow/domain/personal-data';
import type { ReplyKind } from '../../../server/src/workflow/domain/report-states';
import { useT } from '../useT';

const KIND_DEFAULTS: Record<PersonalDataKind, string> = {
  email: 'un indirizzo email',
  phone: 'un numero di telefono',
  plate: 'una targa',
  taxCode: 'un codice fiscale',
  iban: 'un IBAN',
};

/** What in a text about to be public looks like personal data, said before it is published; nothing when none. */
export const PersonalDataWarning = ({ text }: { text: string }) => {
  const { t } = useT();
  const found = personalDataIn(text);
  return (
    <Box role="status" marginBottom={found.length ? 3 : 0}>
      {found.length > 0 && (
        <Box background="danger100" borderColor="danger200" hasRadius padding={3}>
          <Typography textColor="danger700" fontWeight="bold">
            {t('preview.personalData', 'Il testo sembra contenere {found}: togli questi dati prima di pubblicare.', {
              found: found.map((each) => t(`preview.personalData.${each}`, KIND_DEFAULTS[each])).join(', '),
            })}
          </Typography>
        </Box>
      )}
    </Box>
  );
};

/**
 * A reply about to be public, as the archive will show it, and what in it looks like personal data:
 * the officer sees both before anything is published.
 */
export const PublicPreview = ({ text, kind }: { text: string; kind: ReplyKind }) => {
  const { t, date } = useT();
  const today = React.useMemo(() => new Date().toISOString(), []);
  return (
    <Box paddingTop={4}>
      <PersonalDataWarning text={text} />
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {t('preview.title', 'Così apparirà nell’archivio pubblico')}
      </Typography>
      <Box background="neutral100" hasRadius padding={4} marginTop={2}>
        <Typography variant="pi" textColor="neutral600">
          {t(`reply.${kind}`, kind)} · {date(today)}
        </Typography>
        <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }} textColor={text.trim() ? 'neutral800' : 'neutral600'}>
          {text.trim() || t('preview.empty', 'Scrivi la risposta per vederla qui.')}
        </Typography>
      </Box>
    </Box>
  );
};
