import { Field, Flex, TextInput } from '@strapi/design-system';
import * as React from 'react';
import { ConfirmButton } from './ConfirmButton';
import { useT } from '../useT';

/**
 * Closing a report as the duplicate of another: the original by its reference or protocol number,
 * and a confirmation, since the report is closed and its citizen told at once.
 */
export const DuplicateForm = ({ busy, onMark }: { busy: boolean; onMark: (original: string) => void }) => {
  const { t } = useT();
  const [original, setOriginal] = React.useState('');
  const named = original.trim();
  return (
    <Flex gap={2} alignItems="flex-end" wrap="wrap">
      <Field.Root
        name="original"
        hint={t('duplicate.hint', 'Il riferimento (es. K7QM-3XPA) o il numero di protocollo della segnalazione dello stesso problema.')}
      >
        <Field.Label>{t('duplicate.original', 'Segnalazione originale')}</Field.Label>
        <TextInput value={original} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setOriginal(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <ConfirmButton
        variant="danger-light"
        busy={busy}
        disabled={!named}
        label={t('action.mark_duplicate', 'Chiudi come duplicato')}
        title={t('duplicate.confirmTitle', 'Chiudere come duplicato?')}
        body={t(
          'duplicate.confirm',
          'La segnalazione sarà chiusa come duplicato di {original}: il cittadino riceve subito un messaggio che lo rimanda alla segnalazione originale.',
          { original: named },
        )}
        onConfirm={() => onMark(named)}
      />
    </Flex>
  );
};
