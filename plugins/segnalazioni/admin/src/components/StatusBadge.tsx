import { Status, Typography } from '@strapi/design-system';
import type { ReportStatus } from '../api';
import { useT } from '../useT';

const VARIANTS: Record<ReportStatus, 'secondary' | 'warning' | 'primary' | 'success' | 'neutral'> = {
  submitted: 'secondary',
  in_charge: 'warning',
  in_progress: 'primary',
  closed: 'success',
  rejected: 'neutral',
};

export const StatusBadge = ({ status }: { status: ReportStatus }) => {
  const { status: label } = useT();
  return (
    <Status variant={VARIANTS[status]} size="S">
      {/* The variant's own text colour is too light on its background (warning: 2.66:1); dark text passes. */}
      <Typography tag="span" variant="omega" fontWeight="bold" textColor="neutral800">
        {label(status)}
      </Typography>
    </Status>
  );
};
