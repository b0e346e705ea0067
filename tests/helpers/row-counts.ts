import type { TestApp } from './app';

type Uid = Parameters<TestApp['strapi']['db']['query']>[0];

/** Everything a report's submission can write; a refused request leaves each count as it was. */
export const REPORT_WRITES: readonly Uid[] = [
  'plugin::segnalazioni.report',
  'plugin::segnalazioni.photo',
  'plugin::segnalazioni.history-entry',
  'plugin::segnalazioni.notification',
  'plugin::upload.file',
];

/** The number of rows of each content type, in the order given. */
export const countRows = (app: TestApp, uids: readonly Uid[] = REPORT_WRITES): Promise<number[]> =>
  Promise.all(uids.map((uid) => app.strapi.db.query(uid).count({})));
