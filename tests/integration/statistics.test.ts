import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

/** Statistics over reports made on a controlled clock; every expected figure is worked out by hand. */
describe('statistics', () => {
  let app: TestApp;
  let strade: TestStaff;
  let urp: TestStaff;
  let citizen: { id: number; documentId: string; email: string };
  const clock = () => app.strapi.plugin('segnalazioni').service('clock');
  const at = (iso: string) => clock().set(new Date(iso));
  const submit = async (title: string, category: string) =>
    (
      await app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({ citizen, input: { title, description: `Descrizione: ${title}.`, category }, files: [] })
    ).documentId as string;
  const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${strade.token}`).send(body).expect(200);

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    strade = await createStaff(app, 'elisa.strade@comune.test', { name: 'Ufficio' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [strade.id], ['dissesto-stradale']);
    citizen = await createCitizen(app, 'pietro.costa@example.it');

    // A: Monday 2 Nov 2026 09:00 (+01:00) → due to take in charge Tue 3 Nov 16:00.
    at('2026-11-02T09:00:00+01:00');
    const a = await submit('Buca A', 'dissesto-stradale');
    at('2026-11-02T11:00:00+01:00'); // 2 h: in time
    await act(a, 'take_in_charge'); // first answer due Mon 9 Nov 16:00 (5 working days), close due 30 working days on
    at('2026-11-02T15:00:00+01:00'); // 6 h: in time
    await act(a, 'reply', { kind: 'feasibility', body: 'Fattibile.', public: true });
    at('2026-11-03T09:00:00+01:00'); // 24 h
    await act(a, 'close', { body: 'Fatto.' });

    // B: Monday 2 Nov 10:00 → taken in charge Thursday 5 Nov 10:00 (72 h: late, due Tue 3 Nov 16:00).
    at('2026-11-02T10:00:00+01:00');
    const b = await submit('Buca B', 'dissesto-stradale');
    at('2026-11-05T10:00:00+01:00');
    await act(b, 'take_in_charge');

    // C: in October, still waiting (URP's category).
    at('2026-10-20T10:00:00+01:00');
    await submit('Rifiuti C', 'rifiuti');
    clock().set(null);
  });

  afterAll(async () => {
    clock().set(null);
    await app?.stop();
  });

  // Three reports make day × category cells of one or two: the public figures leave them out (see
  // hardening-statistics.test.ts for public figures); URP staff see every report.
  const everything = (query = '') => app.http().get(`/segnalazioni/statistics${query}`).set('Authorization', `Bearer ${urp.token}`).expect(200);

  it('leaves cells of fewer than five reports out of the public figures', async () => {
    const { body } = await app.http().get('/api/segnalazioni/statistics').expect(200);
    expect(body.data).toMatchObject({
      total: 0,
      byCategory: [],
      byOffice: [],
      byMonth: [],
      medianHours: { takeInCharge: null, firstAnswer: null, close: null },
    });
    expect(body.meta).toEqual({ minimumCellReports: 5 });
  });

  it('gives staff aggregates that match the hand-made figures', async () => {
    const { body } = await everything();
    expect(body.data).toMatchObject({
      total: 3,
      byStatus: { submitted: 1, in_charge: 1, in_progress: 0, closed: 1, rejected: 0 },
      medianHours: { takeInCharge: 37, firstAnswer: 6, close: 24 }, // median of 2 h and 72 h is 37 h
      withinServiceLevel: { takeInCharge: 0.5, firstAnswer: 1, close: 1 },
    });
    expect(body.data.byMonth.map((m: { month: string; total: number }) => [m.month, m.total])).toEqual([
      ['2026-10', 1],
      ['2026-11', 2],
    ]);
    expect(body.data.byCategory.map((c: { slug: string; total: number }) => [c.slug, c.total])).toEqual([
      ['dissesto-stradale', 2],
      ['rifiuti', 1],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Buca|pietro|Descrizione/);
  });

  it('filters by period and category, and refuses a bad query', async () => {
    const { body } = await everything('?from=2026-11-01&to=2026-11-30&category=dissesto-stradale');
    expect(body.data.total).toBe(2);
    await app.http().get('/api/segnalazioni/statistics?from=2026-12-01&to=2026-11-01').expect(400);
    // An unknown parameter: the one wording of every input, in Strapi's format.
    const unknown = await app.http().get('/api/segnalazioni/statistics?reporter=1').expect(400);
    const message = 'Campi non previsti: reporter.';
    expect(unknown.body.error).toEqual({ status: 400, name: 'ValidationError', message, details: { errors: [{ path: '', message }] } });
  });

  it('shows staff the statistics of their own offices', async () => {
    const { body } = await app.http().get('/segnalazioni/statistics').set('Authorization', `Bearer ${strade.token}`).expect(200);
    expect(body.data.total).toBe(2);
    expect(body.data.byOffice.map((o: { name: string }) => o.name)).toEqual(['Ufficio Strade']);
  });

  /** The aggregates as stored, in a fixed order, to compare with what a rebuild from the reports makes. */
  const aggregates = async () => {
    const knex = app.strapi.db.connection;
    const numbers = (rows: Record<string, unknown>[]) =>
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));
    return {
      facts: numbers(await knex('segnalazioni_statistics_facts').orderBy('report_id')),
      cells: numbers(await knex('segnalazioni_statistics_cells').where('reports', '>', 0).orderBy(['day', 'category_id', 'office_id', 'status'])),
      durations: numbers(
        await knex('segnalazioni_statistics_durations').where('reports', '>', 0).orderBy(['day', 'category_id', 'office_id', 'step', 'tenths']),
      ),
      dayTotals: numbers(await knex('segnalazioni_statistics_day_totals').where('reports', '>', 0).orderBy(['day', 'category_id'])),
      monthCells: numbers(
        await knex('segnalazioni_statistics_month_cells').where('reports', '>', 0).orderBy(['audience', 'month', 'category_id', 'office_id', 'status']),
      ),
      monthDurations: numbers(
        await knex('segnalazioni_statistics_month_durations')
          .where('reports', '>', 0)
          .orderBy(['audience', 'month', 'category_id', 'office_id', 'step', 'tenths']),
      ),
    };
  };

  it('keeps the aggregates equal to a rebuild through concurrent submissions and actions', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(`Buca concorrente ${i}`, i % 2 ? 'dissesto-stradale' : 'rifiuti')));
    const strade = ids.filter((_, i) => i % 2);
    // Twice the same action at once on each report: one wins, one is a 409; the cells move once.
    const results = await Promise.allSettled(
      strade.flatMap((id) =>
        [1, 2].map(() => app.http().post(`/segnalazioni/reports/${id}/actions/take_in_charge`).set('Authorization', `Bearer ${urp.token}`).send({})),
      ),
    );
    const statuses = results.map((result) => (result.status === 'fulfilled' ? result.value.status : 0)).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(strade.length);
    expect(statuses.filter((status) => status !== 200).every((status) => status === 409)).toBe(true);
    const kept = await aggregates();
    await app.strapi.plugin('segnalazioni').service('statistics-cells').rebuild();
    expect(await aggregates()).toEqual(kept);
    const { body } = await everything();
    // B was in charge before; A is closed.
    expect(body.data.byStatus.in_charge).toBe(1 + strade.length);
  });

  it('counts the reports of a deleted office under no office, at once', async () => {
    const office = await app.strapi
      .documents('plugin::segnalazioni.office')
      .create({ data: { name: 'Ufficio Temporaneo', emails: 'temp@comune.test', triage: false } });
    const id = await submit('Segnale caduto', 'segnaletica');
    const report = (await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId: id } })) as { id: number };
    await app.strapi.db.query('plugin::segnalazioni.report').update({ where: { id: report.id }, data: { office: office.id } });
    await app.strapi.plugin('segnalazioni').service('statistics-cells').refresh([report.id]);
    const names = async () => (await everything()).body.data.byOffice.map((o: { name: string }) => o.name);
    expect(await names()).toContain('Ufficio Temporaneo');
    await app.strapi.documents('plugin::segnalazioni.office').delete({ documentId: office.documentId });
    expect(await names()).not.toContain('Ufficio Temporaneo');
    const fact = await app.strapi.db.connection('segnalazioni_statistics_facts').where('report_id', report.id).first();
    expect(Number(fact.office_id)).toBe(0);
  });
});

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

/**
 * Statistics read months of aggregates: each process computes so many at once and lets so many
 * more wait (STATISTICS_CONCURRENCY, STATISTICS_QUEUE); beyond, a 503 says when to come back, and
 * the archive keeps its database connections. A lock held by the test keeps one computation going
 * as long as needed, which only PostgreSQL can do to a reader.
 */
(onPostgres ? describe : describe.skip)('statistics under a flood', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ STATISTICS_CONCURRENCY: '1', STATISTICS_QUEUE: '0', ARCHIVE_CACHE_ENTRIES: '0' });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('computes one at a time here, answers 503 with Retry-After beyond, and the archive keeps answering', async () => {
    const knex = app.strapi.db.connection;
    const trx = await knex.transaction();
    try {
      await trx.raw('LOCK TABLE segnalazioni_statistics_month_cells IN ACCESS EXCLUSIVE MODE');
      const first = app
        .http()
        .get('/api/segnalazioni/statistics')
        .then((response) => response);
      // The first computation waits on the lock, holding the one place.
      for (let tries = 0; ; tries += 1) {
        const waiting = await knex.raw(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = 'segnalazioni_statistics_month_cells'::regclass`);
        if (Number(waiting.rows[0].n) > 0) break;
        if (tries > 200) throw new Error('The first computation never reached the lock');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const refused = await app.http().get('/api/segnalazioni/statistics?category=rifiuti').expect(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.error.message).toBe('Le statistiche sono molto richieste in questo momento: riprovare tra 5 secondi.');
      await app.http().get('/api/segnalazioni/reports').expect(200);
      await trx.rollback();
      expect((await first).status).toBe(200);
      // The place is free again.
      await app.http().get('/api/segnalazioni/statistics?category=rifiuti').expect(200);
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
    }
  });
});
