import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

/** What a citizen types in the address field, beside the problem's place. */
const TYPED_ADDRESS = 'Via Italia 14, citofono ROSSI MARIO, tel 3331234567';
const POINT = { latitude: 45.56789, longitude: 8.05432 };

describe('the place is moderated like the text', () => {
  let app: TestApp;
  let strade: TestStaff;
  let citizen: { id: number; documentId: string; email: string };
  let citizenJwt: string;

  const submit = async (title: string, place: { address?: string; latitude?: number; longitude?: number } = { address: TYPED_ADDRESS, ...POINT }) => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title, description: `Descrizione della segnalazione: ${title}.`, category: 'dissesto-stradale', ...place },
        files: [],
      });
    return report.documentId as string;
  };
  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${strade.token}`).send(body);
  const publicReport = (documentId: string) => app.http().get(`/api/segnalazioni/reports/${documentId}`);
  const graphqlReport = async (documentId: string) =>
    (
      await app
        .http()
        .post('/graphql')
        .send({ query: `{ segnalazioniReport(documentId: "${documentId}") { address latitude longitude } }` })
        .expect(200)
    ).body.data.segnalazioniReport;

  /** Taken in charge, text and place approved with `place`, published. */
  const publishWith = async (title: string, place: Record<string, unknown>, submitted?: Parameters<typeof submit>[1]) => {
    const id = await submit(title, submitted);
    await act(id, 'take_in_charge').expect(200);
    await act(id, 'moderate_text', { decision: 'approve', ...place }).expect(200);
    await act(id, 'publish').expect(200);
    return id;
  };

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    strade = await createStaff(app, 'anna.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [strade.id], ['dissesto-stradale']);
    citizen = await createCitizen(app, 'elena.bianchi@example.it');
    citizenJwt = (await app.http().post('/api/auth/local').send({ identifier: citizen.email, password: 'Password123!' }).expect(200)).body.jwt;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('publishes the address the officer approved and a point rounded to about 50 m, never what the citizen typed', async () => {
    const id = await publishWith('Buca in via Italia', { publicAddress: 'Via Italia 14' });
    const rest = (await publicReport(id).expect(200)).body.data;
    expect(rest).toMatchObject({ address: 'Via Italia 14', latitude: 45.568, longitude: 8.0545 });
    expect(JSON.stringify(rest)).not.toContain('ROSSI');
    expect(await graphqlReport(id)).toEqual({ address: 'Via Italia 14', latitude: 45.568, longitude: 8.0545 });
    const list = (await app.http().get('/api/segnalazioni/reports').expect(200)).body.data.find((report: { documentId: string }) => report.documentId === id);
    expect(list).toMatchObject({ address: 'Via Italia 14', latitude: 45.568 });

    // The citizen still sees what they wrote; the office sees both, the private place beside the public one.
    const own = (await app.http().get(`/api/segnalazioni/my/reports/${id}`).set('Authorization', `Bearer ${citizenJwt}`).expect(200)).body.data;
    expect(own).toMatchObject({ address: TYPED_ADDRESS, latitude: POINT.latitude, longitude: POINT.longitude });
    const staff = (await app.http().get(`/segnalazioni/reports/${id}`).set('Authorization', `Bearer ${strade.token}`).expect(200)).body.data;
    expect(staff).toMatchObject({
      address: TYPED_ADDRESS,
      latitude: POINT.latitude,
      publicAddress: 'Via Italia 14',
      publicLatitude: 45.568,
      publicLongitude: 8.0545,
    });
    const moderation = staff.history.find((entry: { action: string }) => entry.action === 'moderate_text');
    expect(moderation.details).toMatchObject({ redacted: true, position: 'rounded' });
  });

  it('keeps the exact point, or publishes none, when the officer chooses so', async () => {
    const exact = await publishWith('Tombino sollevato', { publicAddress: 'Via Italia', position: 'exact' });
    expect((await publicReport(exact).expect(200)).body.data).toMatchObject({ address: 'Via Italia', ...POINT });
    const hidden = await publishWith('Marciapiede rotto', { publicAddress: '', position: 'hidden' });
    expect((await publicReport(hidden).expect(200)).body.data).toMatchObject({ address: null, latitude: null, longitude: null });
  });

  it("takes the citizen's address as written when the officer approves it unchanged", async () => {
    const id = await publishWith('Asfalto dissestato', {}, { address: 'Corso Europa 3' });
    expect((await publicReport(id).expect(200)).body.data).toMatchObject({ address: 'Corso Europa 3', latitude: null, longitude: null });
  });

  it('publishes no place before the text and place are approved, nor after they are refused', async () => {
    const id = await submit('Buca davanti alla scuola');
    await act(id, 'take_in_charge').expect(200);
    await act(id, 'publish').expect(409);
    await act(id, 'moderate_text', { decision: 'approve', publicAddress: 'Via Italia 14', position: 'exact' }).expect(200);
    await act(id, 'moderate_text', { decision: 'reject', reason: 'Contiene dati personali.' }).expect(200);
    const row = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId: id } });
    expect(row).toMatchObject({ publicAddress: null, publicLatitude: null, publicLongitude: null, address: TYPED_ADDRESS });
  });

  it('refuses a public place that is not one, with an Italian message, and changes nothing', async () => {
    const id = await submit('Cartello piegato');
    await act(id, 'take_in_charge').expect(200);
    const tooLong = await act(id, 'moderate_text', { decision: 'approve', publicAddress: 'via '.repeat(60) }).expect(400);
    expect(tooLong.body.error.message).toMatch(/Indirizzo pubblico: al massimo 200 caratteri/);
    const badChoice = await act(id, 'moderate_text', { decision: 'approve', position: 'precisa' }).expect(400);
    expect(badChoice.body.error.message).toMatch(/Posizione pubblica/);
    const row = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId: id } });
    expect(row).toMatchObject({ textModeration: 'pending', publicAddress: null });
  });

  it('cannot be set around the workflow through the Content Manager', async () => {
    const id = await publishWith('Segnale a terra', { publicAddress: 'Via Italia 14' });
    const urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    await app
      .http()
      .put(`/content-manager/collection-types/plugin::segnalazioni.report/${id}`)
      .set('Authorization', `Bearer ${urp.token}`)
      .send({ publicAddress: TYPED_ADDRESS, publicLatitude: POINT.latitude, publicLongitude: POINT.longitude });
    expect((await publicReport(id).expect(200)).body.data).toMatchObject({ address: 'Via Italia 14', latitude: 45.568 });
  });
});
