import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, publishThroughPanel, type TestStaff } from '../helpers/staff';

/** Impossible dates are a 400 on every date filter; ids Strapi could not have made are refused before any query (issue 11). */
describe('dates and ids from hostile clients', () => {
  let app: TestApp;
  let officer: TestStaff;
  let citizenJwt: string;
  let publishedId: string;

  const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });

  /** The SQL statements on the plugin's tables that `work` causes; counting a citizen's writes against their limit is expected. */
  // Authorization reads an officer's offices on every admin request (their scope, for the Content
  // Manager's condition) before any route runs: a query about who asks, not about the id.
  const scopeLookup = /^select distinct ["`]t0["`]\.["`]id["`], ["`]t0["`]\.["`]triage["`] from (["`]public["`]\.)?["`]segnalazioni_offices["`]/;
  async function pluginQueriesDuring(work: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listener = ({ sql }: { sql: string }) => {
      if (sql.includes('segnalazioni_') && !sql.includes('segnalazioni_rate_limits') && !scopeLookup.test(sql)) seen.push(sql);
    };
    app.strapi.db.connection.on('query', listener);
    try {
      await work();
    } finally {
      app.strapi.db.connection.off('query', listener);
    }
    return seen;
  }

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '600000', DEADLINE_CHECK_MINUTES: '600' });
    officer = await createStaff(app, 'ivo.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    await createCitizen(app, 'nadia.riva@example.it');
    citizenJwt = (await app.http().post('/api/auth/local').send({ identifier: 'nadia.riva@example.it', password: 'Password123!' }).expect(200)).body.jwt;
    const created = await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${citizenJwt}`)
      .send({ data: { title: 'Buca pubblicata', description: 'Una buca davanti al civico 3.', category: 'dissesto-stradale' } })
      .expect(201);
    publishedId = created.body.data.documentId;
    for (const [action, body] of [
      ['take_in_charge', {}],
      ['moderate_text', { decision: 'approve' }],
      ['publish', {}],
    ] as const) {
      await app.http().post(`/segnalazioni/reports/${publishedId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
    }
    // The outbox sends those steps' mails in the background; its queries are not the requests'.
    const outbox = app.strapi.db.query('plugin::segnalazioni.notification');
    for (let waited = 0; (await outbox.count({ where: { status: { $in: ['pending', 'sending'] } } })) > 0; waited += 100) {
      if (waited > 20_000) throw new Error('The outbox did not drain');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('dates', () => {
    const refusal = (message: string) => ({
      data: null,
      error: { status: 400, name: 'ValidationError', message, details: { errors: [{ path: 'from', message }] } },
    });

    it.each([
      ['2026-13-45', 'from: 2026-13-45 non è una data: il mese va da 01 a 12.'],
      ['2026-02-31', 'from: 2026-02-31 non è una data: quel mese ha 28 giorni.'],
      ['0000-00-00', "from: l'anno deve essere tra 2000 e 2100."],
      ['1850-01-01', "from: l'anno deve essere tra 2000 e 2100."],
      ['2026-2-3', 'from: una data nel formato AAAA-MM-GG, per esempio 2026-03-15.'],
    ])('statistics?from=%s is a 400 in Strapi format, in Italian', async (from, message) => {
      const response = await app.http().get('/api/segnalazioni/statistics').query({ from }).expect(400);
      expect(response.body).toEqual(refusal(message));
    });

    it('the archive refuses the same dates over REST and GraphQL', async () => {
      for (const from of ['2026-13-45', '2026-02-31', '0000-00-00']) {
        const rest = await app.http().get('/api/segnalazioni/reports').query({ from }).expect(400);
        expect(rest.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.stringMatching(/^from: .*(data|anno)/) });
        const graph = await gql('query($from: String) { segnalazioniReports(from: $from) { pagination { total } } }', { from });
        expect(graph.body.data).toBeNull();
        expect(graph.body.errors[0]).toMatchObject({ message: rest.body.error.message, extensions: { code: 'BAD_USER_INPUT' } });
      }
      const leap = await app.http().get('/api/segnalazioni/reports').query({ from: '2024-02-29', to: '2100-12-31' }).expect(200);
      expect(leap.body.data.map((report: { title: string }) => report.title)).toEqual(['Buca pubblicata']);
    });

    it('refuses a range that ends before it starts, on both', async () => {
      const message = 'from: deve essere uguale o precedente a to.';
      for (const path of ['/api/segnalazioni/statistics', '/api/segnalazioni/reports']) {
        const response = await app.http().get(path).query({ from: '2026-03-02', to: '2026-03-01' }).expect(400);
        expect(response.body).toEqual(refusal(message));
      }
      await app.http().get('/api/segnalazioni/statistics').query({ from: '2026-03-01', to: '2026-03-01' }).expect(200);
    });

    it('staff statistics refuse them too', async () => {
      const response = await app.http().get('/segnalazioni/statistics').query({ to: '2026-02-30' }).set('Authorization', `Bearer ${officer.token}`).expect(400);
      expect(response.body.error.message).toBe('to: 2026-02-30 non è una data: quel mese ha 28 giorni.');
    });
  });

  describe('ids', () => {
    const notFound = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Segnalazione non trovata.', details: {} } };
    // Too long, upper case, an injection attempt, a numeric id, one character short.
    const badIds = () => ['x'.repeat(10_000), publishedId.toUpperCase(), "tz4a98xxat96iws9zmbrgj3a' OR '1'='1", '42', 'tz4a98xxat96iws9zmbrgj3'];

    it('still finds a real report everywhere', async () => {
      await app.http().get(`/api/segnalazioni/reports/${publishedId}`).expect(200);
      await app.http().get(`/api/segnalazioni/my/reports/${publishedId}`).set('Authorization', `Bearer ${citizenJwt}`).expect(200);
      await app.http().get(`/segnalazioni/reports/${publishedId}`).set('Authorization', `Bearer ${officer.token}`).expect(200);
      const graph = await gql('query($id: ID!) { segnalazioniReport(documentId: $id) { title } }', { id: publishedId }).expect(200);
      expect(graph.body.data.segnalazioniReport).toEqual({ title: 'Buca pubblicata' });
    });

    it("reads an officer's scope once per request, though the Content Manager's condition and the panel's route both need it", async () => {
      const lookups: string[] = [];
      const listener = ({ sql }: { sql: string }) => {
        if (scopeLookup.test(sql)) lookups.push(sql);
      };
      app.strapi.db.connection.on('query', listener);
      try {
        await app.http().get(`/segnalazioni/reports/${publishedId}`).set('Authorization', `Bearer ${officer.token}`).expect(200);
      } finally {
        app.strapi.db.connection.off('query', listener);
      }
      expect(lookups).toHaveLength(1);
    });

    it('answers 404 on every report route for an id Strapi could not have made, without touching the database', async () => {
      for (const id of badIds()) {
        const path = encodeURIComponent(id);
        const queries = await pluginQueriesDuring(async () => {
          expect((await app.http().get(`/api/segnalazioni/reports/${path}`).expect(404)).body).toEqual(notFound);
          expect((await app.http().get(`/api/segnalazioni/my/reports/${path}`).set('Authorization', `Bearer ${citizenJwt}`).expect(404)).body).toEqual(
            notFound,
          );
          const edit = app.http().put(`/api/segnalazioni/my/reports/${path}`).set('Authorization', `Bearer ${citizenJwt}`);
          expect((await edit.send({ data: { title: 'Titolo cambiato' } }).expect(404)).body).toEqual(notFound);
          expect((await app.http().get(`/segnalazioni/reports/${path}`).set('Authorization', `Bearer ${officer.token}`).expect(404)).body).toEqual(notFound);
          const act = app.http().post(`/segnalazioni/reports/${path}/actions/take_in_charge`).set('Authorization', `Bearer ${officer.token}`);
          expect((await act.send({}).expect(404)).body).toEqual(notFound);
        });
        expect(queries).toEqual([]);
      }
    });

    it('answers null over GraphQL for such an id, without touching the database', async () => {
      for (const id of badIds().filter((value) => value.length <= 1000)) {
        const queries = await pluginQueriesDuring(async () => {
          const graph = await gql('query($id: ID!) { segnalazioniReport(documentId: $id) { title } }', { id }).expect(200);
          expect(graph.body).toEqual({ data: { segnalazioniReport: null } });
        });
        expect(queries).toEqual([]);
      }
    });
  });

  /**
   * `from` and `to` are Rome's calendar days (issue 12): a report sent at 00:30 in Rome is on that
   * day although it is still the day before in UTC, and one at 23:30 is on that day although UTC has
   * moved on, on the 23-hour day summer time begins (30 March 2025) and the 25-hour day it ends
   * (26 October 2025) too. The archive over REST and GraphQL and the statistics select alike.
   */
  describe('Rome days', () => {
    const SENT = [
      ['Sabato 29 marzo alle 23:30', '2025-03-29T23:30:00+01:00'],
      ['Domenica 30 marzo alle 00:30', '2025-03-30T00:30:00+01:00'],
      ['Domenica 30 marzo alle 23:30', '2025-03-30T23:30:00+02:00'],
      ['Lunedì 31 marzo alle 00:30', '2025-03-31T00:30:00+02:00'],
      ['Sabato 25 ottobre alle 23:30', '2025-10-25T23:30:00+02:00'],
      ['Domenica 26 ottobre alle 00:30', '2025-10-26T00:30:00+02:00'],
      ['Domenica 26 ottobre alle 23:30', '2025-10-26T23:30:00+01:00'],
      ['Lunedì 27 ottobre alle 00:30', '2025-10-27T00:30:00+01:00'],
    ] as const;
    const clock = () => app.strapi.plugin('segnalazioni').service('clock');

    beforeAll(async () => {
      const citizen = await createCitizen(app, 'luca.giorni@example.it');
      for (const [title, at] of SENT) {
        clock().set(new Date(at));
        const { documentId } = await app.strapi
          .plugin('segnalazioni')
          .service('intake')
          .submit({ citizen, input: { title, description: `Inviata ${at}.`, category: 'dissesto-stradale' }, files: [] });
        clock().set(null);
        await publishThroughPanel(app, officer, documentId);
      }
    });

    afterAll(() => clock().set(null));

    /** The titles the archive (REST and GraphQL, which must agree) and the count staff statistics give for a period. */
    async function selected(from: string, to: string) {
      const rest = await app.http().get('/api/segnalazioni/reports').query({ from, to, sort: 'oldest', pageSize: 100 }).expect(200);
      const graph = await gql(
        'query($from: String, $to: String) { segnalazioniReports(from: $from, to: $to, sort: "oldest", pageSize: 100) { data { title } } }',
        {
          from,
          to,
        },
      ).expect(200);
      const titles = rest.body.data.map((report: { title: string }) => report.title);
      expect(graph.body.data.segnalazioniReports.data.map((report: { title: string }) => report.title)).toEqual(titles);
      const statistics = await app.http().get('/segnalazioni/statistics').query({ from, to }).set('Authorization', `Bearer ${officer.token}`).expect(200);
      expect(statistics.body.data.total).toBe(titles.length);
      return titles;
    }

    it('takes the 23-hour day summer time begins from 00:30 to 23:30 in Rome, and nothing of the days around it', async () => {
      expect(await selected('2025-03-30', '2025-03-30')).toEqual(['Domenica 30 marzo alle 00:30', 'Domenica 30 marzo alle 23:30']);
    });

    it('takes the 25-hour day summer time ends from 00:30 to 23:30 in Rome, and nothing of the days around it', async () => {
      expect(await selected('2025-10-26', '2025-10-26')).toEqual(['Domenica 26 ottobre alle 00:30', 'Domenica 26 ottobre alle 23:30']);
    });

    it('takes a period from 00:30 of its first day to 23:30 of its last, in Rome', async () => {
      expect(await selected('2025-03-30', '2025-10-26')).toEqual(SENT.slice(1, 7).map(([title]) => title));
      expect(await selected('2025-03-31', '2025-10-25')).toEqual(SENT.slice(3, 5).map(([title]) => title));
    });
  });
});
