import { startApp, type TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { createOffice, createStaff, type TestStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string; text: string };
const REPORT = 'plugin::segnalazioni.report';
const NOTIFICATION = 'plugin::segnalazioni.notification';
const OFFICE = 'plugin::segnalazioni.office';
const CONTENT_MANAGER = `/content-manager/collection-types/${REPORT}`;

describe('URP desk and triage', () => {
  let app: TestApp;
  let urp: TestStaff;
  let ambiente: TestStaff;

  const as = (who: TestStaff) => ({
    get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${who.token}`),
    post: (path: string) => app.http().post(path).set('Authorization', `Bearer ${who.token}`),
  });
  const fileAtDesk = (who: TestStaff, data: Record<string, unknown>) => as(who).post('/segnalazioni/reports/desk').send({ data });
  const phoneCall = {
    title: 'Albero pericolante in via Lamarmora',
    description: 'Telefonata: un ramo grosso pende sopra il marciapiede davanti al civico 3.',
    contactName: 'Giovanni Bianchi',
    contactPhone: '015 351 1234',
  };

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '150' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    ambiente = await createStaff(app, 'dario.ambiente@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [ambiente.id], ['rifiuti']);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('URP files a phone call with no category: it waits for triage; the citizen, with only a phone, gets no message', async () => {
    const response = await fileAtDesk(urp, phoneCall).expect(201);
    const report = response.body.data;
    expect(report).toMatchObject({
      channel: 'desk',
      status: 'submitted',
      category: null,
      office: { name: 'URP - Ufficio Relazioni con il Pubblico' },
      citizen: { name: 'Giovanni Bianchi', email: null, phone: '0153511234' },
    });
    expect(report.history).toEqual([
      expect.objectContaining({
        action: 'submit',
        actorType: 'desk',
        actor: 'carla urp',
        details: expect.objectContaining({ channel: 'desk', citizenNotice: 'none' }),
      }),
    ]);
    const [mail] = (await app.mailbox.waitFor((m: Mail) => m.subject.includes(report.reference))) as Mail[];
    expect(mail.to).toEqual(['urp@comune.example.it']);
    expect(mail.text).toContain('Canale: sportello URP');
    const rows = await app.strapi.db.query(NOTIFICATION).findMany({ where: { report: { documentId: report.documentId } } });
    expect(rows.map((row: { recipient: string }) => row.recipient)).toEqual(['urp@comune.example.it']);
  });

  it('files a visit at the counter with a category, an email and a photo (multipart): the office and the citizen are written to', async () => {
    const response = await as(urp)
      .post('/segnalazioni/reports/desk')
      .field(
        'data',
        JSON.stringify({
          title: 'Sacchi abbandonati in via Italia',
          description: 'Allo sportello: sacchi neri accanto ai cassonetti da tre giorni.',
          category: 'rifiuti',
          contactName: 'Anna Neri',
          contactEmail: 'anna.neri@example.it',
        }),
      )
      .attach('photos', await jpegWithGps(), { filename: 'sacchi.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const report = response.body.data;
    expect(report).toMatchObject({
      category: { name: 'Rifiuti' },
      office: { name: 'Ufficio Ambiente' },
      citizen: { name: 'Anna Neri', email: 'anna.neri@example.it', phone: null },
    });
    expect(report.photos).toHaveLength(1);
    const [receipt] = (await app.mailbox.waitFor((m: Mail) => m.to.includes('anna.neri@example.it'))) as Mail[];
    expect(receipt.subject).toBe(`Segnalazione ${report.reference}: ricevuta – Comune di Esempio`);
    expect(receipt.text).toContain('Gentile Anna Neri');
    expect(receipt.text).not.toContain('Le mie segnalazioni');
    await app.mailbox.waitFor((m: Mail) => m.to.includes('ambiente@comune.test') && m.subject.includes(report.reference));
  });

  it('only URP files at the desk; a request without a way to reach the citizen, or with an unknown category, changes nothing', async () => {
    const before = await app.strapi.db.query(REPORT).count();
    const officer = await fileAtDesk(ambiente, phoneCall).expect(403);
    expect(officer.body.error.message).toBe("Solo l'URP registra le segnalazioni allo sportello.");
    const noContact = await fileAtDesk(urp, { ...phoneCall, contactPhone: undefined }).expect(400);
    expect(noContact.body.error.message).toMatch(/telefono o l'email/);
    const unknown = await fileAtDesk(urp, { ...phoneCall, category: 'astronavi' }).expect(400);
    expect(unknown.body.error.message).toBe('Categoria: "astronavi" non esiste o non è attiva.');
    await app.http().post('/segnalazioni/reports/desk').send({ data: phoneCall }).expect(401);
    expect(await app.strapi.db.query(REPORT).count()).toBe(before);
  });

  it('the triage queue lists the reports with no category; triage assigns one, and its office takes over', async () => {
    const queue = await as(urp).get('/segnalazioni/reports?triage=true').expect(200);
    expect(queue.body.data.map((report: { title: string }) => report.title)).toEqual([phoneCall.title]);
    expect(queue.body.meta.triage).toBe(1);
    expect((await as(urp).get('/segnalazioni/reports?triage=false').expect(200)).body.data.map((report: { title: string }) => report.title)).toEqual([
      'Sacchi abbandonati in via Italia',
    ]);
    await as(urp).get('/segnalazioni/reports?triage=forse').expect(400);
    const id = queue.body.data[0].documentId;

    // Ufficio Ambiente does not see it yet.
    await as(ambiente).get(`/segnalazioni/reports/${id}`).expect(403);
    await as(urp).post(`/segnalazioni/reports/${id}/actions/reassign`).send({ category: 'astronavi' }).expect(400);
    await as(urp).post(`/segnalazioni/reports/${id}/actions/reassign`).send({}).expect(400);

    const triaged = await as(urp)
      .post(`/segnalazioni/reports/${id}/actions/reassign`)
      .send({ category: 'rifiuti', note: 'Rami nei rifiuti verdi' })
      .expect(200);
    expect(triaged.body.data).toMatchObject({ category: { name: 'Rifiuti' }, office: { name: 'Ufficio Ambiente' }, status: 'submitted' });
    expect(triaged.body.data.history[1]).toMatchObject({
      action: 'reassign',
      actorType: 'urp',
      actor: 'carla urp',
      details: {
        fromCategory: null,
        toCategory: 'Rifiuti',
        fromOffice: 'URP - Ufficio Relazioni con il Pubblico',
        toOffice: 'Ufficio Ambiente',
        note: 'Rami nei rifiuti verdi',
      },
    });
    const [assigned] = (await app.mailbox.waitFor(
      (m: Mail) => m.to.includes('ambiente@comune.test') && m.subject.includes(': assegnata al vostro ufficio, '),
    )) as Mail[];
    expect(assigned.text).toContain('(Rifiuti)');
    expect((await as(urp).get('/segnalazioni/reports?triage=true').expect(200)).body.meta.triage).toBe(0);
    await as(urp).post(`/segnalazioni/reports/${id}/actions/reassign`).send({ category: 'rifiuti' }).expect(400);

    // The normal path follows: the office takes it in charge. The citizen left only a phone: recorded, nobody written to.
    const taken = await as(ambiente).post(`/segnalazioni/reports/${id}/actions/take_in_charge`).send({}).expect(200);
    expect(taken.body.data.history[2]).toMatchObject({ action: 'take_in_charge', details: expect.objectContaining({ citizenNotice: 'none' }) });
    const rows = await app.strapi.db.query(NOTIFICATION).findMany({ where: { report: { documentId: id } } });
    expect(rows.map((row: { template: string }) => row.template).sort()).toEqual(['report-assigned', 'report-received']);
  });

  it('the panel, the Content Manager and the staff statistics agree on who sees what: an officer, a triage-office officer, URP', async () => {
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [], ['dissesto-stradale']);
    const road = (await fileAtDesk(urp, { ...phoneCall, title: 'Buca in via Roma', category: 'dissesto-stradale' }).expect(201)).body.data;
    const waiting = (await fileAtDesk(urp, { ...phoneCall, title: 'Chiamata ancora da smistare' }).expect(201)).body.data;
    expect([road.office.name, waiting.office.name]).toEqual(['Ufficio Strade', 'URP - Ufficio Relazioni con il Pubblico']);
    // An officer of the triage office (the "Ufficio" role, no URP permission) is URP; an officer of no office sees nothing.
    const triageOfficer = await createStaff(app, 'elena.smistamento@comune.test', { name: 'Ufficio' });
    await app.strapi.db.query(OFFICE).update({ where: { triage: true }, data: { officers: [triageOfficer.id] } });
    const nobody = await createStaff(app, 'franco.nessuno@comune.test', { name: 'Ufficio' });

    const ids = (rows: { documentId: string }[]) => rows.map((row) => row.documentId).sort();
    const every = ids(await app.strapi.db.query(REPORT).findMany({ select: ['documentId'] }));
    const ofAmbiente = ids(await app.strapi.db.query(REPORT).findMany({ where: { office: { name: 'Ufficio Ambiente' } }, select: ['documentId'] }));
    expect(every).toHaveLength(4);
    expect(ofAmbiente).toHaveLength(2);
    const cases: [string, TestStaff, string[]][] = [
      ['URP', urp, every],
      ['triage office', triageOfficer, every],
      ['officer', ambiente, ofAmbiente],
      ['no office', nobody, []],
    ];
    for (const [who, member, expected] of cases) {
      const panel = ids((await as(member).get('/segnalazioni/reports?pageSize=100').expect(200)).body.data);
      const contentManager = ids((await as(member).get(`${CONTENT_MANAGER}?page=1&pageSize=100`).expect(200)).body.results);
      const statistics = (await as(member).get('/segnalazioni/statistics').expect(200)).body.data.total;
      expect({ who, panel, contentManager, statistics }).toEqual({ who, panel: expected, contentManager: expected, statistics: expected.length });
    }

    // One report of another office: both ways open for the triage office, both closed for an officer.
    await as(triageOfficer).get(`/segnalazioni/reports/${road.documentId}`).expect(200);
    await as(triageOfficer).get(`${CONTENT_MANAGER}/${road.documentId}`).expect(200);
    await as(ambiente).get(`/segnalazioni/reports/${road.documentId}`).expect(403);
    await as(ambiente).get(`${CONTENT_MANAGER}/${road.documentId}`).expect(403);

    // URP's powers come with it: the desk, triage, reassigning across offices as URP.
    expect((await as(triageOfficer).get('/segnalazioni/options').expect(200)).body.data).toMatchObject({ desk: true, triage: true });
    expect((await as(ambiente).get('/segnalazioni/options').expect(200)).body.data).toMatchObject({ desk: false, triage: false });
    const triaged = await as(triageOfficer)
      .post(`/segnalazioni/reports/${waiting.documentId}/actions/reassign`)
      .send({ category: 'dissesto-stradale' })
      .expect(200);
    expect(triaged.body.data.history.at(-1)).toMatchObject({ action: 'reassign', actorType: 'urp', actor: 'elena smistamento' });
  });

  it('a channel without its settings is off: its webhook does not exist', async () => {
    await app.http().get('/api/segnalazioni/channels/whatsapp').query({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }).expect(404);
    await app.http().post('/api/segnalazioni/channels/facebook').send({ object: 'page', entry: [] }).expect(404);
  });
});
