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

  it('finds published reports by their public point — in a box, around a point — never by the citizen’s own, nor a hidden one', async () => {
    // 45.6000 N: a degree of longitude is 77.8 km there, of latitude 111.2 km.
    const centre = { latitude: 45.6, longitude: 8.1 };
    const at = (metresNorth: number, metresEast: number) => ({
      latitude: centre.latitude + metresNorth / 111_195,
      longitude: centre.longitude + metresEast / (111_195 * Math.cos((centre.latitude * Math.PI) / 180)),
    });
    const ids = {
      centre: await publishWith('Lampione spento al centro', { position: 'exact' }, { ...centre }),
      east80: await publishWith('Lampione spento a est', { position: 'exact' }, at(0, 80)),
      // Inside the box around a 100 m circle, outside the circle: the corner.
      corner: await publishWith('Lampione spento in un angolo', { position: 'exact' }, at(90, 90)),
      north400: await publishWith('Lampione spento a nord', { position: 'exact' }, at(400, 0)),
      hidden: await publishWith('Lampione spento nascosto', { publicAddress: '', position: 'hidden' }, { ...centre }),
    };
    const notPublished = await submit('Lampione spento, non pubblicato', { ...centre });
    const found = async (query: Record<string, string>) => {
      const body = (
        await app
          .http()
          .get('/api/segnalazioni/reports')
          .query({ pageSize: '100', ...query })
          .expect(200)
      ).body;
      return { ids: (body.data as { documentId: string }[]).map((report) => report.documentId).sort(), total: body.meta.pagination.total };
    };
    const named = (...names: (keyof typeof ids)[]) => names.map((name) => ids[name]).sort();

    const box = `${centre.longitude - 0.002},${centre.latitude - 0.002},${centre.longitude + 0.002},${centre.latitude + 0.002}`;
    expect(await found({ bbox: box })).toEqual({ ids: named('centre', 'east80', 'corner'), total: 3 });
    expect(await found({ near: `${centre.latitude},${centre.longitude}` })).toEqual({ ids: named('centre', 'east80'), total: 2 });
    expect(await found({ near: `${centre.latitude},${centre.longitude}`, radius: '500' })).toEqual({
      ids: named('centre', 'east80', 'corner', 'north400'),
      total: 4,
    });
    expect(await found({ near: `${centre.latitude},${centre.longitude}`, radius: '500', bbox: box })).toEqual({
      ids: named('centre', 'east80', 'corner'),
      total: 3,
    });
    expect((await found({ near: `${centre.latitude},${centre.longitude}`, q: 'lampione' })).ids).toEqual(named('centre', 'east80'));
    expect((await found({ bbox: box })).ids).not.toContain(notPublished);
    // The same page as GeoJSON: the public point as the geometry, none for a report published without one.
    const geojson = await app.http().get('/api/segnalazioni/reports.geojson').query({ bbox: box, pageSize: '100' }).expect(200);
    expect(geojson.headers['content-type']).toBe('application/geo+json');
    expect(geojson.body).toMatchObject({ type: 'FeatureCollection', pagination: { total: 3 }, cursor: { next: null } });
    const centreFeature = geojson.body.features.find((feature: { id: string }) => feature.id === ids.centre);
    expect(centreFeature).toMatchObject({ type: 'Feature', geometry: { type: 'Point', coordinates: [centre.longitude, centre.latitude] } });
    expect(Object.keys(centreFeature.properties)).not.toEqual(expect.arrayContaining(['latitude']));
    const unplaced = await app.http().get('/api/segnalazioni/reports.geojson').query({ q: 'nascosto' }).expect(200);
    expect(unplaced.body.features.find((feature: { id: string }) => feature.id === ids.hidden)).toMatchObject({ geometry: null });
    // GraphQL reads the same filter.
    const graphql = await app
      .http()
      .post('/graphql')
      .send({ query: `{ segnalazioniReports(near: "${centre.latitude},${centre.longitude}", radius: 100) { data { documentId } } }` })
      .expect(200);
    expect(graphql.body.data.segnalazioniReports.data.map((report: { documentId: string }) => report.documentId).sort()).toEqual(named('centre', 'east80'));
    // Open311 lists by the same box.
    const open311 = await app.http().get('/open311/v2/requests.json').query({ bbox: box }).expect(200);
    expect(open311.body).toHaveLength(3);

    for (const [query, message] of [
      [{ bbox: '8,45' }, 'bbox: quattro numeri "lngMin,latMin,lngMax,latMax", ad esempio 8.00,45.50,8.10,45.60.'],
      [{ bbox: '8.1,45.6,8.0,45.7' }, 'bbox: prima gli angoli minimi, poi i massimi.'],
      [{ bbox: '8,95,9,96' }, 'bbox: longitudini tra -180 e 180, latitudini tra -90 e 90.'],
      [{ bbox: '8,45,,46' }, 'bbox: quattro numeri "lngMin,latMin,lngMax,latMax", ad esempio 8.00,45.50,8.10,45.60.'],
      [{ near: '45.6;8.1' }, 'near: due numeri "lat,lng", ad esempio 45.56,8.05.'],
      [{ near: '45.6,8.1', radius: '20000' }, 'radius: al massimo 10.000 metri.'],
      [{ radius: '50' }, 'radius va con near: il raggio è attorno al punto indicato.'],
      [{ bbox: '1'.repeat(200) }, 'bbox: quattro numeri "lngMin,latMin,lngMax,latMax", ad esempio 8.00,45.50,8.10,45.60.'],
    ] as const) {
      const response = await app.http().get('/api/segnalazioni/reports').query(query).expect(400);
      expect(response.body.error.details.errors.map((error: { message: string }) => error.message)).toContain(message);
    }
    await app.http().get('/open311/v2/requests.json').query({ bbox: 'tutto' }).expect(400);

    // A projection written before it kept references and points: the migration fills them from the reports.
    const version = app.strapi.plugin('segnalazioni').service('archive-version');
    await app.strapi.db.connection('segnalazioni_archive_reports').update({ reference: null, latitude: null, longitude: null });
    await version.bump();
    expect((await found({ bbox: box })).ids).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await require('../../database/migrations/2026.12.03T12.00.00.archive-references-and-points.js').up(app.strapi.db.connection);
    await version.bump();
    expect(await found({ bbox: box })).toEqual({ ids: named('centre', 'east80', 'corner'), total: 3 });
    const [{ n: unnamed }] = await app.strapi.db.connection('segnalazioni_archive_reports').whereNull('reference').count({ n: '*' });
    expect(Number(unnamed)).toBe(0);
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
