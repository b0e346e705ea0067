import { Box, Button, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { OPEN_STATUSES } from '../../../server/src/workflow/domain/report-states';
import type { Aggregate, Statistics } from '../../../server/src/statistics/domain/statistics';
import { monthLabel, statisticsCsv } from '../../../server/src/statistics/domain/statistics-export';
import type { Locale } from '../../../server/src/common/domain/messages';
import { useResource } from '../api';
import { PageHeader } from '../components/PageHeader';
import { RatingsSummary } from '../components/RatingsSummary';
import { useT } from '../useT';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const hours = (value: number | null) => (value === null ? '—' : value < 48 ? `${value} h` : `${Math.round(value / 24)} g`);

/** Reports by month as bars: received, and how many of them are closed. */
const MonthChart = ({ months, label, locale }: { months: Statistics['byMonth']; label: string; locale: Locale }) => {
  const max = Math.max(1, ...months.map((month) => month.total));
  const width = 48;
  return (
    <svg
      role="img"
      aria-label={label}
      width="100%"
      height="220"
      viewBox={`0 0 ${Math.max(1, months.length) * width + 20} 220`}
      preserveAspectRatio="xMinYMid meet"
    >
      {months.map((month, index) => {
        const total = (month.total / max) * 170;
        const closed = (month.byStatus.closed / max) * 170;
        const x = 10 + index * width;
        return (
          <g key={month.month}>
            <title>{`${monthLabel(month.month, locale)}: ${month.total} / ${month.byStatus.closed}`}</title>
            <rect x={x} y={190 - total} width={width - 16} height={total} fill="#7b79ff" />
            <rect x={x + 8} y={190 - closed} width={width - 32} height={closed} fill="#328048" />
            <text x={x + (width - 16) / 2} y={208} fontSize="10" textAnchor="middle" fill="#666687">
              {monthLabel(month.month, locale, { short: true })}
            </text>
            <text x={x + (width - 16) / 2} y={185 - total} fontSize="10" textAnchor="middle" fill="#32324d">
              {month.total}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

const Figure = ({ label, value }: { label: string; value: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p">
      {value}
    </Typography>
  </Box>
);

/** Hands a file made in the page to the browser's downloads. */
function download(content: string, name: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Service levels for staff: their offices' reports, by month, category and office. */
export const StatisticsPage = () => {
  const { t, locale } = useT();
  const stats = useResource<{ data: Statistics }>('/segnalazioni/statistics');
  if (stats.loading && !stats.data) return <Page.Loading />;
  if (stats.error || !stats.data) return <Page.Error />;
  const data = stats.data.data;
  const rows: [string, Aggregate][] = [
    ...data.byCategory.map((c) => [c.name, c] as [string, Aggregate]),
    ...data.byOffice.map((o) => [o.name, o] as [string, Aggregate]),
  ];

  return (
    <Page.Main>
      <Page.Title>{t('stats.title', 'Statistiche')}</Page.Title>
      <PageHeader
        title={t('stats.title', 'Statistiche')}
        subtitle={t('stats.subtitle', 'Tempi di risposta e rispetto delle scadenze dei tuoi uffici')}
        actions={
          <Button onClick={() => download(statisticsCsv(data, locale), t('stats.csvName', 'statistiche-segnalazioni.csv'))}>
            {t('stats.csv', 'Scarica CSV')}
          </Button>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={6}>
            <Figure label={t('stats.total', 'Segnalazioni')} value={String(data.total)} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('stats.takeInCharge', 'Presa in carico entro i tempi')} value={percent(data.withinServiceLevel.takeInCharge)} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('stats.firstAnswer', 'Prima risposta entro i tempi')} value={percent(data.withinServiceLevel.firstAnswer)} />
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Figure label={t('stats.close', 'Chiusura entro i tempi')} value={percent(data.withinServiceLevel.close)} />
          </Grid.Item>
        </Grid.Root>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginTop={6}>
          <Typography variant="delta" tag="h2">
            {t('stats.byMonth', 'Per mese: ricevute e chiuse')}
          </Typography>
          <MonthChart months={data.byMonth} label={t('stats.byMonth', 'Per mese: ricevute e chiuse')} locale={locale} />
          <Flex gap={4}>
            <Typography variant="pi">
              <span style={{ color: '#7b79ff' }}>■</span> {t('stats.received', 'ricevute')}
            </Typography>
            <Typography variant="pi">
              <span style={{ color: '#328048' }}>■</span> {t('stats.closed', 'chiuse')}
            </Typography>
          </Flex>
        </Box>
        <RatingsSummary />
        <Box paddingTop={6}>
          <Table colCount={6} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('stats.group', 'Categoria / ufficio')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('stats.total', 'Segnalazioni')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('stats.open', 'Aperte')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('stats.medianTakeInCharge', 'Mediana presa in carico')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('stats.medianClose', 'Mediana chiusura')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('stats.takeInCharge', 'Presa in carico entro i tempi')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map(([name, row]) => (
                <Tr key={name}>
                  <Td>
                    <Typography>{name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{row.total}</Typography>
                  </Td>
                  <Td>
                    <Typography>{OPEN_STATUSES.reduce((open, status) => open + row.byStatus[status], 0)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{hours(row.medianHours.takeInCharge)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{hours(row.medianHours.close)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{percent(row.withinServiceLevel.takeInCharge)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
