import { api } from '../api';
import { h, icon, replaceChildren, uniqueId } from '../dom';
import { t, type MessageKey } from '../i18n';
import { POSITIVE_FROM, RATING_ANSWERS, type RatedPage, type RatingAnswer } from '../../../plugins/segnalazioni/server/src/ratings/domain/rating-words';
import { whileBusy } from './forms';
import { alertBox } from './layout';

const ANSWER_KEYS: Readonly<Record<'positive' | 'negative', Readonly<Record<RatingAnswer, MessageKey>>>> = {
  positive: {
    clear: 'rating.positive.clear',
    complete: 'rating.positive.complete',
    progress: 'rating.positive.progress',
    technical: 'rating.positive.technical',
    other: 'rating.other',
  },
  negative: {
    clear: 'rating.negative.clear',
    complete: 'rating.negative.complete',
    progress: 'rating.negative.progress',
    technical: 'rating.negative.technical',
    other: 'rating.other',
  },
};

/** The follow-up question of one side, with the model's five answers as radio buttons. */
function followUp(side: 'positive' | 'negative', name: string): HTMLFieldSetElement {
  return h(
    'fieldset',
    { 'data-element': `feedback-rating-${side}`, hidden: true, class: 'mt-3' },
    h('legend', { class: 'h5', 'data-element': 'feedback-rating-question' }, t(side === 'positive' ? 'rating.positiveQuestion' : 'rating.negativeQuestion')),
    RATING_ANSWERS.map((answer) => {
      const id = uniqueId('risposta');
      return h(
        'div',
        { class: 'form-check' },
        h('input', { class: 'form-check-input', type: 'radio', name, id, value: answer }),
        h('label', { class: 'form-check-label', for: id, 'data-element': 'feedback-rating-answer' }, t(ANSWER_KEYS[side][answer])),
      );
    }),
  );
}

/**
 * The Designers Italia rating component (`cmp-rating`, with the data-elements AGID's validator
 * reads): 1 to 5 stars; then what went well (from 4) or where it was hard (below), with the model's
 * answers; then a few words; sent anonymously.
 */
export function ratingCard(page: RatedPage): HTMLElement {
  const stars = uniqueId('stelle');
  const answers = uniqueId('risposte');
  const detailId = uniqueId('dettagli');
  const scale = h(
    'fieldset',
    { class: 'rating' },
    h('legend', { class: 'visually-hidden' }, t('rating.legend')),
    [5, 4, 3, 2, 1].map((value) => {
      const id = `${stars}-${value}`;
      return [
        h('input', { type: 'radio', id, name: stars, value: String(value) }),
        h(
          'label',
          { class: 'full rating-star', for: id, 'data-element': `feedback-rate-${value}` },
          icon('it-star-full', { className: 'icon-sm' }),
          h('span', { class: 'visually-hidden' }, value === 1 ? t('rating.starOne') : t('rating.star', { value })),
        ),
      ];
    }),
  );
  const positive = followUp('positive', answers);
  const negative = followUp('negative', answers);
  const detail = h('textarea', { id: detailId, class: 'form-control', rows: 3, maxlength: 200, 'data-element': 'feedback-input-text' });
  const more = h('div', { class: 'form-group mt-3', hidden: true }, h('label', { for: detailId, class: 'active' }, t('rating.detail')), detail);
  const send = h('button', { type: 'submit', class: 'btn btn-primary mt-3', hidden: true }, t('rating.send'));
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true }, scale, positive, negative, more, send, outcome);

  const chosenStars = () => Number(form.querySelector<HTMLInputElement>(`input[name="${stars}"]:checked`)?.value ?? 0);
  const chosenAnswer = () => form.querySelector<HTMLInputElement>(`input[name="${answers}"]:checked`)?.value as RatingAnswer | undefined;
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === stars) {
      const good = chosenStars() >= POSITIVE_FROM;
      positive.hidden = !good;
      negative.hidden = good;
      for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${answers}"]`)) input.checked = false;
      more.hidden = true;
      send.hidden = true;
    }
    if (target.name === answers) {
      more.hidden = false;
      send.hidden = false;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = chosenAnswer();
    if (!chosenStars() || !answer) return;
    try {
      const words = detail.value.trim();
      await whileBusy(send, t('forms.sending'), () => api.rate({ page, stars: chosenStars(), answer, ...(words ? { detail: words } : {}) }));
      replaceChildren(card, alertBox('success', h('p', { class: 'mb-0' }, t('rating.thanks'))));
    } catch (error) {
      replaceChildren(outcome, alertBox('danger', h('p', { class: 'mb-0' }, error instanceof Error ? error.message : String(error))));
    }
  });

  const card = h(
    'div',
    { class: 'card shadow card-wrapper mt-5', 'data-element': 'feedback' },
    h('div', { class: 'card-body' }, h('h2', { class: 'h4', 'data-element': 'feedback-title' }, t('rating.title')), form),
  );
  return card;
}
