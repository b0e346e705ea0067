import { Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tabs, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useNavigate } from 'react-router-dom';
import { REPORT_STATUSES } from '../../../server/src/workflow/domain/lifecycle';
import { useResource, type Options, type QueueResponse, type ReportStatus } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../useT';

const CHANNELS = ['web', 'whatsapp', 'facebook', 'desk', 'api'];
const ALL = '';
/** The tab of reports with no category yet, in any status: URP's triage. */
const TRIAGE = 'triage';
type Tab = ReportStatus | typeof TRIAGE;

/** The officer's queue: tabs by status, filters, search, sort, and a page of reports. */
export const QueuePage = () => {
  const { t, status: statusLabel, date } = useT();
  const navigate = useNavigate();
  const [tab, setTab] = React.useState<Tab>('submitted');
  const [filters, setFilters] = React.useState({ category: ALL, office: ALL, channel: ALL, sort: 'newest', overdue: ALL });
  const [search, setSearch] = React.useState('');
  const [q, setQ] = React.useState('');
  const [page, setPage] = React.useState(1);

  const scope = tab === TRIAGE ? { triage: 'true' } : { status: tab };
  const params = Object.fromEntries(Object.entries({ ...scope, ...filters, q, page, pageSize: 20 }).filter(([, value]) => value !== ALL));
  const queue = useResource<QueueResponse>('/segnalazioni/reports', params);
  const options = useResource<{ data: Options }>('/segnalazioni/options');
  const setFilter = (name: keyof typeof filters) => (value: string | number) => {
    setFilters((previous) => ({ ...previous, [name]: String(value) }));
    setPage(1);
  };

  const counts = queue.data?.meta.counts;
  const pagination = queue.data?.meta.pagination;

  const queueBody = (
    <>
      <Box paddingTop={4} paddingBottom={4}>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setQ(search.trim());
            setPage(1);
          }}
        >
          <Flex gap={2} wrap="wrap" alignItems="flex-end">
            <Box minWidth="240px">
              <TextInput
                aria-label={t('queue.search', 'Cerca')}
                name="q"
                placeholder={t('queue.search.placeholder', 'Cerca per titolo, testo, riferimento, protocollo o cittadino (nome, email, telefono)')}
                value={search}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
              />
            </Box>
            <Button type="submit" variant="secondary">
              {t('queue.search', 'Cerca')}
            </Button>
            <SingleSelect aria-label={t('queue.category', 'Categoria')} value={filters.category} onChange={setFilter('category')}>
              <SingleSelectOption value={ALL}>{t('queue.category.all', 'Tutte le categorie')}</SingleSelectOption>
              {options.data?.data.categories.map((category) => (
                <SingleSelectOption key={category.documentId} value={category.documentId}>
                  {category.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <SingleSelect aria-label={t('queue.office', 'Ufficio')} value={filters.office} onChange={setFilter('office')}>
              <SingleSelectOption value={ALL}>{t('queue.office.all', 'Tutti gli uffici')}</SingleSelectOption>
              {options.data?.data.offices.map((office) => (
                <SingleSelectOption key={office.documentId} value={office.documentId}>
                  {office.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <SingleSelect aria-label={t('queue.channel', 'Canale')} value={filters.channel} onChange={setFilter('channel')}>
              <SingleSelectOption value={ALL}>{t('queue.channel.all', 'Tutti i canali')}</SingleSelectOption>
              {CHANNELS.map((channel) => (
                <SingleSelectOption key={channel} value={channel}>
                  {t(`channel.${channel}`, channel)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <SingleSelect aria-label={t('queue.overdue', 'Scadenze')} value={filters.overdue} onChange={setFilter('overdue')}>
              <SingleSelectOption value={ALL}>{t('queue.overdue.all', 'Tutte le scadenze')}</SingleSelectOption>
              <SingleSelectOption value="true">{t('queue.overdue.only', 'Solo in ritardo')}</SingleSelectOption>
            </SingleSelect>
            <SingleSelect aria-label={t('queue.sort', 'Ordina')} value={filters.sort} onChange={setFilter('sort')}>
              <SingleSelectOption value="newest">{t('queue.sort.newest', 'Più recenti')}</SingleSelectOption>
              <SingleSelectOption value="oldest">{t('queue.sort.oldest', 'Meno recenti')}</SingleSelectOption>
              <SingleSelectOption value="updated">{t('queue.sort.updated', 'Ultime modificate')}</SingleSelectOption>
            </SingleSelect>
          </Flex>
        </form>
      </Box>

      {queue.error ? (
        <Typography textColor="danger600">{queue.error}</Typography>
      ) : (
        <Table colCount={7} rowCount={(queue.data?.data.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('queue.col.reference', 'Riferimento')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('queue.col.title', 'Titolo')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('queue.col.category', 'Categoria')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('queue.col.office', 'Ufficio')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('queue.col.submitted', 'Inviata')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('queue.col.deadline', 'Scadenza')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('queue.col.status', 'Stato')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {queue.data?.data.length === 0 && (
              <Tr>
                <Td colSpan={7}>
                  <Typography>{t('queue.empty', 'Nessuna segnalazione.')}</Typography>
                </Td>
              </Tr>
            )}
            {queue.data?.data.map((report) => (
              <Tr key={report.documentId} onClick={() => navigate(`reports/${report.documentId}`)} style={{ cursor: 'pointer' }}>
                <Td>
                  <Typography fontWeight="semiBold">{report.protocolNumber ?? report.reference}</Typography>
                </Td>
                <Td>
                  <a
                    href={`reports/${report.documentId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`reports/${report.documentId}`);
                    }}
                  >
                    <Typography textColor="primary600">{report.title}</Typography>
                  </a>
                </Td>
                <Td>
                  <Typography textColor={report.category ? undefined : 'neutral700'} style={report.category ? undefined : { fontStyle: 'italic' }}>
                    {report.category?.name ?? t('queue.triage', 'Da smistare')}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{report.office?.name ?? t('queue.noOffice', 'Da smistare')}</Typography>
                </Td>
                <Td>
                  <Typography>{date(report.submittedAt)}</Typography>
                </Td>
                <Td>
                  <Typography textColor={report.overdue ? 'danger600' : undefined} fontWeight={report.overdue ? 'bold' : undefined}>
                    {report.deadline ? date(report.deadline.due) : '—'}
                    {report.overdue ? ` · ${t('queue.overdueBadge', 'in ritardo')}` : ''}
                  </Typography>
                </Td>
                <Td>
                  <StatusBadge status={report.status} />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}

      {pagination && pagination.pageCount > 1 && (
        <Flex justifyContent="flex-end" gap={2} paddingTop={4}>
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('queue.previous', 'Precedente')}
          </Button>
          <Typography>{t('queue.page', 'Pagina {page} di {pageCount}', { page, pageCount: pagination.pageCount })}</Typography>
          <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>
            {t('queue.next', 'Successiva')}
          </Button>
        </Flex>
      )}
    </>
  );

  return (
    <Page.Main>
      <Page.Title>{t('queue.title', 'Segnalazioni')}</Page.Title>
      <PageHeader
        title={t('queue.title', 'Segnalazioni')}
        subtitle={t('queue.subtitle', 'Le segnalazioni dei tuoi uffici')}
        actions={
          <>
            {options.data?.data.desk && <Button onClick={() => navigate('desk')}>{t('desk.new', 'Nuova segnalazione allo sportello')}</Button>}
            <Button variant="secondary" onClick={() => navigate('statistics')}>
              {t('stats.title', 'Statistiche')}
            </Button>
          </>
        }
      />
      <Layouts.Content>
        <Tabs.Root
          value={tab}
          onValueChange={(value) => {
            setTab(value as Tab);
            setPage(1);
          }}
        >
          <Tabs.List aria-label={t('queue.tabs', 'Stato')}>
            {REPORT_STATUSES.map((each) => (
              <Tabs.Trigger key={each} value={each}>
                {statusLabel(each)} {counts ? `(${counts[each]})` : ''}
              </Tabs.Trigger>
            ))}
            {options.data?.data.triage && (
              <Tabs.Trigger value={TRIAGE}>
                {t('queue.triage', 'Da smistare')} {queue.data ? `(${queue.data.meta.triage})` : ''}
              </Tabs.Trigger>
            )}
          </Tabs.List>
          {/* A panel for every tab, so each tab names one that exists; only the chosen one is filled. */}
          {[...REPORT_STATUSES, ...(options.data?.data.triage ? [TRIAGE] : [])].map((each) => (
            <Tabs.Content key={each} value={each} forceMount>
              {each === tab ? queueBody : null}
            </Tabs.Content>
          ))}
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
