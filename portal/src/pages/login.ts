import { api, type Citizen } from '../api';
import { inputField, showFormError, whileBusy } from '../components/forms';
import { alertBox, pageLayout } from '../components/layout';
import { h } from '../dom';
import { startSession } from '../session';
import { BASE, navigate, type PageRenderer } from '../router';

/** Where to go after logging in: only a page of the portal, never another site. */
export function returnAddress(query: URLSearchParams): string {
  const back = query.get('ritorno') ?? '';
  return back.startsWith(`${BASE}/`) && !back.startsWith('//') ? back : `${BASE}/le-mie-segnalazioni`;
}

export const displayName = (citizen: Citizen) => [citizen.firstName, citizen.lastName].filter(Boolean).join(' ') || citizen.email;

export const loginPage: PageRenderer = ({ query }) => {
  const email = inputField({ name: 'identifier', label: 'Email', type: 'email', autocomplete: 'email', required: true });
  const password = inputField({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Accedi');
  const form = h('form', { novalidate: true, class: 'mt-4' }, errors, email.group, password.group, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { jwt, user } = await whileBusy(submit, 'Accesso in corso…', () => api.login(email.control.value.trim(), password.control.value));
      startSession({ jwt, email: user.email, name: displayName(user) });
      navigate(returnAddress(query), { replace: true });
    } catch (error) {
      showFormError(form, errors, error, 'Accesso non riuscito');
    }
  });

  const confirmed = query.get('confermato') === '1';
  const needed = query.has('ritorno');
  return {
    title: 'Accedi',
    content: pageLayout(
      { title: 'Accedi allo Sportello Segnalazioni', lead: 'Accedi con l’email e la password che hai scelto registrandoti.' },
      confirmed ? alertBox('success', h('strong', {}, 'Indirizzo email confermato.'), ' Ora puoi accedere.') : null,
      needed && !confirmed ? alertBox('info', 'Per continuare accedi con il tuo account.') : null,
      h('div', { class: 'row' }, h('div', { class: 'col-md-8 col-lg-6' }, form)),
      h('p', { class: 'mt-4' }, 'Non hai un account? ', h('a', { href: `${BASE}/registrazione` }, 'Registrati')),
    ),
  };
};
