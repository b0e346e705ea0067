import { isLongEnoughPassword } from '../../../plugins/segnalazioni/server/src/accounts/domain/password';
import { api } from '../api';
import { inputField, showFormError, showProblems, whileBusy } from '../components/forms';
import { alertBox, pageLayout } from '../components/layout';
import { h } from '../dom';
import { BASE, navigate, type PageRenderer } from '../router';
import { t } from '../i18n';

/**
 * Where the reset mail's link lands (`?code=…`): the citizen chooses a new password, then logs in
 * with it. Every session opened with the old password has ended on the server.
 */
export const resetPasswordPage: PageRenderer = ({ query }) => {
  const code = query.get('code') ?? '';
  const askAgain = h('p', { class: 'mt-4' }, `${t('reset.expiredHint')} `, h('a', { href: `${BASE}/password-dimenticata` }, t('reset.askAgain')));
  if (!code) {
    return {
      title: t('reset.title'),
      content: pageLayout({ title: t('reset.title') }, alertBox('warning', t('reset.noCode')), askAgain),
    };
  }

  const password = inputField({
    name: 'password',
    label: t('reset.newPassword'),
    type: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
    hint: t('register.passwordHint'),
  });
  const repeat = inputField({ name: 'passwordConfirmation', label: t('reset.repeatPassword'), type: 'password', autocomplete: 'new-password', required: true });
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('reset.submit'));
  const form = h('form', { novalidate: true, class: 'mt-4' }, errors, password.group, repeat.group, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = password.control.value;
    const problems = [
      !isLongEnoughPassword(chosen) && { field: 'password', message: t('register.shortPassword') },
      chosen !== repeat.control.value && { field: 'passwordConfirmation', message: t('reset.mismatch') },
    ].filter((problem): problem is { field: string; message: string } => Boolean(problem));
    if (problems.length > 0) {
      showProblems(form, errors, problems);
      return;
    }
    try {
      await whileBusy(submit, t('reset.busy'), () => api.resetPassword(code, chosen));
      navigate(`${BASE}/accesso?reimpostata=1`, { replace: true });
    } catch (error) {
      showFormError(form, errors, error, t('reset.failed'));
    }
  });

  return {
    title: t('reset.title'),
    content: pageLayout(
      { title: t('reset.title'), lead: t('reset.lead') },
      h('div', { class: 'row' }, h('div', { class: 'col-md-8 col-lg-6' }, form)),
      askAgain,
    ),
  };
};
