import { toLocale } from '../../../plugins/segnalazioni/server/src/common/domain/messages';
import { api, type Citizen } from '../api';
import { inputField, showFormError, whileBusy } from '../components/forms';
import { alertBox, pageLayout } from '../components/layout';
import { h } from '../dom';
import { startSession } from '../session';
import { BASE, navigate, type PageRenderer } from '../router';
import { setLocale, t } from '../i18n';

/** Where to go after logging in: only a page of the portal, never another site. */
export function returnAddress(query: URLSearchParams): string {
  const back = query.get('ritorno') ?? '';
  return back.startsWith(`${BASE}/`) && !back.startsWith('//') ? back : `${BASE}/le-mie-segnalazioni`;
}

export const displayName = (citizen: Citizen) => [citizen.firstName, citizen.lastName].filter(Boolean).join(' ') || citizen.email;

export const loginPage: PageRenderer = ({ query }) => {
  const email = inputField({ name: 'identifier', label: t('field.email'), type: 'email', autocomplete: 'email', required: true });
  const password = inputField({ name: 'password', label: t('field.password'), type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('login.title'));
  const form = h('form', { novalidate: true, class: 'mt-4' }, errors, email.group, password.group, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { jwt, user } = await whileBusy(submit, t('login.busy'), () => api.login(email.control.value.trim(), password.control.value));
      // Once logged in, the portal speaks the account's language, the one of its mails. Set before
      // the session starts, so the switch has nothing to tell the server.
      if (user.language) setLocale(toLocale(user.language));
      startSession({ jwt, email: user.email, name: displayName(user) });
      navigate(returnAddress(query), { replace: true });
    } catch (error) {
      showFormError(form, errors, error, t('login.failed'));
    }
  });

  const confirmed = query.get('confermato') === '1';
  const reset = query.get('reimpostata') === '1';
  const needed = query.has('ritorno');
  return {
    title: t('login.title'),
    content: pageLayout(
      { title: t('login.heading'), lead: t('login.lead') },
      confirmed ? alertBox('success', h('strong', {}, t('login.confirmed')), ` ${t('login.confirmedNext')}`) : null,
      reset ? alertBox('success', h('strong', {}, t('login.passwordReset')), ` ${t('login.confirmedNext')}`) : null,
      needed && !confirmed ? alertBox('info', t('login.needed')) : null,
      h('div', { class: 'row' }, h('div', { class: 'col-md-8 col-lg-6' }, form)),
      h('p', { class: 'mt-3' }, h('a', { href: `${BASE}/password-dimenticata` }, t('login.forgotPassword'))),
      h('p', { class: 'mt-4' }, `${t('login.noAccount')} `, h('a', { href: `${BASE}/registrazione` }, t('register.title'))),
    ),
  };
};
