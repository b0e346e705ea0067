import { Box, Typography } from '@strapi/design-system';
import { describeDetails } from '../../../server/src/workflow/domain/history-details';
import type { ReportDetail } from '../api';
import { useT } from '../useT';

/** Every step of the report, oldest first: who, when, from which state to which. */
export const Timeline = ({ entries }: { entries: ReportDetail['history'] }) => {
  const { t, action, status, date, locale } = useT();
  return (
    <Box tag="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry, index) => {
        const details = describeDetails(entry.action, entry.details, locale);
        return (
          <Box tag="li" key={index} paddingBottom={3} paddingLeft={3} style={{ borderLeft: '3px solid #d9d8ff' }}>
            <Typography variant="pi" textColor="neutral600">
              {date(entry.at)}
            </Typography>
            <Typography tag="p" fontWeight="semiBold">
              {action(entry.action)}
              {entry.fromStatus !== entry.toStatus && entry.toStatus
                ? ` · ${entry.fromStatus ? `${status(entry.fromStatus)} → ` : ''}${status(entry.toStatus)}`
                : ''}
            </Typography>
            <Typography variant="pi">
              {entry.actor ?? t(`actor.${entry.actorType}`, entry.actorType)}
              {details.length ? ` · ${details.join(' · ')}` : ''}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
};
