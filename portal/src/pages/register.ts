import { api } from '../api';
import { inputField, showFormError, showProblems, whileBusy } from '../components/forms';
import { alertBox, liveRegion, pageLayout } from '../components/layout';
import { h, replaceChildren } from '../dom';
import { BASE, type PageRenderer } from '../router';

/** Sends the confirmation mail again, for an address typed here or just registered. */
function resendForm(email = ''): HTMLFormElement {
  const address = inputField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, value: email });
  const outcome = liveRegion();
  const submit = h('button', { type: 'submit', class: 'btn btn-outline-primary' }, 'Invia di nuovo l’email di conferma');
  const form = h('form', { novalidate: true }, outcome, email ? null : address.group, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await whileBusy(submit, 'Invio in corso…', () => api.resendConfirmation(address.control.value.trim()));
      replaceChildren(outcome, alertBox('success', `Ti abbiamo inviato di nuovo l’email di conferma a ${address.control.value.trim()}.`));
    } catch (error) {
      showFormError(form, outcome, error, 'Invio non riuscito');
    }
  });
  return form;
}

function checkYourMail(email: string): HTMLElement {
  return h(
    'div',
    // Takes focus in place of the form it replaces.
    { tabindex: '-1' },
    alertBox(
      'success',
      h('p', { class: 'fw-semibold mb-1' }, 'Registrazione avvenuta: controlla la tua posta.'),
      h('p', { class: 'mb-0' }, `Ti abbiamo inviato un’email a ${email}. Apri il collegamento che contiene per confermare l’indirizzo, poi accedi.`),
    ),
    h('p', {}, 'Non trovi l’email? Controlla anche nella posta indesiderata, oppure:'),
    resendForm(email),
  );
}

export const registerPage: PageRenderer = () => {
  const firstName = inputField({ name: 'firstName', label: 'Nome', autocomplete: 'given-name', required: true });
  const lastName = inputField({ name: 'lastName', label: 'Cognome', autocomplete: 'family-name', required: true });
  const email = inputField({ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, hint: 'Ti scriveremo qui a ogni passo delle tue segnalazioni.' });
  const password = inputField({
    name: 'password',
    label: 'Password',
    type: 'password',
    autocomplete: 'new-password',
    required: true,
    minlength: 8,
    hint: 'Almeno 8 caratteri.',
  });
  const errors = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Registrati');
  const form = h(
    'form',
    { novalidate: true, class: 'mt-4' },
    errors,
    h('div', { class: 'row' }, h('div', { class: 'col-md-6' }, firstName.group), h('div', { class: 'col-md-6' }, lastName.group)),
    email.group,
    password.group,
    submit,
  );
  const area = h('div', { class: 'col-md-10 col-lg-8' }, form);
  const resendSection = h(
    'section',
    { 'aria-labelledby': 'titolo-conferma', class: 'mt-5' },
    h('h2', { id: 'titolo-conferma', class: 'h5' }, 'Non hai ricevuto l’email di conferma?'),
    h('div', { class: 'row' }, h('div', { class: 'col-md-8 col-lg-6' }, resendForm())),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = {
      firstName: firstName.control.value.trim(),
      lastName: lastName.control.value.trim(),
      email: email.control.value.trim(),
      password: password.control.value,
    };
    const missing = [
      !input.firstName && { field: 'firstName', message: 'Nome: indica il tuo nome.' },
      !input.lastName && { field: 'lastName', message: 'Cognome: indica il tuo cognome.' },
      !email.control.checkValidity() || !input.email ? { field: 'email', message: 'Email: indica un indirizzo email valido.' } : false,
      input.password.length < 8 && { field: 'password', message: 'Password: almeno 8 caratteri.' },
    ].filter((problem): problem is { field: string; message: string } => Boolean(problem));
    if (missing.length > 0) {
      showProblems(form, errors, missing);
      return;
    }
    try {
      await whileBusy(submit, 'Registrazione in corso…', () => api.register(input));
      const done = checkYourMail(input.email);
      replaceChildren(area, done);
      resendSection.remove();
      done.focus();
    } catch (error) {
      showFormError(form, errors, error, 'Registrazione non riuscita');
    }
  });

  return {
    title: 'Registrati',
    content: pageLayout(
      { title: 'Registrati', lead: 'Con un account puoi inviare segnalazioni al Comune e seguirle fino alla risposta.' },
      h('div', { class: 'row' }, area),
      h('p', { class: 'mt-4' }, 'Hai già un account? ', h('a', { href: `${BASE}/accesso` }, 'Accedi')),
      resendSection,
    ),
  };
};
