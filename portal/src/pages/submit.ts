import { checkPhotos, PHOTO_TYPES } from '../../../plugins/segnalazioni/server/src/photos/domain/photo-rules';
import { photoPosition } from '../../../plugins/segnalazioni/server/src/photos/domain/exif-position';
import type { MapPoint } from '../../../plugins/segnalazioni/server/src/places/domain/map-settings';
import { api, ApiError, LoginRequired, type FieldProblem, type OwnReport, type SubmissionInput } from '../api';
import { checkboxField, clearFieldErrors, inputField, selectField, showFormError, showProblems, whileBusy } from '../components/forms';
import { ratingCard } from '../components/rating';
import { alertBox, detailsList, pageLayout } from '../components/layout';
import { nearbyReports } from '../components/nearby-reports';
import { placePicker } from '../components/place-picker';
import { privacyNotice } from '../components/privacy-notice';
import { h, icon, replaceChildren, type Child } from '../dom';
import { formatCoordinates, formatDateTime } from '../format';
import { BASE, type PageRenderer } from '../router';
import { currentSession } from '../session';
import { t, tParts, type MessageKey } from '../i18n';

/**
 * "Segnala un disservizio", after the Designers Italia service model: privacy consent → the
 * report's data (category, place, title, details, photos) → summary → confirmation with the
 * reference and the receipt mail. The draft lives in memory while the citizen moves between steps.
 */

interface Draft {
  consent: boolean;
  category: string;
  address: string;
  point: MapPoint | null;
  title: string;
  description: string;
  photos: File[];
}

const STEPS = ['submit.stepPrivacy', 'submit.stepData', 'submit.stepSummary'] as const satisfies readonly MessageKey[];

function stepperHeader(current: number): HTMLElement {
  return h(
    'div',
    { class: 'steppers-header' },
    h(
      'ul',
      {},
      STEPS.map((step, index) =>
        h(
          'li',
          { class: index < current ? 'confirmed' : index === current ? 'active' : '', 'aria-current': index === current ? 'step' : null },
          t(step),
          index < current ? [icon('it-check', { className: 'steppers-success' }), h('span', { class: 'visually-hidden' }, ` ${t('submit.stepDone')}`)] : null,
        ),
      ),
    ),
    h('span', { class: 'steppers-index', 'aria-hidden': 'true' }, `${current + 1}/${STEPS.length}`),
  );
}

/** The first GPS position among the photos, read here before the server strips it. */
async function firstPhotoPosition(files: readonly File[]): Promise<{ point: MapPoint; name: string } | null> {
  for (const file of files) {
    const point = photoPosition(new Uint8Array(await file.arrayBuffer()));
    if (point) return { point, name: file.name };
  }
  return null;
}

/** Reads the first bytes of each photo to check its type with the server's own rule. */
async function photoProblems(files: readonly File[]) {
  const candidates = await Promise.all(
    files.map(async (file) => ({ name: file.name, size: file.size, head: new Uint8Array(await file.slice(0, 16).arrayBuffer()) })),
  );
  // Count and size limits are the server's configuration: it states them if a choice exceeds them.
  return checkPhotos(candidates, { maxPhotos: Infinity, maxBytes: Infinity });
}

function photoList(draft: Draft, onChange: () => void): HTMLElement {
  if (draft.photos.length === 0) return h('p', { class: 'small text-muted' }, t('submit.noPhotos'));
  return h(
    'ul',
    { class: 'list-unstyled row', 'aria-label': t('submit.photosChosen') },
    draft.photos.map((photo, index) => {
      const preview = URL.createObjectURL(photo);
      return h(
        'li',
        { class: 'col-6 col-md-4 mb-3' },
        h('img', {
          src: preview,
          alt: t('submit.photoPreview', { name: photo.name }),
          class: 'img-fluid rounded mb-1',
          onLoad: () => URL.revokeObjectURL(preview),
        }),
        h('p', { class: 'small text-break mb-1' }, photo.name),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-outline-danger btn-xs',
            onClick: () => {
              draft.photos.splice(index, 1);
              onChange();
            },
          },
          t('submit.remove'),
          h('span', { class: 'visually-hidden' }, ` ${t('submit.removeWhat', { name: photo.name })}`),
        ),
      );
    }),
  );
}

function placeSummary({ address, point }: Draft): string {
  const parts = [address, point ? t('place.pointChosen', { point: formatCoordinates(point) }) : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' — ') : t('submit.placeMissing');
}

export const submitPage: PageRenderer = async () => {
  const session = currentSession();
  if (!session) throw new LoginRequired();
  const { email } = session;
  const categories = await api.categories();
  const draft: Draft = { consent: false, category: '', address: '', point: null, title: '', description: '', photos: [] };

  const header = h('div');
  const body = h('div', { class: 'steppers-content' });
  const stepper = h('div', { class: 'steppers' }, header, body);

  /** Shows a step and moves focus to its heading, so keyboard and screen reader users start there. */
  function show(step: number, content: Child, problems: readonly FieldProblem[] = []): void {
    replaceChildren(header, stepperHeader(step));
    replaceChildren(body, content);
    const form = body.querySelector('form');
    const summary = body.querySelector<HTMLElement>('[data-errors]');
    if (form && summary && problems.length > 0) showProblems(form, summary, problems);
    else body.querySelector<HTMLElement>('h2')?.focus();
  }

  /** A step's form: its heading, the slot for what went wrong, its fields. */
  const stepForm = (index: number, ...content: Child[]) => {
    const errors = h('div', { 'data-errors': '' });
    const form = h('form', { novalidate: true }, h('h2', { class: 'h4 mb-3', tabindex: '-1' }, t(STEPS[index])), errors, content);
    return { form, errors };
  };
  const confirmButton = (label: Child, type: 'submit' | 'button' = 'submit') =>
    h('button', { type, class: 'btn btn-primary btn-sm steppers-btn-confirm' }, label);
  const next = () => confirmButton([t('submit.next'), icon('it-chevron-right', { className: 'icon-white' })]);
  const navigation = (back: (() => void) | null, confirm: HTMLButtonElement) =>
    h(
      'nav',
      { class: 'steppers-nav', 'aria-label': t('submit.steps') },
      back
        ? h(
            'button',
            { type: 'button', class: 'btn btn-outline-primary btn-sm steppers-btn-prev', onClick: back },
            icon('it-chevron-left', { className: 'icon-primary' }),
            t('submit.back'),
          )
        : h('span'),
      confirm,
    );

  function consentStep(): void {
    const consent = checkboxField({ name: 'consent', label: t('submit.consent'), required: true, checked: draft.consent });
    const { form, errors } = stepForm(
      0,
      h('div', { class: 'privacy-box border rounded p-3 mb-4', tabindex: '0', role: 'region', 'aria-label': t('submit.privacyText') }, privacyNotice('h3')),
      consent.group,
      navigation(null, next()),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      draft.consent = consent.control.checked;
      if (!draft.consent) return showProblems(form, errors, [{ field: 'consent', message: t('submit.consentMissing') }]);
      dataStep();
    });
    show(0, form);
  }

  function dataStep(problems: readonly FieldProblem[] = []): void {
    const category = selectField({
      name: 'category',
      label: t('field.category'),
      required: true,
      value: draft.category,
      hint: t('submit.categoryHint'),
      choices: [{ value: '', label: t('submit.chooseCategory') }, ...categories.map((c) => ({ value: c.slug, label: c.name }))],
    });
    const nearby = h('div');
    const showNearby = () => nearbyReports(nearby, draft.point, categories.find((each) => each.slug === category.control.value) ?? null);
    const place = placePicker({ address: draft.address, point: draft.point }, (picked) => {
      draft.point = picked.point;
      showNearby();
    });
    category.control.addEventListener('change', showNearby);
    const title = inputField({ name: 'title', label: t('field.title'), required: true, value: draft.title, hint: t('submit.titleHint') });
    const description = inputField({
      name: 'description',
      label: t('field.details'),
      required: true,
      multiline: true,
      value: draft.description,
      hint: t('submit.detailsHint'),
    });
    const photos = inputField({
      name: 'photos',
      label: t('field.photos'),
      type: 'file',
      multiple: true,
      accept: PHOTO_TYPES.join(','),
      hint: t('submit.photosHint'),
    });
    const chosen = h('div', { 'aria-live': 'polite' });
    // After a removal, focus goes back to the file field rather than to nowhere.
    const refreshPhotos = (): void =>
      replaceChildren(
        chosen,
        photoList(draft, () => {
          refreshPhotos();
          photos.control.focus();
        }),
      );
    refreshPhotos();

    const { form, errors } = stepForm(
      1,
      h('p', { class: 'small' }, t('submit.required')),
      h('fieldset', {}, h('legend', { class: 'h5' }, t('submit.problem')), category.group, title.group, description.group),
      h('fieldset', {}, h('legend', { class: 'h5' }, t('field.place')), place.element, nearby),
      h('fieldset', {}, h('legend', { class: 'h5' }, t('submit.images')), photos.group, chosen),
      navigation(() => {
        keep();
        place.dispose();
        consentStep();
      }, next()),
    );
    function keep(): void {
      draft.category = category.control.value;
      ({ address: draft.address, point: draft.point } = place.place());
      draft.title = title.control.value.trim();
      draft.description = description.control.value.trim();
    }

    photos.control.addEventListener('change', async () => {
      const input = photos.control as HTMLInputElement;
      const picked = Array.from(input.files ?? []);
      input.value = '';
      const wrong = await photoProblems(picked);
      if (wrong.length > 0) {
        showProblems(
          form,
          errors,
          wrong.map((problem) => ({ field: 'photos', message: problem.message })),
          t('submit.photosRefused'),
        );
      } else {
        clearFieldErrors(form);
        replaceChildren(errors);
      }
      const rejected = new Set(wrong.map((problem) => problem.name));
      const accepted = picked.filter((file) => !rejected.has(file.name));
      draft.photos.push(...accepted);
      refreshPhotos();
      const taken = await firstPhotoPosition(accepted);
      if (taken) place.proposePhotoPosition(taken.point, taken.name);
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      keep();
      const missing: FieldProblem[] = [
        ...(draft.category ? [] : [{ field: 'category', message: t('submit.missingCategory') }]),
        ...(draft.title ? [] : [{ field: 'title', message: t('submit.missingTitle') }]),
        ...(draft.description ? [] : [{ field: 'description', message: t('submit.missingDetails') }]),
      ];
      if (missing.length > 0) return showProblems(form, errors, missing);
      place.dispose();
      summaryStep();
    });
    show(1, form, problems);
    place.mount();
    showNearby();
  }

  function summaryStep(): void {
    const categoryName = categories.find((c) => c.slug === draft.category)?.name ?? draft.category;
    const submit = confirmButton(t('submit.send'), 'button');
    // One key for this summary: sending it again (after a timeout) cannot make a second report; a changed draft gets a new one.
    // getRandomValues, not randomUUID: it works on plain http too.
    const idempotencyKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const edit = (what: string) =>
      h(
        'button',
        { type: 'button', class: 'btn btn-link btn-sm p-0', onClick: () => dataStep() },
        t('submit.edit'),
        h('span', { class: 'visually-hidden' }, ` ${what}`),
      );
    const { form, errors } = stepForm(
      2,
      h('p', {}, t('submit.check')),
      h(
        'section',
        { class: 'card shadow-sm mb-3', 'aria-labelledby': 'riepilogo-disservizio' },
        h(
          'div',
          { class: 'card-body' },
          h(
            'div',
            { class: 'd-flex justify-content-between align-items-baseline' },
            h('h3', { id: 'riepilogo-disservizio', class: 'h5' }, t('submit.problem')),
            edit(t('submit.editWhat')),
          ),
          detailsList([
            [t('field.category'), categoryName],
            [t('field.title'), draft.title],
            [t('field.details'), h('span', { class: 'report-text' }, draft.description)],
            [t('field.place'), placeSummary(draft)],
            [t('field.photos'), draft.photos.length === 0 ? t('submit.photosNone') : draft.photos.map((photo) => photo.name).join(', ')],
          ]),
        ),
      ),
      h('p', { class: 'small' }, t('submit.mailTo', { email })),
      navigation(() => dataStep(), submit),
    );
    submit.addEventListener('click', async () => {
      const input: SubmissionInput = {
        title: draft.title,
        description: draft.description,
        category: draft.category,
        ...(draft.address ? { address: draft.address } : {}),
        ...(draft.point ? { latitude: draft.point.latitude, longitude: draft.point.longitude } : {}),
      };
      try {
        const report = await whileBusy(submit, t('forms.sending'), () => api.submitReport(input, draft.photos, idempotencyKey));
        done(report);
      } catch (error) {
        // Problems with the data belong to the data step, beside their fields.
        if (error instanceof ApiError && error.problems.some((problem) => problem.field)) dataStep(error.problems);
        else showFormError(form, errors, error, t('forms.sendFailed'));
      }
    });
    show(2, form);
  }

  function done(report: OwnReport): void {
    replaceChildren(header);
    const confirmation = h(
      'div',
      { class: 'submit-outcome' },
      h('h2', { class: 'h3', tabindex: '-1' }, icon('it-check-circle', { className: 'icon-success icon-lg me-2' }), t('report.submitted')),
      alertBox(
        'success',
        h('p', { class: 'mb-1' }, tParts('submit.reference', { reference: h('strong', { class: 'reference' }, report.reference) })),
        h('p', { class: 'mb-0' }, t('submit.receipt', { email })),
      ),
      report.deadlines.takeInCharge ? h('p', {}, tParts('submit.takeInCharge', { due: h('strong', {}, formatDateTime(report.deadlines.takeInCharge)) })) : null,
      h(
        'p',
        { class: 'd-flex flex-wrap gap-2' },
        h('a', { class: 'btn btn-primary', href: `${BASE}/le-mie-segnalazioni/${encodeURIComponent(report.documentId)}` }, t('submit.view')),
        h('a', { class: 'btn btn-outline-primary', href: `${BASE}/le-mie-segnalazioni` }, t('nav.mine')),
      ),
      // The model asks how easy the service was once it has been used.
      ratingCard('submitted'),
    );
    replaceChildren(body, confirmation);
    confirmation.querySelector<HTMLElement>('h2')?.focus();
  }

  consentStep();
  return {
    title: t('nav.submit'),
    content: pageLayout({ title: t('nav.submit'), trail: [{ label: t('archive.title'), href: `${BASE}/segnalazioni` }], lead: t('submit.lead') }, stepper),
  };
};
