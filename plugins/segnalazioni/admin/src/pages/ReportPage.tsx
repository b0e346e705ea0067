import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage, useAct, useResource, type Action, type Options, type PositionChoice, type ReportDetail } from '../api';
import { timeLeft, type TimeLeft } from '../../../server/src/service-levels/domain/time-left';
import { AnswerForms, ANSWER_ACTIONS } from '../components/AnswerForms';
import { DuplicateForm } from '../components/DuplicateForm';
import { PhotoModeration } from '../components/PhotoModeration';
import { PlaceMap } from '../components/PlaceMap';
import { PersonalDataWarning } from '../components/PublicPreview';
import { StatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../useT';

const MapLink = ({ latitude, longitude }: { latitude: number; longitude: number }) => (
  <a
    href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`}
    target="_blank"
    rel="noreferrer"
  >{`${latitude}, ${longitude}`}</a>
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

/** One report: the citizen's words beside the public ones, photos, the actions the lifecycle allows now, replies, timeline. */
export const ReportPage = () => {
  const { documentId = '' } = useParams();
  const { t, date, action: actionLabel } = useT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const report = useResource<{ data: ReportDetail }>(`/segnalazioni/reports/${documentId}`);
  const options = useResource<{ data: Options }>('/segnalazioni/options');
  const act = useAct(documentId);
  const [busy, setBusy] = React.useState(false);
  const [publicTitle, setPublicTitle] = React.useState('');
  const [publicText, setPublicText] = React.useState('');
  const [publicAddress, setPublicAddress] = React.useState('');
  const [position, setPosition] = React.useState<PositionChoice>('rounded');
  const [textReason, setTextReason] = React.useState('');
  const [office, setOffice] = React.useState('');
  const [category, setCategory] = React.useState('');

  const data = report.data?.data;
  React.useEffect(() => {
    if (!data) return;
    setPublicTitle(data.publicTitle ?? data.title);
    setPublicText(data.publicText ?? data.description);
    setPublicAddress(data.textModeration === 'approved' ? (data.publicAddress ?? '') : (data.address ?? ''));
  }, [data?.documentId, data?.textModeration]); // eslint-disable-line react-hooks/exhaustive-deps

  if (report.loading && !data) return <Page.Loading />;
  if (report.error || !data) return <Page.Error />;

  const can = (action: Action) => data.allowedActions.includes(action);
  const point = data.latitude !== null && data.longitude !== null ? { latitude: data.latitude, longitude: data.longitude } : null;
  const templates = (options.data?.data.replyTemplates ?? []).filter((template) => !template.category || template.category === data.category?.documentId);
  const answerActions = ANSWER_ACTIONS.filter(can);
  const run = async (action: Action, body: Record<string, unknown> = {}, done?: () => void) => {
    setBusy(true);
    try {
      const result = await act(action, body);
      toggleNotification({ type: 'success', message: t('action.done', 'Fatto: {action}.', { action: actionLabel(action) }) });
      done?.();
      if (result.data) report.setData({ data: result.data });
      else navigate('../..', { relative: 'path' });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const leftLabel = ({ unit, count }: TimeLeft) =>
    unit === 'days'
      ? t('deadline.leftDays', 'mancano {count} giorni', { count })
      : unit === 'hours'
        ? t(count === 1 ? 'deadline.leftHour' : 'deadline.leftHours', count === 1 ? 'manca 1 ora' : 'mancano {count} ore', { count })
        : t('deadline.leftMinutes', 'mancano {count} min', { count });

  return (
    <Page.Main>
      <Page.Title>{data.title}</Page.Title>
      <PageHeader
        navigation={
          <Button variant="tertiary" onClick={() => navigate('../..', { relative: 'path' })}>
            {t('report.back', '← Tutte le segnalazioni')}
          </Button>
        }
        title={data.title}
        subtitle={`${data.protocolNumber ? `${t('report.protocol', 'Protocollo')} ${data.protocolNumber} · ` : ''}${t('report.reference', 'Riferimento')} ${data.reference} · ${data.category?.name ?? t('queue.triage', 'Da smistare')} · ${data.office?.name ?? t('queue.noOffice', 'Da smistare')}`}
        status={
          <>
            <StatusBadge status={data.status} />
            {data.deadline && (
              <Typography textColor={data.overdue ? 'danger600' : 'neutral600'} fontWeight={data.overdue ? 'bold' : undefined}>
                {t(`deadline.${data.deadline.step}`, data.deadline.step)} {t('deadline.by', 'entro')} {date(data.deadline.due)}
                {data.overdue ? ` · ${t('queue.overdueBadge', 'in ritardo')}` : ` · ${leftLabel(timeLeft(new Date(), new Date(data.deadline.due)))}`}
              </Typography>
            )}
          </>
        }
        actions={
          <>
            {can('take_in_charge') && (
              <Button loading={busy} onClick={() => run('take_in_charge')}>
                {t('action.take_in_charge', 'Prendi in carico')}
              </Button>
            )}
            {can('publish') && (
              <Button loading={busy} onClick={() => run('publish')}>
                {t('action.publish', 'Pubblica')}
              </Button>
            )}
            {can('unpublish') && (
              <Button variant="secondary" loading={busy} onClick={() => run('unpublish')}>
                {t('action.unpublish', 'Ritira dalla pubblicazione')}
              </Button>
            )}
          </>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={t('report.original', 'Testo del cittadino (riservato)')}>
              <Typography variant="omega" fontWeight="bold">
                {data.title}
              </Typography>
              <Box paddingTop={2}>
                <Typography style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Typography>
              </Box>
              <Box paddingTop={4}>
                <Typography variant="pi" textColor="neutral600">
                  {[data.citizen.name, data.citizen.email, data.citizen.phone].filter(Boolean).join(' · ')}
                  <br />
                  {t('report.submittedAt', 'Inviata il {date}', { date: date(data.submittedAt) })} · {t(`channel.${data.channel}`, data.channel)}
                </Typography>
              </Box>
              {data.answers.length > 0 && (
                <Box paddingTop={4}>
                  <Typography variant="sigma" textColor="neutral600" tag="h3">
                    {t('report.answers', 'Risposte alle domande della categoria')}
                  </Typography>
                  <dl>
                    {data.answers.map((answer) => (
                      <Typography key={answer.code} variant="pi" tag="div">
                        <dt style={{ display: 'inline' }}>{answer.question}</dt>{' '}
                        <dd style={{ display: 'inline', margin: 0, fontWeight: 600 }}>
                          {Array.isArray(answer.answer) ? answer.answer.join(', ') : String(answer.answer)}
                        </dd>
                      </Typography>
                    ))}
                  </dl>
                </Box>
              )}
              {data.mediaUrl && (
                <Box paddingTop={4}>
                  <Typography variant="pi">
                    {t('report.mediaUrl', 'Foto indicata dal mittente, su un altro sito (da verificare prima di usarla):')}{' '}
                    <a href={data.mediaUrl} target="_blank" rel="noopener noreferrer nofollow">
                      {data.mediaUrl}
                    </a>
                  </Typography>
                </Box>
              )}
              {data.duplicateOf && (
                <Box paddingTop={4}>
                  <Typography variant="pi">
                    {t('report.duplicateOf', 'Chiusa come duplicato di')}{' '}
                    <a
                      href={`reports/${data.duplicateOf.documentId}`}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(`../${data.duplicateOf?.documentId}`, { relative: 'path' });
                      }}
                    >
                      {`«${data.duplicateOf.title}» (${data.duplicateOf.reference})`}
                    </a>
                  </Typography>
                </Box>
              )}
              {(data.address || point) && (
                <Box paddingTop={4}>
                  <Typography variant="sigma" textColor="neutral600" tag="h3">
                    {t('report.place.private', 'Luogo indicato dal cittadino (riservato)')}
                  </Typography>
                  <Typography variant="pi">
                    {data.address}
                    {point ? (
                      <>
                        {data.address ? <br /> : null}
                        <MapLink latitude={point.latitude} longitude={point.longitude} />
                      </>
                    ) : null}
                  </Typography>
                </Box>
              )}
              {point && options.data && (
                <PlaceMap
                  settings={options.data.data.map}
                  documentId={data.documentId}
                  point={point}
                  publicPoint={
                    data.publicLatitude !== null && data.publicLongitude !== null ? { latitude: data.publicLatitude, longitude: data.publicLongitude } : null
                  }
                />
              )}
              <Box paddingTop={4}>
                <Typography variant="pi">
                  {t('report.deadlines', 'Scadenze')}: {t('report.deadline.takeInCharge', 'presa in carico')} {date(data.deadlines.takeInCharge)} ·{' '}
                  {t('report.deadline.firstAnswer', 'prima risposta')} {date(data.deadlines.firstAnswer)} · {t('report.deadline.close', 'chiusura')}{' '}
                  {date(data.deadlines.close)}
                </Typography>
              </Box>
            </Section>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Section title={t('report.public', 'Testo pubblico')}>
              <Typography variant="pi" textColor="neutral600">
                {t(`moderation.${data.textModeration}`, data.textModeration)}
                {data.textModerationReason ? ` — ${data.textModerationReason}` : ''}
              </Typography>
              <Box paddingTop={3}>
                <Field.Root name="publicTitle">
                  <Field.Label>{t('report.publicTitle', 'Titolo pubblico')}</Field.Label>
                  <TextInput
                    value={publicTitle}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setPublicTitle(event.target.value)}
                    disabled={!can('moderate_text')}
                  />
                </Field.Root>
              </Box>
              <Box paddingTop={3}>
                <Field.Root name="publicText" hint={t('report.publicText.hint', 'Togli nomi, targhe e dati personali: il testo originale resta riservato.')}>
                  <Field.Label>{t('report.publicText', 'Testo pubblico')}</Field.Label>
                  <Textarea
                    value={publicText}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setPublicText(event.target.value)}
                    disabled={!can('moderate_text')}
                  />
                  <Field.Hint />
                </Field.Root>
              </Box>
              <Box paddingTop={3}>
                <Field.Root
                  name="publicAddress"
                  hint={t(
                    'report.publicAddress.hint',
                    'Solo il luogo del problema: togli nomi sul citofono, numeri di telefono e altri dati personali. Lascia vuoto per non pubblicare l’indirizzo.',
                  )}
                >
                  <Field.Label>{t('report.publicAddress', 'Indirizzo pubblico')}</Field.Label>
                  <TextInput
                    value={publicAddress}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setPublicAddress(event.target.value)}
                    disabled={!can('moderate_text')}
                  />
                  <Field.Hint />
                </Field.Root>
              </Box>
              {point && (
                <Box paddingTop={3}>
                  <Field.Root name="position">
                    <Field.Label>{t('report.position', 'Posizione pubblica sulla mappa')}</Field.Label>
                    <SingleSelect value={position} onChange={(value: string | number) => setPosition(value as PositionChoice)} disabled={!can('moderate_text')}>
                      <SingleSelectOption value="rounded">{t('report.position.rounded', 'Arrotondata a circa 50 m')}</SingleSelectOption>
                      <SingleSelectOption value="exact">{t('report.position.exact', 'Esatta')}</SingleSelectOption>
                      <SingleSelectOption value="hidden">{t('report.position.hidden', 'Non pubblicata')}</SingleSelectOption>
                    </SingleSelect>
                  </Field.Root>
                  {data.textModeration === 'approved' && (
                    <Typography variant="pi" textColor="neutral600">
                      {data.publicLatitude != null && data.publicLongitude != null ? (
                        <>
                          {t('report.position.approved', 'Approvata:')} <MapLink latitude={data.publicLatitude} longitude={data.publicLongitude} />
                        </>
                      ) : (
                        t('report.position.none', 'Nessuna posizione pubblica.')
                      )}
                    </Typography>
                  )}
                </Box>
              )}
              {can('moderate_text') && (
                <Box paddingTop={3}>
                  <PersonalDataWarning text={[publicTitle, publicText, publicAddress].join('\n')} />
                </Box>
              )}
              {can('moderate_text') && (
                <Flex gap={2} paddingTop={3} wrap="wrap" alignItems="flex-end">
                  <Button
                    loading={busy}
                    onClick={() => run('moderate_text', { decision: 'approve', publicTitle, publicText, publicAddress, ...(point ? { position } : {}) })}
                  >
                    {t('action.approveText', 'Approva il testo')}
                  </Button>
                  <Box minWidth="200px">
                    <TextInput
                      aria-label={t('report.textReason', 'Motivo del rifiuto del testo')}
                      placeholder={t('report.textReason', 'Motivo del rifiuto del testo')}
                      value={textReason}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTextReason(event.target.value)}
                    />
                  </Box>
                  <Button
                    variant="danger-light"
                    loading={busy}
                    onClick={() => run('moderate_text', { decision: 'reject', reason: textReason }, () => setTextReason(''))}
                  >
                    {t('action.rejectText', 'Rifiuta il testo')}
                  </Button>
                </Flex>
              )}
            </Section>
          </Grid.Item>
        </Grid.Root>

        <Section title={t('report.photos', 'Foto ({count})', { count: data.photos.length })}>
          <PhotoModeration
            photos={data.photos}
            canModerate={can('moderate_photo')}
            busy={busy}
            onDecide={(photo, decision, reason) => run('moderate_photo', { photo, decision, ...(reason ? { reason } : {}) })}
          />
        </Section>

        {answerActions.length > 0 && (
          <Section title={t('report.answer', 'Risposta al cittadino')}>
            <AnswerForms key={data.documentId} allowed={answerActions} templates={templates} busy={busy} onAct={run} />
          </Section>
        )}

        {can('mark_duplicate') && (
          <Section title={t('report.duplicate', 'Stesso problema di un’altra segnalazione')}>
            <DuplicateForm busy={busy} onMark={(original) => run('mark_duplicate', { original })} />
          </Section>
        )}

        {can('reassign') && (
          <Section
            title={data.category ? t('report.reassign', 'Assegna a un altro ufficio o categoria') : t('report.triage', 'Da smistare: scegli la categoria')}
          >
            {!data.category && (
              <Box paddingBottom={4}>
                <Typography textColor="neutral600">
                  {t('report.triage.hint', 'La categoria decide l’ufficio competente e i tempi di risposta; l’ufficio riceve la segnalazione e un avviso.')}
                </Typography>
              </Box>
            )}
            <Flex gap={2} alignItems="flex-end" wrap="wrap">
              <Field.Root name="category">
                <Field.Label>{t('queue.category', 'Categoria')}</Field.Label>
                <SingleSelect
                  placeholder={t('report.category.choose', 'Scegli la categoria')}
                  value={category}
                  onChange={(value: string | number) => setCategory(String(value))}
                >
                  {options.data?.data.categories
                    .filter((each) => each.active && each.documentId !== data.category?.documentId)
                    .map((each) => (
                      <SingleSelectOption key={each.documentId} value={each.documentId}>
                        {each.name}
                      </SingleSelectOption>
                    ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="office">
                <Field.Label>{t('report.office', 'Ufficio')}</Field.Label>
                <SingleSelect
                  placeholder={t('report.office.byCategory', 'Quello della categoria')}
                  value={office}
                  onChange={(value: string | number) => setOffice(String(value))}
                >
                  {options.data?.data.offices
                    .filter((each) => each.documentId !== data.office?.documentId)
                    .map((each) => (
                      <SingleSelectOption key={each.documentId} value={each.documentId}>
                        {each.name}
                      </SingleSelectOption>
                    ))}
                </SingleSelect>
              </Field.Root>
              <Button
                variant="secondary"
                disabled={!office && !category}
                loading={busy}
                onClick={() =>
                  run('reassign', { ...(category ? { category } : {}), ...(office ? { office } : {}) }, () => {
                    setCategory('');
                    setOffice('');
                  })
                }
              >
                {t('action.reassign', 'Assegna')}
              </Button>
            </Flex>
          </Section>
        )}

        <Section title={t('report.replies', 'Risposte')}>
          {data.replies.length === 0 ? (
            <Typography textColor="neutral600">{t('report.noReplies', 'Ancora nessuna risposta.')}</Typography>
          ) : (
            data.replies.map((reply) => (
              <Box key={reply.documentId} paddingBottom={4}>
                <Typography variant="pi" textColor="neutral600">
                  {date(reply.createdAt)} · {t(`reply.${reply.kind}`, reply.kind)} ·{' '}
                  {reply.public ? t('reply.public', 'pubblica') : t('reply.private', 'riservata')}
                  {reply.author ? ` · ${reply.author}` : ''}
                </Typography>
                <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                  {reply.body}
                </Typography>
              </Box>
            ))
          )}
        </Section>

        <Section title={t('report.timeline', 'Cronologia')}>
          <Timeline entries={data.history} />
        </Section>

        {data.undelivered.length > 0 && (
          <Section title={t('report.undelivered', 'Messaggi non recapitati')}>
            {data.undelivered.map((notice, index) => (
              <Box key={index} paddingBottom={3}>
                <Typography variant="pi" textColor="neutral600">
                  {date(notice.at)} · {notice.channel} · {notice.recipient}
                </Typography>
                <Typography tag="p" textColor="danger600">
                  {notice.error}
                </Typography>
              </Box>
            ))}
          </Section>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
