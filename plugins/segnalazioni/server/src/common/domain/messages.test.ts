import { decide } from '../../workflow/domain/lifecycle';
import { describeRefusal, preferredLocale, toLocale } from './messages';

function refusal(...args: Parameters<typeof decide>) {
  const decision = decide(...args);
  if (decision.allowed) throw new Error('expected a refusal');
  return decision;
}

describe('refusal messages', () => {
  it('speak Italian by default and name the action and the state', () => {
    expect(describeRefusal(refusal('close', { status: 'submitted' }, 'officer'))).toBe(
      'Azione non consentita: chiusura di una segnalazione nello stato "Inviata".',
    );
  });

  it('speak English when asked', () => {
    expect(describeRefusal(refusal('reopen', { status: 'in_progress' }, 'officer'), 'en')).toBe('Not allowed: reopening of a report in state "In progress".');
  });

  it('explain an unmet condition', () => {
    expect(describeRefusal(refusal('publish', { status: 'in_charge', textModeration: 'pending' }, 'officer'))).toBe(
      'Azione non consentita (pubblicazione): il testo deve prima essere approvato.',
    );
  });

  it('read the locale from an Accept-Language value', () => {
    expect(toLocale('en-GB,en;q=0.9')).toBe('en');
    expect(toLocale('it-IT')).toBe('it');
    expect(toLocale('de')).toBe('it');
    expect(toLocale(undefined)).toBe('it');
  });

  it("reads a citizen's mails in their account's language, and Italian without an account", () => {
    expect(preferredLocale({ language: 'en' })).toBe('en');
    expect(preferredLocale({ language: 'it' })).toBe('it');
    expect(preferredLocale({ language: null })).toBe('it');
    expect(preferredLocale({})).toBe('it');
    expect(preferredLocale(null)).toBe('it');
    expect(preferredLocale(undefined)).toBe('it');
  });
});
