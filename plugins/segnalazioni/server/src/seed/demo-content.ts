/** Demo content for `npm run demo`: a citizen and reports a newcomer can click through. */

export const DEMO_CITIZEN = {
  username: 'mario.rossi',
  email: 'mario.rossi@example.it',
  password: 'Segnala2026!',
  firstName: 'Mario',
  lastName: 'Rossi',
} as const;

/** Staff accounts of the demo: an URP super admin and an officer of the roads office. */
export const DEMO_ADMIN = {
  email: 'admin@comune.example.it',
  password: 'Sportello2026!',
  firstname: 'Paola',
  lastname: 'Ferri',
} as const;

export const DEMO_OFFICER = {
  email: 'strade@comune.example.it',
  password: 'Ufficio2026!',
  firstname: 'Luca',
  lastname: 'Sala',
} as const;

export const DEMO_OFFICE = {
  name: 'Ufficio Strade e Segnaletica',
  emails: 'strade@comune.example.it',
  contactPhone: '0123 456789',
  contactEmail: 'strade@comune.example.it',
  categories: ['dissesto-stradale', 'segnaletica'],
} as const;

/** What the demo does to a report after submission, through the workflow, as its office would. */
export type DemoStep = { action: string; input?: Record<string, unknown> };

export interface DemoReport {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly address: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Colours of the generated demo photos, one photo each. */
  readonly photos: readonly string[];
  readonly steps: readonly DemoStep[];
}

export const DEMO_REPORTS: readonly DemoReport[] = [
  {
    title: 'Buca profonda in via Italia',
    description: 'Davanti al civico 14 si è aperta una buca di circa mezzo metro: le biciclette ci finiscono dentro e di sera non si vede.',
    category: 'dissesto-stradale',
    address: 'Via Italia 14, Biella',
    latitude: 45.5663,
    longitude: 8.0531,
    photos: ['#5b5b5b', '#7a6a58'],
    steps: [
      { action: 'take_in_charge' },
      {
        action: 'moderate_text',
        input: {
          decision: 'approve',
          publicText: 'Davanti al civico 14 di via Italia si è aperta una buca di circa mezzo metro, pericolosa per le biciclette.',
        },
      },
      { action: 'moderate_photo', input: { photo: 0, decision: 'approve' } },
      { action: 'publish' },
      {
        action: 'reply',
        input: { kind: 'feasibility', body: 'La squadra manutenzione strade interverrà entro dieci giorni con un rappezzo a caldo.', public: true },
      },
    ],
  },
  {
    title: 'Cassonetti pieni in piazza Martiri',
    description: 'I cassonetti della carta sono pieni da tre giorni e i sacchi sono lasciati a terra, il vento li sparge nella piazza.',
    category: 'rifiuti',
    address: 'Piazza Martiri della Libertà, Biella',
    latitude: 45.5631,
    longitude: 8.0547,
    photos: ['#2f6f3e'],
    steps: [],
  },
  {
    title: 'Manifesti abusivi sul muro della scuola',
    description: 'Sul muro esterno della scuola elementare sono stati incollati manifesti pubblicitari fuori dagli spazi consentiti.',
    category: 'affissioni-abusive',
    address: 'Via Lamarmora 6, Biella',
    latitude: 45.5655,
    longitude: 8.0489,
    photos: [],
    steps: [
      { action: 'reject', input: { body: 'Il muro è di proprietà privata: abbiamo segnalato la cosa alla Polizia Locale per le verifiche sulle affissioni.' } },
    ],
  },
  {
    title: 'Grazie per il nuovo parco giochi',
    description: 'Il parco giochi dei giardini Zumaglini è stato rifatto benissimo: i bambini lo adorano. Grazie a chi ci ha lavorato!',
    category: 'mi-piace',
    address: 'Giardini Zumaglini, Biella',
    latitude: 45.5645,
    longitude: 8.0571,
    photos: ['#d9a441'],
    steps: [
      { action: 'take_in_charge' },
      { action: 'moderate_text', input: { decision: 'approve' } },
      { action: 'moderate_photo', input: { photo: 0, decision: 'approve' } },
      { action: 'publish' },
      { action: 'close', input: { body: 'Grazie! Lo giriamo ai giardinieri comunali, che ne saranno felici.', public: true } },
    ],
  },
  {
    title: 'Cartello di stop piegato',
    description: "All'incrocio tra via Rosselli e via Torino il cartello di stop è piegato verso il basso e da via Torino non si vede.",
    category: 'segnaletica',
    address: 'Via Rosselli angolo via Torino, Biella',
    latitude: 45.5689,
    longitude: 8.0412,
    photos: ['#8a2b2b', '#44546a'],
    steps: [],
  },
];

/** A citizen who wrote on WhatsApp: a text, then their position; one report waiting for triage. */
export const DEMO_WHATSAPP = {
  number: '393471234567',
  name: 'Franca Gialli',
  text: 'Lampione spento da una settimana in via Gramsci, di sera il marciapiede è completamente al buio.',
  place: { latitude: 45.561, longitude: 8.059, address: 'Via Gramsci 20, Biella' },
} as const;

/** A phone call the URP filed at the desk, with no category yet: it waits in 'Da smistare'. */
export const DEMO_DESK_CALL = {
  title: 'Albero pericolante in via Lamarmora',
  description: 'Telefonata: un ramo grosso pende sopra il marciapiede davanti al civico 3 e si muove con il vento.',
  address: 'Via Lamarmora 3, Biella',
  latitude: 45.5652,
  longitude: 8.0497,
  contactName: 'Giovanni Bianchi',
  contactPhone: '0153511234',
} as const;
