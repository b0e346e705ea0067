import { personalDataIn } from './personal-data';

describe('personal data in a text about to be public', () => {
  it.each([
    ['Scriva a mario.rossi@example.it per i dettagli.', ['email']],
    ['Chiamare il 347 123 4567 dopo le 18.', ['phone']],
    ['Tel. +39 015.350.7123', ['phone']],
    ['Il numero è 0039 3471234567.', ['phone']],
    ['Auto AB 123 CD parcheggiata sul marciapiede.', ['plate']],
    ['La moto XY12345 è sempre lì.', ['plate']],
    ['Il proprietario, RSSMRA80A01L750X, è stato avvisato.', ['taxCode']],
    ['Rimborso su IT60 X054 2811 1010 0000 0123 456.', ['iban']],
    ['mario@example.it, 3471234567, AB123CD', ['email', 'phone', 'plate']],
  ])('finds what %s holds', (text, kinds) => {
    expect(personalDataIn(text)).toEqual(kinds);
  });

  it.each([
    'La buca sarà chiusa entro il 12/12/2026, lavori dalle 8 alle 17.',
    'Intervento n. 2026/000042 previsto in via Italia 12.',
    'Sono stati posati 120 metri di asfalto e 3 tombini.',
    'Protocollo 2026/001234, riferimento K7QM-3XPA.',
    '',
  ])('leaves an ordinary office answer alone: %s', (text) => {
    expect(personalDataIn(text)).toEqual([]);
  });
});
