/** Demo content for `npm run demo`: a citizen and reports a newcomer can click through. */

export const DEMO_CITIZEN = {
  username: 'mario.rossi',
  email: 'mario.rossi@example.it',
  password: 'Segnala2026!',
  firstName: 'Mario',
  lastName: 'Rossi',
} as const;

export interface DemoReport {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly address: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Colours of the generated demo photos, one photo each. */
  readonly photos: readonly string[];
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
  },
  {
    title: 'Cassonetti pieni in piazza Martiri',
    description: 'I cassonetti della carta sono pieni da tre giorni e i sacchi sono lasciati a terra, il vento li sparge nella piazza.',
    category: 'rifiuti',
    address: 'Piazza Martiri della Libertà, Biella',
    latitude: 45.5631,
    longitude: 8.0547,
    photos: ['#2f6f3e'],
  },
  {
    title: 'Manifesti abusivi sul muro della scuola',
    description: 'Sul muro esterno della scuola elementare sono stati incollati manifesti pubblicitari fuori dagli spazi consentiti.',
    category: 'affissioni-abusive',
    address: 'Via Lamarmora 6, Biella',
    latitude: 45.5655,
    longitude: 8.0489,
    photos: [],
  },
  {
    title: 'Grazie per il nuovo parco giochi',
    description: 'Il parco giochi dei giardini Zumaglini è stato rifatto benissimo: i bambini lo adorano. Grazie a chi ci ha lavorato!',
    category: 'mi-piace',
    address: 'Giardini Zumaglini, Biella',
    latitude: 45.5645,
    longitude: 8.0571,
    photos: ['#d9a441'],
  },
];
