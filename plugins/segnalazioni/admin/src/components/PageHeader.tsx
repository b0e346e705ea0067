import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';

/** The admin's own side spacing of a page, so the header lines up with `Layouts.Content`. */
const SPACING = { initial: 4, medium: 6, large: 10 } as const;

/**
 * A panel page's header. Strapi's `Layouts.Header` pins a copy of itself at the top once the page
 * scrolls, at `top: 0`: from 768 to 1079 px the admin's own top bar covers that copy, and a report's
 * header (title, facts, status, deadline, actions) wraps and clips in it. This header scrolls with
 * the page and wraps its parts in order, so it holds at any width from 768 px up.
 */
export const PageHeader = ({
  title,
  subtitle,
  navigation,
  status,
  actions,
}: {
  title: string;
  subtitle?: string;
  navigation?: React.ReactNode;
  status?: React.ReactNode;
  actions?: React.ReactNode;
}) => (
  <Box paddingLeft={SPACING} paddingRight={SPACING} paddingTop={6} paddingBottom={6} background="neutral100" data-panel-header>
    <Flex direction="column" alignItems="flex-start" gap={3}>
      {navigation}
      <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={4} width="100%">
        <Box minWidth={0} style={{ flex: '1 1 20rem' }}>
          <Typography tag="h1" variant="alpha" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Typography>
          {subtitle && (
            <Box paddingTop={2}>
              <Typography variant="epsilon" textColor="neutral600">
                {subtitle}
              </Typography>
            </Box>
          )}
        </Box>
        {actions && (
          <Flex gap={2} wrap="wrap">
            {actions}
          </Flex>
        )}
      </Flex>
      {status && (
        <Flex gap={3} wrap="wrap" alignItems="center">
          {status}
        </Flex>
      )}
    </Flex>
  </Box>
);
