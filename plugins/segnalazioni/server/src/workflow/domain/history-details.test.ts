import { describeDetails } from './history-details';

describe('a history entry’s details, as an officer reads them', () => {
  it('says decisions, kinds, visibility and places in words, in both languages', () => {
    expect(describeDetails('moderate_text', { decision: 'approve', redacted: true, position: 'rounded', reason: null }, 'it')).toEqual([
      'testo approvato',
      'testo pubblico modificato',
      'posizione pubblica arrotondata a circa 50 m',
    ]);
    expect(describeDetails('moderate_photo', { photo: 'k3j9x2m4n5p6q7r8s9t0u1v2', decision: 'reject', reason: 'Si vede una targa.' }, 'it')).toEqual([
      'foto rifiutata',
      'motivo: Si vede una targa.',
    ]);
    expect(describeDetails('reply', { kind: 'feasibility', public: false, citizenNotice: 'email' }, 'it')).toEqual([
      'fattibilità',
      'riservata',
      'cittadino avvisato per email',
    ]);
    expect(describeDetails('reply', { kind: 'progress', public: true, citizenNotice: 'whatsapp' }, 'en')).toEqual([
      'progress update',
      'public',
      'citizen told on WhatsApp',
    ]);
  });

  it('names offices, categories, protocol numbers, duplicates, edits and relayed comments', () => {
    expect(
      describeDetails(
        'reassign',
        { fromOffice: 'Ufficio Strade', toOffice: 'Ufficio Verde', fromCategory: 'Dissesto', toCategory: 'Zone verdi', note: null },
        'it',
      ),
    ).toEqual(['da Ufficio Strade a Ufficio Verde', 'categoria Zone verdi']);
    expect(describeDetails('take_in_charge', { protocolNumber: '2026/000012', citizenNotice: 'none' }, 'it')).toEqual([
      'protocollo 2026/000012',
      'cittadino senza recapito: non avvisato',
    ]);
    expect(describeDetails('mark_duplicate', { original: 'K7QM-3XPA' }, 'it')).toEqual(['duplicato di K7QM-3XPA']);
    expect(describeDetails('reopen', { reason: 'Era all’incrocio.', wasDuplicateOf: 'K7QM-3XPA' }, 'it')).toEqual([
      'non più duplicato di K7QM-3XPA',
      'motivo: Era all’incrocio.',
    ]);
    expect(
      describeDetails('edit', { changes: [{ field: 'title' }, { field: 'latitude' }, { field: 'longitude' }], photosRemoved: [], photosAdded: 2 }, 'it'),
    ).toEqual(['modificati: titolo, posizione', '2 foto aggiunte']);
    expect(describeDetails('comment', { note: 'Ancora rotto.', client: 'FixMyStreet', clientUpdateId: '77', statusHint: 'FIXED' }, 'it')).toEqual([
      'da FixMyStreet',
      'stato indicato: risolta',
      'nota: Ancora rotto.',
    ]);
    expect(describeDetails('comment', { statusHint: 'IN_PROGRESS' }, 'en')).toEqual(['state given: in progress']);
  });

  it('shows nothing raw: unknown keys and odd values say nothing', () => {
    expect(describeDetails('publish', { decision: 'maybe', position: 'blurred', citizenNotice: 'pigeon', secret: 'x', public: 'yes' }, 'it')).toEqual([]);
  });
});
