/** The categories of the seed document, created on first boot and owned by URP until reassigned. */
export interface DefaultCategory {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
}

export const DEFAULT_OFFICE_NAME = 'URP - Ufficio Relazioni con il Pubblico';

export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    name: 'Affissioni abusive',
    slug: 'affissioni-abusive',
    description: 'Manifesti, volantini e cartelloni affissi fuori dagli spazi autorizzati.',
  },
  {
    name: 'Dissesto stradale',
    slug: 'dissesto-stradale',
    description: 'Buche, avvallamenti, marciapiedi danneggiati e altri pericoli sulla strada.',
  },
  {
    name: 'Mi piace',
    slug: 'mi-piace',
    description: "Apprezzamenti per un servizio, un luogo o un intervento dell'amministrazione.",
  },
  {
    name: 'Parcheggi',
    slug: 'parcheggi',
    description: 'Sosta irregolare, stalli danneggiati, parcheggi per persone con disabilità occupati.',
  },
  {
    name: 'Rifiuti',
    slug: 'rifiuti',
    description: 'Cassonetti pieni o danneggiati, abbandono di rifiuti, raccolta non effettuata.',
  },
  {
    name: 'Segnaletica',
    slug: 'segnaletica',
    description: 'Cartelli stradali mancanti, danneggiati o illeggibili, strisce da ripassare.',
  },
  {
    name: 'Vandalismo/Incuria',
    slug: 'vandalismo-incuria',
    description: 'Danni a beni pubblici, scritte sui muri, arredo urbano trascurato.',
  },
  {
    name: 'Zone verdi',
    slug: 'zone-verdi',
    description: 'Parchi, giardini, aiuole e alberature: manutenzione, potature, giochi danneggiati.',
  },
];
