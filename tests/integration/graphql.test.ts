import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

/** GraphQL serves the public archive under the same rules as REST, and nothing else. */
describe('GraphQL', () => {
  let app: TestApp;
  let officer: TestStaff;
  const gql = (query: string, variables: Record<string, unknown> = {}) => app.http().post('/graphql').send({ query, variables });
  const FIELDS =
    'documentId protocolNumber title text status category { name slug } photos { url width height formats } address latitude longitude submittedAt publishedAt closedAt duplicateOf { documentId reference } replies { kind body createdAt }';

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    officer = await createStaff(app, 'ivo.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    const citizen = await createCitizen(app, 'nadia.riva@example.it');
    const intake = app.strapi.plugin('segnalazioni').service('intake');
    const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
      app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
    for (const title of ['Buca pubblicata', 'Buca riservata']) {
      const { documentId } = await intake.submit({
        citizen,
        input: { title, description: `Testo originale di ${title}.`, category: 'dissesto-stradale' },
        files: [],
      });
      await act(documentId, 'take_in_charge');
      await act(documentId, 'moderate_text', { decision: 'approve' });
      if (title === 'Buca pubblicata') {
        await act(documentId, 'publish');
        await act(documentId, 'reply', { kind: 'feasibility', body: 'Risposta pubblica', public: true });
        await act(documentId, 'reply', { kind: 'progress', body: 'Risposta riservata', public: false });
      }
    }
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('returns what REST returns, for the same query', async () => {
    const rest = await app.http().get('/api/segnalazioni/reports?category=dissesto-stradale&pageSize=10').expect(200);
    const graph = await gql(
      `query($c: String) { segnalazioniReports(category: $c, pageSize: 10) { data { ${FIELDS} } pagination { page pageSize pageCount total totalExact } cursor { next } } }`,
      { c: 'dissesto-stradale' },
    ).expect(200);
    expect(graph.body.errors).toBeUndefined();
    expect(graph.body.data.segnalazioniReports.data).toEqual(rest.body.data);
    expect(graph.body.data.segnalazioniReports.pagination).toEqual(rest.body.meta.pagination);
    expect(graph.body.data.segnalazioniReports.cursor).toEqual(rest.body.meta.cursor);
    expect(rest.body.data.map((r: { title: string }) => r.title)).toEqual(['Buca pubblicata']);

    const one = await gql(`query($id: ID!) { segnalazioniReport(documentId: $id) { ${FIELDS} } }`, { id: rest.body.data[0].documentId }).expect(200);
    expect(one.body.data.segnalazioniReport).toEqual(rest.body.data[0]);
    const categories = await gql('{ segnalazioniCategories { documentId name slug description office { name } reportCount nearbyMetres } }').expect(200);
    expect(categories.body.data.segnalazioniCategories).toEqual((await app.http().get('/api/segnalazioni/categories')).body.data);
  });

  it('never shows the unpublished report, private replies or the reporter', async () => {
    const graph = await gql(`{ segnalazioniReports(q: "Buca") { data { ${FIELDS} } } }`).expect(200);
    const text = JSON.stringify(graph.body);
    for (const secret of ['Buca riservata', 'Testo originale di Buca riservata', 'Risposta riservata', 'nadia']) expect(text).not.toContain(secret);
  });

  it('has no generated queries or mutations for the plugin’s types', async () => {
    for (const query of [
      '{ reports { documentId } }',
      '{ notifications { recipient } }',
      '{ historyEntries { action } }',
      'mutation { deleteReport(documentId: "x") { documentId } }',
    ]) {
      const response = await gql(query);
      expect(response.body.errors?.[0]?.message ?? '').toMatch(/Cannot query field|Unknown type|Cannot query/);
    }
  });

  it('refuses bad arguments and deep or huge queries', async () => {
    const bad = await gql('{ segnalazioniReports(pageSize: 1000) { pagination { total } } }');
    expect(bad.body.errors[0].message).toMatch(/pageSize: al massimo 100/);
    const deep = await gql('{ usersPermissionsUsers { role { users { role { users { role { users { role { users { username } } } } } } } } } }');
    expect(deep.body.errors?.[0]?.message ?? '').toMatch(/depth/i);
  });
});
