import { startApp, type TestApp } from '../helpers/app';

interface Listing {
  data: { documentId: string; title: string }[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number; totalExact: boolean }; cursor: { next: string | null } };
}

const REPORTS = 10_050;
const DAY = 86_400_000;

/**
 * The archive's bounds at more reports than page numbers reach: totals of searches and date ranges
 * counted to 1,000 and said to be inexact beyond, page numbers up to the first 10,000 reports (the
 * page count capped there, so the last page offered exists), cursors beyond.
 */
describe('archive bounds, at 10,050 published reports', () => {
  let app: TestApp;
  const list = async (query: string): Promise<Listing> => (await app.http().get(`/api/segnalazioni/reports?${query}`).expect(200)).body as Listing;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    const knex = app.strapi.db.connection;
    const start = Date.UTC(2025, 0, 1);
    // SQLite takes at most 500 rows in one multi-row insert.
    for (let first = 0; first < REPORTS; first += 500) {
      await knex('segnalazioni_reports').insert(
        Array.from({ length: Math.min(500, REPORTS - first) }, (_, i) => {
          const n = first + i;
          // One report in three about a pothole, the others about rubbish: a search finds thousands.
          const title = n % 3 ? `Rifiuti abbandonati ${n}` : `Buca profonda ${n}`;
          return {
            document_id: `bound${String(n).padStart(19, '0')}`,
            reference: `B-${n}`,
            title,
            description: 'Descrizione.',
            public_title: title,
            public_text: 'Segnalazione di prova.',
            text_moderation: 'approved',
            channel: 'web',
            status: 'in_charge',
            is_public: true,
            submitted_at: new Date(start + Math.floor(n / 20) * DAY),
            published_on: new Date(start + Math.floor(n / 20) * DAY + 3_600_000),
            created_at: new Date(),
            updated_at: new Date(),
          };
        }),
      );
    }
    // Rows written straight into the tables pass no workflow: the projection is rebuilt, as `npm run archive:rebuild` would.
    await app.strapi.plugin('segnalazioni').service('archive-projection').rebuild();
  }, 600_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('counts a list exactly, from the kept counts, and caps the page count at the reach of page numbers', async () => {
    const { meta } = await list('pageSize=25');
    expect(meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 400, total: REPORTS, totalExact: true });
    const last = await list('page=400&pageSize=25');
    expect(last.data).toHaveLength(25);
    const beyond = await app.http().get('/api/segnalazioni/reports?page=401&pageSize=25').expect(400);
    expect(beyond.body.error.message).toContain('cursor');
  });

  it('goes on past the first 10,000 by cursor, to the oldest report, without repeats', async () => {
    const last = await list('page=400&pageSize=25');
    const seen = new Set(last.data.map((report) => report.documentId));
    let next = last.meta.cursor.next;
    let pages = 0;
    while (next) {
      const page = await list(`pageSize=25&cursor=${encodeURIComponent(next)}`);
      for (const report of page.data) {
        expect(seen.has(report.documentId)).toBe(false);
        seen.add(report.documentId);
      }
      next = page.meta.cursor.next;
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(seen.size).toBe(REPORTS - 9975);
    expect([...seen].pop()).toBe(`bound${'0'.repeat(19)}`);
  });

  it('counts a search and a date range up to 1,000, and says when there are more', async () => {
    const many = await list('q=buca');
    expect(many.meta.pagination).toMatchObject({ total: 1000, totalExact: false, pageCount: 40 });
    expect(many.data.every((report) => report.title.startsWith('Buca'))).toBe(true);
    // Twenty reports a day: 2 January 2025 to 11 February 2025 is 41 days, 820 reports, counted exactly.
    const range = await list('from=2025-01-02&to=2025-02-11');
    expect(range.meta.pagination).toMatchObject({ total: 820, totalExact: true });
    const wide = await list('from=2025-01-01&to=2026-12-31');
    expect(wide.meta.pagination).toMatchObject({ total: 1000, totalExact: false });
  });
});
