import { Box, Button, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import type { ReportPhoto } from '../api';
import { useT } from '../useT';

interface Props {
  photos: readonly ReportPhoto[];
  canModerate: boolean;
  busy: boolean;
  onDecide: (photo: string, decision: 'approve' | 'reject', reason?: string) => void;
}

/** Each photo large enough to judge, with its own approve and reject. */
export const PhotoModeration = ({ photos, canModerate, busy, onDecide }: Props) => {
  const { t } = useT();
  const [reasons, setReasons] = React.useState<Record<string, string>>({});
  if (photos.length === 0) return <Typography textColor="neutral600">{t('report.noPhotos', 'Nessuna foto.')}</Typography>;
  return (
    <Grid.Root gap={4}>
      {photos.map((photo, index) => (
        <Grid.Item key={photo.documentId} col={6} s={12} direction="column" alignItems="stretch">
          <a href={photo.url} target="_blank" rel="noreferrer">
            <img
              src={photo.url}
              alt={t('report.photoAlt', 'Foto {number} della segnalazione', { number: index + 1 })}
              style={{ width: '100%', maxHeight: 420, objectFit: 'contain', background: '#f0f0ff', borderRadius: 4 }}
            />
          </a>
          <Typography variant="pi" textColor="neutral600">
            {t('report.photoNumber', 'Foto {number}', { number: index + 1 })} · {t(`photoModeration.${photo.moderation}`, photo.moderation)}
            {photo.moderationReason ? ` — ${photo.moderationReason}` : ''}
          </Typography>
          {canModerate && (
            <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="flex-end">
              <Button size="S" disabled={photo.moderation === 'approved'} loading={busy} onClick={() => onDecide(photo.documentId, 'approve')}>
                {t('action.approvePhoto', 'Approva la foto {number}', { number: index + 1 })}
              </Button>
              <Box minWidth="160px">
                <TextInput
                  size="S"
                  aria-label={t('report.photoReason', 'Motivo del rifiuto della foto {number}', { number: index + 1 })}
                  placeholder={t('report.photoReasonShort', 'Motivo del rifiuto')}
                  value={reasons[photo.documentId] ?? ''}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setReasons({ ...reasons, [photo.documentId]: event.target.value })}
                />
              </Box>
              <Button
                size="S"
                variant="danger-light"
                disabled={photo.moderation === 'rejected'}
                loading={busy}
                onClick={() => onDecide(photo.documentId, 'reject', reasons[photo.documentId])}
              >
                {t('action.rejectPhoto', 'Rifiuta la foto {number}', { number: index + 1 })}
              </Button>
            </Flex>
          )}
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
