import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, publishThroughPanel, type TestStaff } from '../helpers/staff';

interface Listed {
  documentId: string;
  title: string;
  status: string;
  category: { slug: string } | null;
  replies: { body: string }[];
}
interface Listing {
  data: Listed[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number; totalExact: boolean }; cursor: { next: string | null } };
}

/**
 * The archive is served from its projection, which the workflow keeps: pages by cursor at any
 * depth, totals from kept counts, every step that changes what the public sees shown at once, and a
 * rebuild from the reports that gives back exactly what the workflow kept.
 */
describe('archive read model', () => {
  let app: TestApp;
  let officer: TestStaff;
  let citizen: Awaited<ReturnType<typeof createCitizen>>;
  const published: string[] = [];
  const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
  const list = async (query: string): Promise<Listing> => (await app.http().get(`/api/segnalazioni/reports?${query}`).expect(200)).body as Listing;
  const submit = async (title: string, category = 'rifiuti') =>
    (
      await app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({ citizen, input: { title, description: `${title}: descrizione del problema.`, category }, files: [] })
    ).documentId as string;
  /** Every page of a query, following the cursors. */
  async function follow(query: string): Promise<{ ids: string[]; pages: number[] }> {
    const ids: string[] = [];
    const pages: number[] = [];
    let next: string | null = null;
    do {
      const page: Listing = await list(next ? `${query}&cursor=${encodeURIComponent(next)}` : query);
      ids.push(...page.data.map((report) => report.documentId));
      pages.push(page.meta.pagination.page);
      next = page.meta.cursor.next;
    } while (next);
    return { ids, pages };
  }
  const projection = async () =>
    (
      await app.strapi.db
        .connection('segnalazioni_archive_reports as a')
        .join('segnalazioni_archive_views as v', 'v.report_id', 'a.report_id')
        .select('a.report_id', 'a.document_id', 'a.category_id', 'a.status', 'a.published_ms', 'v.view')
        .orderBy('a.report_id')
    ).map((row: Record<string, unknown>) => ({ ...row, published_ms: Number(row.published_ms), view: JSON.parse(String(row.view)) }));
  const counts = async () =>
    (
      await app.strapi.db
        .connection('segnalazioni_archive_counts')
        .select('category_id', 'status', 'reports')
        .where('reports', '>', 0)
        .orderBy(['category_id', 'status'])
    ).map((row: Record<string, unknown>) => ({ ...row, reports: Number(row.reports) }));

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    officer = await createStaff(app, 'lia.neri@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [officer.id], ['rifiuti', 'zone-verdi']);
    citizen = await createCitizen(app, 'ada.bruno@example.it');
    for (const title of [
      'Sacchi in via Roma',
      'Cassonetto rotto',
      'Vetri in piazza',
      'Cartacce al parco',
      'Materasso abbandonato',
      'Olio esausto',
      'Cestino pieno',
    ]) {
      const id = await submit(title);
      await publishThroughPanel(app, officer, id);
      published.push(id);
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('pages by cursor, newest and oldest first, without gaps or repeats', async () => {
    const all = (await list('pageSize=100')).data.map((report) => report.documentId);
    expect(all).toEqual([...published].reverse());
    const newest = await follow('pageSize=3');
    expect(newest).toEqual({ ids: all, pages: [1, 2, 3] });
    expect((await follow('pageSize=3&sort=oldest')).ids).toEqual([...all].reverse());
    expect((await follow('pageSize=2&category=rifiuti&q=descrizione&sort=newest')).ids).toEqual(all);
    // Page numbers and cursors agree.
    expect((await list('pageSize=3&page=2')).data).toEqual((await list(`pageSize=3&cursor=${(await list('pageSize=3')).meta.cursor.next}`)).data);
  });

  it('keeps its place while reports are published in between', async () => {
    const first = await list('pageSize=3');
    const second = (await list(`pageSize=3&cursor=${first.meta.cursor.next}`)).data.map((report) => report.documentId);
    const fresh = await submit('Rifiuti ingombranti');
    await publishThroughPanel(app, officer, fresh);
    published.push(fresh);
    expect((await list('pageSize=3')).data[0].documentId).toBe(fresh);
    expect((await list(`pageSize=3&cursor=${first.meta.cursor.next}`)).data.map((report) => report.documentId)).toEqual(second);
  });

  it('refuses a cursor it did not give, or one that does not fit the query, in Strapi’s error format', async () => {
    const { next } = (await list('pageSize=3')).meta.cursor;
    const cases: [string, RegExp][] = [
      ['cursor=abc', /^cursor: non valido/],
      [`cursor=${'A'.repeat(65)}`, /^cursor: non valido/],
      [`cursor=${Buffer.from('n.1.2.1').toString('base64url')}`, /^cursor: non valido/],
      [`cursor=${next}&sort=oldest`, /^cursor: vale per sort=newest, non per sort=oldest/],
      [`cursor=${next}&q=sacchi&sort=relevance`, /^cursor: vale per sort=newest, non per sort=relevance/],
      [`cursor=${next}&page=2`, /^page e cursor non vanno insieme/],
      ['page=401&pageSize=25', /^page: i numeri di pagina arrivano alle prime 10\.000 segnalazioni/],
      ['page=101&pageSize=100', /^page: i numeri di pagina/],
    ];
    for (const [query, message] of cases) {
      const answer = await app.http().get(`/api/segnalazioni/reports?${query}`).expect(400);
      expect(answer.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', message: expect.stringMatching(message) } });
    }
    expect((await list('page=400&pageSize=25')).data).toEqual([]);
  });

  it('shows every step that changes what the public sees, and keeps the counts with it', async () => {
    const [id] = published;
    await act(id, 'reply', { kind: 'feasibility', body: 'Passeremo giovedì.', public: true });
    let shown = (await app.http().get(`/api/segnalazioni/reports/${id}`).expect(200)).body.data as Listed;
    expect(shown).toMatchObject({ status: 'in_progress', replies: [{ body: 'Passeremo giovedì.' }] });
    await act(id, 'close', { body: 'Raccolti.' });
    expect((await list('status=closed')).data.map((report) => report.documentId)).toEqual([id]);
    expect((await list('status=closed')).meta.pagination).toMatchObject({ total: 1, totalExact: true });
    await act(id, 'reopen', { reason: 'Sono tornati.' });
    shown = (await app.http().get(`/api/segnalazioni/reports/${id}`).expect(200)).body.data as Listed;
    expect(shown.status).toBe('in_progress');
    expect((await list('status=closed')).meta.pagination.total).toBe(0);

    await act(published[1], 'reassign', { category: 'zone-verdi' });
    const categories = (await app.http().get('/api/segnalazioni/categories').expect(200)).body.data as { slug: string; reportCount: number }[];
    expect(categories.find((category) => category.slug === 'zone-verdi')?.reportCount).toBe(1);
    expect(categories.find((category) => category.slug === 'rifiuti')?.reportCount).toBe(published.length - 1);
    expect((await list('category=zone-verdi')).data.map((report) => report.documentId)).toEqual([published[1]]);

    await act(published[2], 'unpublish');
    await app.http().get(`/api/segnalazioni/reports/${published[2]}`).expect(404);
    expect((await list('pageSize=100')).meta.pagination.total).toBe(published.length - 1);
    await act(published[2], 'publish');
  });

  it('counts searches and date ranges exactly below the bound', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    expect((await list(`from=${today}&to=${today}`)).meta.pagination).toMatchObject({ total: published.length, totalExact: true });
    expect((await list('q=cassonetto')).meta.pagination).toMatchObject({ total: 1, totalExact: true });
    expect((await list('from=2001-01-01&to=2001-12-31')).meta.pagination).toMatchObject({ total: 0, totalExact: true });
  });

  it('rebuilds from the reports exactly what the workflow kept', async () => {
    const kept = { rows: await projection(), counts: await counts() };
    const answered = await list('pageSize=100&q=descrizione');
    expect(await app.strapi.plugin('segnalazioni').service('archive-projection').rebuild()).toBe(published.length);
    expect({ rows: await projection(), counts: await counts() }).toEqual(kept);
    expect(await list('pageSize=100&q=descrizione')).toEqual(answered);
  });
});
