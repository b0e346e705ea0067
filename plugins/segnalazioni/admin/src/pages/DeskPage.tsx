import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useNavigate } from 'react-router-dom';
import { PHOTO_TYPES } from '../../../server/src/photos/domain/photo-rules';
import { errorMessage, fieldErrors, useResource, type Options, type ReportDetail } from '../api';
import type { MapPoint } from '../../../server/src/places/domain/map-settings';
import { PointPicker } from '../components/PointPicker';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../useT';

const NO_CATEGORY = '';

const EMPTY = { contactName: '', contactPhone: '', contactEmail: '', category: NO_CATEGORY, title: '', description: '', address: '' };
type DeskForm = typeof EMPTY;

/**
 * The URP desk: an officer files a report for a citizen who phoned or came to the counter. With no
 * category it waits in the triage tab; the citizen hears back by email when one is given.
 */
export const DeskPage = () => {
  const { t } = useT();
  const navigate = useNavigate();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const options = useResource<{ data: Options }>('/segnalazioni/options');
  const [form, setForm] = React.useState<DeskForm>(EMPTY);
  const [photos, setPhotos] = React.useState<File[]>([]);
  const [point, setPoint] = React.useState<MapPoint | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  const set = (name: keyof DeskForm) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const body = new FormData();
    const fields = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ''));
    body.append('data', JSON.stringify({ ...fields, ...(point ?? {}) }));
    for (const photo of photos) body.append('photos', photo, photo.name);
    try {
      const response = await post<{ data: ReportDetail }>('/segnalazioni/reports/desk', body);
      toggleNotification({
        type: 'success',
        message: t('desk.done', 'Segnalazione registrata: riferimento {reference}.', { reference: response.data.data.reference }),
      });
      navigate(`../reports/${response.data.data.documentId}`, { relative: 'path' });
    } catch (error) {
      setErrors(fieldErrors(error));
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof DeskForm, label: string, props: { required?: boolean; hint?: string; type?: string } = {}) => (
    <Field.Root name={name} error={errors[name]} required={props.required} hint={props.hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput type={props.type ?? 'text'} value={form[name]} onChange={set(name)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Page.Main>
      <Page.Title>{t('desk.title', 'Nuova segnalazione allo sportello')}</Page.Title>
      <PageHeader
        navigation={
          <Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>
            {t('report.back', '← Tutte le segnalazioni')}
          </Button>
        }
        title={t('desk.title', 'Nuova segnalazione allo sportello')}
        subtitle={t('desk.subtitle', 'Per un cittadino che ha telefonato o è venuto all’URP: segue lo stesso percorso di quelle dal sito.')}
      />
      <Layouts.Content>
        <form onSubmit={submit} noValidate>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6}>
            <Typography variant="delta" tag="h2">
              {t('desk.citizen', 'Il cittadino')}
            </Typography>
            <Grid.Root gap={4} paddingTop={4}>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                {text('contactName', t('desk.contactName', 'Nome e cognome'), { required: true })}
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                {text('contactPhone', t('desk.contactPhone', 'Telefono'), { type: 'tel' })}
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                {text('contactEmail', t('desk.contactEmail', 'Email'), {
                  type: 'email',
                  hint: t('desk.contactEmail.hint', 'Con l’email riceve la ricevuta e ogni risposta.'),
                })}
              </Grid.Item>
            </Grid.Root>
          </Box>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6}>
            <Typography variant="delta" tag="h2">
              {t('desk.report', 'La segnalazione')}
            </Typography>
            <Grid.Root gap={4} paddingTop={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="category"
                  error={errors.category}
                  hint={t('desk.category.hint', 'Se non è chiara, lasciala vuota: la segnalazione va tra quelle da smistare.')}
                >
                  <Field.Label>{t('queue.category', 'Categoria')}</Field.Label>
                  <SingleSelect value={form.category} onChange={(value: string | number) => setForm((previous) => ({ ...previous, category: String(value) }))}>
                    <SingleSelectOption value={NO_CATEGORY}>{t('desk.category.none', 'Da smistare')}</SingleSelectOption>
                    {options.data?.data.categories
                      .filter((category) => category.active)
                      .map((category) => (
                        <SingleSelectOption key={category.documentId} value={category.slug}>
                          {category.name}
                        </SingleSelectOption>
                      ))}
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                {text('address', t('desk.address', 'Luogo (indirizzo)'))}
              </Grid.Item>
              {options.data && (
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <PointPicker settings={options.data.data.map} value={point} onChange={setPoint} />
                  {errors.latitude && (
                    <Typography variant="pi" textColor="danger600" tag="p">
                      {errors.latitude}
                    </Typography>
                  )}
                </Grid.Item>
              )}
              <Grid.Item col={12} direction="column" alignItems="stretch">
                {text('title', t('desk.reportTitle', 'Titolo'), { required: true })}
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="description"
                  error={errors.description}
                  required
                  hint={t('desk.description.hint', 'Le parole del cittadino: restano riservate, in archivio va solo il testo approvato.')}
                >
                  <Field.Label>{t('desk.description', 'Descrizione')}</Field.Label>
                  <Textarea value={form.description} onChange={set('description')} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root
                  id="desk-photos"
                  name="photos"
                  error={errors.photos}
                  hint={t('desk.photos.hint', 'Le foto (JPEG, PNG o WebP) portate o inviate dal cittadino.')}
                >
                  <Field.Label>{t('desk.photos', 'Foto')}</Field.Label>
                  <input
                    id="desk-photos"
                    type="file"
                    name="photos"
                    accept={PHOTO_TYPES.join(',')}
                    multiple
                    onChange={(event) => setPhotos(Array.from(event.target.files ?? []))}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
          </Box>
          <Flex gap={2}>
            <Button type="submit" loading={busy}>
              {t('desk.submit', 'Registra la segnalazione')}
            </Button>
          </Flex>
        </form>
      </Layouts.Content>
    </Page.Main>
  );
};
