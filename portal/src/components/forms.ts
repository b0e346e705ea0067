import { ApiError, LoginRequired, type FieldProblem } from '../api';
import { redirectToLogin } from '../router';
import { h, replaceChildren, uniqueId, type Child } from '../dom';
import { t } from '../i18n';

/**
 * Form fields in Bootstrap Italia's markup, every one with its visible label, an optional hint and
 * a slot for the server's message about it — all tied to the control with `for` and
 * `aria-describedby`, so a screen reader reads label, hint and error together.
 */

interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function describe(control: Control, hint: HTMLElement | null, error: HTMLElement): void {
  control.setAttribute('aria-describedby', [hint?.id, error.id].filter(Boolean).join(' '));
  control.dataset.errorSlot = error.id;
}

function parts({ name, label, hint, required }: FieldOptions) {
  const id = uniqueId(`campo-${name}`);
  const labelElement = h('label', { for: id, class: 'active' }, label, required ? h('span', { 'aria-hidden': 'true' }, ' *') : null);
  const hintElement = hint ? h('small', { id: `${id}-aiuto`, class: 'form-text' }, hint) : null;
  const error = h('div', { id: `${id}-errore`, class: 'invalid-feedback' });
  return { id, labelElement, hintElement, error };
}

export interface InputOptions extends FieldOptions {
  readonly type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'file';
  readonly value?: string;
  readonly autocomplete?: string;
  readonly minlength?: number;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly accept?: string;
  readonly multiple?: boolean;
}

export function inputField(options: InputOptions): { readonly group: HTMLElement; readonly control: HTMLInputElement | HTMLTextAreaElement } {
  const { id, labelElement, hintElement, error } = parts(options);
  const common = { id, name: options.name, required: options.required ?? false, 'aria-required': options.required ? 'true' : null };
  const control = options.multiline
    ? h('textarea', { ...common, class: 'form-control', rows: options.rows ?? 6 })
    : h('input', {
        ...common,
        type: options.type ?? 'text',
        class: options.type === 'file' ? 'form-control-file' : 'form-control',
        autocomplete: options.autocomplete,
        minlength: options.minlength,
        accept: options.accept,
        multiple: options.multiple ?? false,
      });
  if (options.value !== undefined) control.value = options.value;
  describe(control, hintElement, error);
  return { group: h('div', { class: 'form-group' }, labelElement, control, hintElement, error), control };
}

export function selectField(
  options: FieldOptions & { readonly choices: readonly { readonly value: string; readonly label: string }[]; readonly value?: string },
): { readonly group: HTMLElement; readonly control: HTMLSelectElement } {
  const { id, labelElement, hintElement, error } = parts(options);
  const control = h(
    'select',
    { id, name: options.name, required: options.required ?? false, 'aria-required': options.required ? 'true' : null },
    options.choices.map((choice) => h('option', { value: choice.value, selected: choice.value === (options.value ?? '') }, choice.label)),
  );
  describe(control, hintElement, error);
  return { group: h('div', { class: 'select-wrapper mb-4' }, labelElement, control, hintElement, error), control };
}

export function checkboxField(options: FieldOptions & { readonly checked?: boolean }): { readonly group: HTMLElement; readonly control: HTMLInputElement } {
  const { id, hintElement, error } = parts(options);
  const control = h('input', { id, name: options.name, type: 'checkbox', required: options.required ?? false, checked: options.checked ?? false });
  describe(control, hintElement, error);
  return { group: h('div', { class: 'form-check mb-3' }, control, h('label', { for: id }, options.label), hintElement, error), control };
}

const controlsOf = (form: HTMLElement) => Array.from(form.querySelectorAll<Control>('input, textarea, select'));

export function clearFieldErrors(form: HTMLElement): void {
  for (const control of controlsOf(form)) {
    control.classList.remove('is-invalid');
    control.removeAttribute('aria-invalid');
    const slot = control.dataset.errorSlot ? document.getElementById(control.dataset.errorSlot) : null;
    if (slot) replaceChildren(slot);
  }
}

function showFieldErrors(form: HTMLElement, problems: readonly FieldProblem[]): void {
  clearFieldErrors(form);
  for (const problem of problems) {
    const control = problem.field ? form.querySelector<Control>(`[name="${CSS.escape(problem.field)}"]`) : null;
    const slot = control?.dataset.errorSlot ? document.getElementById(control.dataset.errorSlot) : null;
    if (!control || !slot) continue;
    control.classList.add('is-invalid');
    control.setAttribute('aria-invalid', 'true');
    slot.append(h('span', { class: 'd-block' }, problem.message));
  }
}

/**
 * Shows what is wrong: each message under its field, and all of them in a summary at the top of
 * the form, which takes focus so it is read at once.
 */
export function showProblems(form: HTMLElement, summarySlot: HTMLElement, problems: readonly FieldProblem[], title = t('forms.checkTitle')): void {
  showFieldErrors(form, problems);
  const summary = h(
    'div',
    { class: 'alert alert-danger', role: 'alert', tabindex: '-1' },
    h('p', { class: 'fw-semibold mb-1' }, title),
    h(
      'ul',
      { class: 'mb-0' },
      problems.map((problem) => h('li', {}, problem.message)),
    ),
  );
  replaceChildren(summarySlot, summary);
  summary.focus();
}

/** What the server refused, shown as above; an ended session goes to the login instead. */
export function showFormError(form: HTMLElement, summarySlot: HTMLElement, error: unknown, title?: string): void {
  if (error instanceof LoginRequired) return redirectToLogin();
  const problems = error instanceof ApiError ? error.problems : [{ field: '', message: t('forms.unexpected') }];
  showProblems(form, summarySlot, problems, title);
}

/** A submit button that says what it is doing while the request runs, and cannot be pressed twice. */
export async function whileBusy<T>(button: HTMLButtonElement, busyLabel: Child, work: () => Promise<T>): Promise<T> {
  const idle = Array.from(button.childNodes);
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  replaceChildren(button, busyLabel);
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    replaceChildren(button, idle);
  }
}
