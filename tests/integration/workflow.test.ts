import { startApp, type TestApp } from '../helpers/app';
import { pngPhotoFile, jpegPhotoFile } from '../helpers/photo-files';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string; text: string };
const REPORT = 'plugin::segnalazioni.report';

describe('back-office workflow', () => {
  let app: TestApp;
  let strade: TestStaff;
  let verde: TestStaff;
  let urp: TestStaff;
  let citizen: { id: number; documentId: string; email: string; firstName: string; lastName: string };
  const year = new Date().getFullYear();

  const submit = async (title: string, category: string, photos = 0) => {
    const files = await Promise.all(Array.from({ length: photos }, (_, i) => (i % 2 ? pngPhotoFile() : jpegPhotoFile())));
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title, description: `Descrizione della segnalazione: ${title}.`, category },
        files,
      });
    return report.documentId as string;
  };
  const act = (who: TestStaff, documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${who.token}`).send(body);
  const get = (who: TestStaff, path: string) => app.http().get(path).set('Authorization', `Bearer ${who.token}`);

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '150' });
    strade = await createStaff(app, 'anna.strade@comune.test', { name: 'Ufficio' });
    verde = await createStaff(app, 'bruno.verde@comune.test', { name: 'Ufficio' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [strade.id], ['dissesto-stradale', 'segnaletica']);
    await createOffice(app, 'Ufficio Verde', 'verde@comune.test', [verde.id], ['zone-verdi']);
    citizen = await createCitizen(app, 'elena.bianchi@example.it');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows an officer only the reports of their offices, with counts by status', async () => {
    const buca = await submit('Buca in via Roma', 'dissesto-stradale');
    await submit('Siepe da potare', 'zone-verdi');
    const list = await get(strade, '/segnalazioni/reports').expect(200);
    expect(list.body.data.map((r: { documentId: string }) => r.documentId)).toEqual([buca]);
    expect(list.body.meta.counts).toEqual({ submitted: 1, in_charge: 0, in_progress: 0, closed: 0, rejected: 0 });
    const all = await get(urp, '/segnalazioni/reports?pageSize=50').expect(200);
    expect(all.body.data).toHaveLength(2);
    await get(strade, '/segnalazioni/reports?pageSize=500').expect(400);
    await get(strade, '/segnalazioni/reports?status=lost').expect(400);
  });

  it('finds a report in the queue by the citizen’s name, email or phone, and around a point; never another office’s', async () => {
    const placed = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: {
          title: 'Dosso rovinato',
          description: 'Il dosso davanti alla scuola è spaccato.',
          category: 'dissesto-stradale',
          latitude: 45.5629,
          longitude: 8.0583,
        },
        files: [],
      });
    const desk = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        contact: { name: 'Teresa Gallo', address: '+39 015 987 6543', email: 'teresa.gallo@example.it' },
        channel: 'desk',
        actor: 'desk',
        input: { title: 'Semaforo spento', description: 'Al telefono: il semaforo di via Lamarmora è spento.', category: 'dissesto-stradale' },
        files: [],
      });
    const found = async (who: TestStaff, query: string) =>
      (await get(who, `/segnalazioni/reports?${query}&pageSize=100`).expect(200)).body.data.map((r: { documentId: string }) => r.documentId);
    expect(await found(strade, 'q=bianchi')).toContain(placed.documentId);
    expect(await found(strade, 'q=ELENA.BIANCHI@example')).toContain(placed.documentId);
    expect(await found(strade, 'q=Teresa')).toEqual([desk.documentId]);
    expect(await found(strade, 'q=987 6543')).toEqual([desk.documentId]);
    expect(await found(strade, 'q=gallo@example.it')).toEqual([desk.documentId]);
    expect(await found(verde, 'q=Teresa')).toEqual([]);
    // Around a point: the citizen's own, 30 m away is in, 300 m is not.
    expect(await found(strade, 'near=45.5631,8.0585&radius=50')).toEqual([placed.documentId]);
    expect(await found(strade, 'near=45.5656,8.0583&radius=100')).toEqual([]);
    expect((await get(strade, '/segnalazioni/reports?radius=50').expect(400)).body.error.message).toMatch(/radius va con near/);
    expect(await found(verde, 'near=45.5631,8.0585&radius=50')).toEqual([]);
  });

  it('runs the whole life of a report, each step recorded and mailed to the citizen', async () => {
    const id = await submit('Cartello divelto in piazza', 'segnaletica', 2);
    app.mailbox.clear();

    const taken = await act(strade, id, 'take_in_charge').expect(200);
    expect(taken.body.data).toMatchObject({ status: 'in_charge' });
    expect(taken.body.data.protocolNumber).toMatch(new RegExp(`^${year}/\\d{6}$`));
    const protocol = taken.body.data.protocolNumber;
    const [takenMail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes(citizen.email) && m.subject.includes(protocol))) as Mail[];
    expect(takenMail.subject).toBe(`Segnalazione ${protocol}: presa in carico – Comune di Esempio`);
    expect(takenMail.text).toContain('Ufficio Strade');

    await act(strade, id, 'publish').expect(409);
    await act(strade, id, 'moderate_text', { decision: 'approve', publicText: 'Cartello divelto in piazza [indirizzo omesso].' }).expect(200);
    const photos = taken.body.data.photos;
    expect(photos).toHaveLength(2);
    await act(strade, id, 'moderate_photo', { photo: photos[1].documentId, decision: 'reject' }).expect(400);
    await act(strade, id, 'moderate_photo', { photo: photos[0].documentId, decision: 'approve' }).expect(200);
    await act(strade, id, 'moderate_photo', { photo: photos[1].documentId, decision: 'reject', reason: 'Si vede una targa.' }).expect(200);
    const published = await act(strade, id, 'publish').expect(200);
    expect(published.body.data).toMatchObject({ published: true, publicText: 'Cartello divelto in piazza [indirizzo omesso].' });
    expect(published.body.data.photos.map((p: { moderation: string }) => p.moderation)).toEqual(['approved', 'rejected']);

    await act(strade, id, 'reply', { kind: 'feasibility', body: 'Interverremo entro la settimana.', public: true }).expect(200);
    await act(strade, id, 'reply', { kind: 'progress', body: 'Nota interna per il cittadino.', public: false }).expect(200);
    await act(strade, id, 'close', {}).expect(400);
    const closed = await act(strade, id, 'close', { body: 'Il cartello è stato rimesso a posto.' }).expect(200);
    expect(closed.body.data).toMatchObject({ status: 'closed', allowedActions: expect.arrayContaining(['reopen', 'unpublish']) });
    expect(closed.body.data.replies.map((r: { kind: string; public: boolean }) => [r.kind, r.public])).toEqual([
      ['feasibility', true],
      ['progress', false],
      ['final', true],
    ]);
    expect(closed.body.data.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'take_in_charge',
      'moderate_text',
      'moderate_photo',
      'moderate_photo',
      'publish',
      'reply',
      'reply',
      'close',
    ]);
    expect(closed.body.data.history[1]).toMatchObject({ actor: 'anna strade', fromStatus: 'submitted', toStatus: 'in_charge' });

    const reference = closed.body.data.reference;
    const aboutThis = (m: Mail) => m.to.includes(citizen.email) && (m.subject.includes(reference) || m.subject.includes(protocol));
    await app.mailbox.waitFor((m: Mail) => aboutThis(m) && m.subject.endsWith(': chiusa – Comune di Esempio'));
    const subjects = (await app.mailbox.waitFor(aboutThis, { count: 9 })).map((m: Mail) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `Segnalazione ${protocol}: testo approvato – Comune di Esempio`,
        expect.stringMatching(new RegExp(`^Segnalazione ${protocol}: foto n\\. \\d rifiutata – Comune di Esempio$`)),
        `Segnalazione ${protocol}: pubblicata nell’archivio – Comune di Esempio`,
        `Segnalazione ${protocol}: risposta dell’ufficio (fattibilità) – Comune di Esempio`,
        `Segnalazione ${protocol}: chiusa – Comune di Esempio`,
      ]),
    );
    const rejectedPhotoMail = (app.mailbox.messages as Mail[]).find((m) => m.subject.includes('rifiutata'));
    expect(rejectedPhotoMail?.text).toContain('Motivo: Si vede una targa.');

    // The public archive shows the approved words, the approved photo, the public replies — nobody's identity.
    const pub = await app.http().get(`/api/segnalazioni/reports/${id}`).expect(200);
    expect(pub.body.data).toMatchObject({
      documentId: id,
      protocolNumber: protocol,
      title: 'Cartello divelto in piazza',
      text: 'Cartello divelto in piazza [indirizzo omesso].',
      status: 'closed',
      category: { name: 'Segnaletica', slug: 'segnaletica' },
    });
    expect(pub.body.data.photos).toHaveLength(1);
    expect(pub.body.data.replies.map((r: { kind: string }) => r.kind)).toEqual(['feasibility', 'final']);
    const publicJson = JSON.stringify(pub.body);
    for (const secret of [citizen.email, citizen.lastName, 'Descrizione della segnalazione', 'Nota interna', 'Si vede una targa']) {
      expect(publicJson).not.toContain(secret);
    }
    await app.http().get(pub.body.data.photos[0].url).expect(200);
    const rejectedPhoto = closed.body.data.photos.find((p: { moderation: string }) => p.moderation === 'rejected');
    await app.http().get(new URL(rejectedPhoto.url, 'http://x').pathname).expect(404);
    const list = await app.http().get('/api/segnalazioni/reports?category=segnaletica').expect(200);
    expect(list.body.data.map((r: { documentId: string }) => r.documentId)).toEqual([id]);
    expect(list.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1, totalExact: true });
    const categories = await app.http().get('/api/segnalazioni/categories').expect(200);
    expect(categories.body.data.find((c: { slug: string }) => c.slug === 'segnaletica').reportCount).toBe(1);

    await act(strade, id, 'reopen', {}).expect(400);
    const reopened = await act(strade, id, 'reopen', { reason: 'Il cartello è caduto di nuovo.' }).expect(200);
    expect(reopened.body.data).toMatchObject({ status: 'in_progress', closedAt: null });
    await act(strade, id, 'unpublish').expect(200);
    await app.http().get(`/api/segnalazioni/reports/${id}`).expect(404);
    await app.http().get(pub.body.data.photos[0].url).expect(404);
  });

  it('refuses what the lifecycle does not allow with 409, and changes nothing', async () => {
    const id = await submit('Lampione spento', 'dissesto-stradale');
    const before = await app.strapi.db.query(REPORT).findOne({ where: { documentId: id } });
    for (const [action, body] of [
      ['close', { body: 'Fatto.' }],
      ['reply', { kind: 'progress', body: 'x', public: true }],
      ['reopen', { reason: 'perché sì' }],
      ['unpublish', {}],
    ] as const) {
      const response = await act(strade, id, action, body).expect(409);
      expect(response.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
      expect(response.body.error.message).toMatch(/non consentita/);
    }
    expect(await app.strapi.db.query(REPORT).findOne({ where: { documentId: id } })).toEqual(before);
    await act(strade, id, 'teleport').expect(404);
    await act(strade, id, 'take_in_charge', { protocolNumber: '1999/000001' }).expect(400);
  });

  it('needs the reason to reject, then rejects with it as the reply', async () => {
    const id = await submit('Segnalazione fuori competenza', 'segnaletica');
    await act(strade, id, 'reject', { public: false }).expect(400);
    const rejected = await act(strade, id, 'reject', { body: 'La strada è provinciale: abbiamo inoltrato la segnalazione alla Provincia.' }).expect(200);
    expect(rejected.body.data).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect(rejected.body.data.replies).toEqual([expect.objectContaining({ kind: 'rejection', public: false })]);
  });

  it('takes a published report that is then rejected out of the archive, its reason for the reporter only', async () => {
    const id = await submit('Cartello coperto da adesivi', 'segnaletica');
    await act(strade, id, 'take_in_charge').expect(200);
    await act(strade, id, 'moderate_text', { decision: 'approve' }).expect(200);
    await act(strade, id, 'publish').expect(200);
    const inArchive = async () => ({
      one: (await app.http().get(`/api/segnalazioni/reports/${id}`)).status,
      listed: (await app.http().get('/api/segnalazioni/reports?category=segnaletica&pageSize=100').expect(200)).body.data.some(
        (r: { documentId: string }) => r.documentId === id,
      ),
      found: (await app.http().get('/api/segnalazioni/reports?q=adesivi').expect(200)).body.data.some((r: { documentId: string }) => r.documentId === id),
      graphql: (
        await app
          .http()
          .post('/graphql')
          .send({ query: `{ segnalazioniReport(documentId: "${id}") { documentId } }` })
          .expect(200)
      ).body.data.segnalazioniReport,
    });
    expect(await inArchive()).toEqual({ one: 200, listed: true, found: true, graphql: { documentId: id } });

    // A reason cannot be made public: the rejection is the reporter's business.
    await act(strade, id, 'reject', { body: 'Il cartello è della Provincia.', public: true }).expect(400);
    const rejected = await act(strade, id, 'reject', { body: 'Il cartello è della Provincia: abbiamo girato la segnalazione a loro.' }).expect(200);
    expect(rejected.body.data).toMatchObject({ status: 'rejected', publishedAt: null });
    expect(rejected.body.data.replies).toEqual([expect.objectContaining({ kind: 'rejection', public: false })]);
    expect(await inArchive()).toEqual({ one: 404, listed: false, found: false, graphql: null });
    const rejection = rejected.body.data.history.find((entry: { action: string }) => entry.action === 'reject');
    expect(rejection.details).toMatchObject({ public: false, unpublished: true });
  });

  it('closes a duplicate: the citizen and the public are pointed to the original; what cannot be an original is refused', async () => {
    const publishNow = async (id: string) => {
      await act(strade, id, 'take_in_charge').expect(200);
      await act(strade, id, 'moderate_text', { decision: 'approve' }).expect(200);
      return (await act(strade, id, 'publish').expect(200)).body.data;
    };
    const original = await publishNow(await submit('Buca davanti alla scuola', 'dissesto-stradale'));
    const duplicate = await publishNow(await submit('Un’altra buca davanti alla scuola', 'dissesto-stradale'));
    const refused = await submit('Segnalazione respinta', 'segnaletica');
    await act(strade, refused, 'reject', { body: 'Non è di competenza del Comune.' }).expect(200);
    const refusedReference = (await app.strapi.db.query(REPORT).findOne({ where: { documentId: refused } })).reference;

    const problem = async (body: Record<string, unknown>) => (await act(strade, duplicate.documentId, 'mark_duplicate', body).expect(400)).body.error;
    expect(await problem({})).toMatchObject({
      details: { errors: [{ path: 'original', message: 'Segnalazione originale: il riferimento (es. K7QM-3XPA) o il numero di protocollo.' }] },
    });
    expect((await problem({ original: 'ZZZZ-ZZZZ' })).message).toBe(
      'Segnalazione originale: "ZZZZ-ZZZZ" non esiste (indicare il riferimento, es. K7QM-3XPA, o il numero di protocollo).',
    );
    expect((await problem({ original: duplicate.reference })).message).toBe('Segnalazione originale: è questa stessa segnalazione.');
    expect((await problem({ original: refusedReference })).message).toBe(
      `Segnalazione originale: ${refusedReference} è stata respinta: indicare una segnalazione accolta.`,
    );
    expect((await problem({ original: original.reference, note: 'x' })).message).toMatch(/note/);
    expect((await get(strade, `/segnalazioni/reports/${duplicate.documentId}`).expect(200)).body.data).toMatchObject({
      status: 'in_charge',
      duplicateOf: null,
    });

    // Named as a citizen would read it out: lower case is the same reference.
    const closed = await act(strade, duplicate.documentId, 'mark_duplicate', { original: original.reference.toLowerCase() }).expect(200);
    expect(closed.body.data).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      duplicateOf: { documentId: original.documentId, reference: original.reference, title: 'Buca davanti alla scuola' },
      allowedActions: expect.arrayContaining(['reopen']),
    });
    expect(closed.body.data.history.at(-1)).toMatchObject({
      action: 'mark_duplicate',
      fromStatus: 'in_charge',
      toStatus: 'closed',
      details: { original: original.reference },
    });
    const subject = `Segnalazione ${closed.body.data.protocolNumber}: problema già segnalato – Comune di Esempio`;
    const [mail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes(citizen.email) && m.subject === subject)) as Mail[];
    expect(mail.text).toContain(`riguarda lo stesso problema della segnalazione ${original.reference}, già all'attenzione del Comune`);
    expect(mail.text).toContain(`dall'Ufficio Strade`);
    expect(mail.text).toContain(`Segui la segnalazione originale: http://sportello.test/sportello/segnalazioni/${original.documentId}`);
    expect(app.mailbox.messages.filter((m: Mail) => m.subject === subject)).toHaveLength(1);

    const publicView = (await app.http().get(`/api/segnalazioni/reports/${duplicate.documentId}`).expect(200)).body.data;
    expect(publicView).toMatchObject({ status: 'closed', duplicateOf: { documentId: original.documentId, reference: original.reference } });
    expect((await app.http().get(`/api/segnalazioni/reports/${original.documentId}`).expect(200)).body.data.duplicateOf).toBeNull();
    const graphql = await app
      .http()
      .post('/graphql')
      .send({ query: `{ segnalazioniReport(documentId: "${duplicate.documentId}") { duplicateOf { documentId reference } } }` })
      .expect(200);
    expect(graphql.body.data.segnalazioniReport.duplicateOf).toEqual({ documentId: original.documentId, reference: original.reference });

    // A duplicate is no original: the officer is told which one is; and a closed report is not marked again.
    const third = await submit('Terza buca davanti alla scuola', 'dissesto-stradale');
    expect((await act(strade, third, 'mark_duplicate', { original: duplicate.reference }).expect(400)).body.error.message).toBe(
      `Segnalazione originale: ${duplicate.reference} è a sua volta un duplicato: indicare la sua originale, ${original.reference}.`,
    );
    // By protocol number, from the queue's first state (submitted), with no mail link while the original is not public.
    const unpublished = (await act(strade, await submit('Tombino rotto in via Milano', 'dissesto-stradale'), 'take_in_charge').expect(200)).body.data;
    await act(strade, third, 'mark_duplicate', { original: unpublished.protocolNumber }).expect(200);
    const thirdReference = (await app.strapi.db.query(REPORT).findOne({ where: { documentId: third } })).reference;
    const [quiet] = (await app.mailbox.waitFor(
      (m: Mail) => m.subject === `Segnalazione ${thirdReference}: problema già segnalato – Comune di Esempio`,
    )) as Mail[];
    expect(quiet.text).toContain(unpublished.reference);
    expect(quiet.text).not.toContain('Segui la segnalazione originale');
    await act(strade, third, 'mark_duplicate', { original: original.reference }).expect(409);

    // Reopened, a duplicate is no longer one: the office took it for a copy by mistake.
    const reopened = await act(strade, duplicate.documentId, 'reopen', { reason: 'Non era la stessa buca: questa è all’incrocio.' }).expect(200);
    expect(reopened.body.data).toMatchObject({ status: 'in_progress', duplicateOf: null });
    expect(reopened.body.data.history.at(-1).details).toMatchObject({ wasDuplicateOf: original.reference });
    expect((await app.http().get(`/api/segnalazioni/reports/${duplicate.documentId}`).expect(200)).body.data.duplicateOf).toBeNull();
  });

  it('takes out, on upgrade, the rejected reports that an earlier version left in the archive', async () => {
    const id = await submit('Affissioni sul ponte', 'segnaletica');
    await act(strade, id, 'take_in_charge').expect(200);
    await act(strade, id, 'moderate_text', { decision: 'approve' }).expect(200);
    await act(strade, id, 'publish').expect(200);
    // What rejecting a published report did before: the status changed, the publication stayed.
    await app.strapi.db.query(REPORT).update({ where: { documentId: id }, data: { status: 'rejected' } });
    expect((await app.http().get('/api/segnalazioni/reports?q=ponte').expect(200)).body.data).toHaveLength(1);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require('../../database/migrations/2026.12.01T20.00.00.unpublish-rejected-reports.js');
    await migration.up(app.strapi.db.connection);
    expect(await app.strapi.db.query(REPORT).findOne({ where: { documentId: id } })).toMatchObject({ isPublic: false, publishedOn: null });
    // On upgrade the archive's projection is made after this migration, from the reports as it left them.
    await app.strapi.plugin('segnalazioni').service('archive-projection').rebuild();
    await app.http().get(`/api/segnalazioni/reports/${id}`).expect(404);
    expect((await app.http().get('/api/segnalazioni/reports?q=ponte').expect(200)).body.data).toHaveLength(0);
  });

  it('keeps an officer away from another office: 403 to read or act', async () => {
    const id = await submit('Albero pericolante', 'zone-verdi');
    const denied = await get(strade, `/segnalazioni/reports/${id}`).expect(403);
    expect(denied.body.error.message).toBe('Questa segnalazione è di un altro ufficio.');
    await act(strade, id, 'take_in_charge').expect(403);
    expect((await app.strapi.db.query(REPORT).findOne({ where: { documentId: id } })).status).toBe('submitted');
    await get(verde, `/segnalazioni/reports/${id}`).expect(200);
    await app.http().get(`/segnalazioni/reports/${id}`).expect(401);
  });

  it('reassigns to another office, which is emailed and takes over', async () => {
    const id = await submit('Rami sulla strada', 'dissesto-stradale');
    await app.strapi.db
      .query('plugin::segnalazioni.reply-template')
      .create({ data: { name: 'Presa in carico standard', kind: 'feasibility', body: 'Interverremo al più presto.' } });
    const options = await get(strade, '/segnalazioni/options').expect(200);
    expect(options.body.data.replyTemplates).toEqual([
      { documentId: expect.any(String), name: 'Presa in carico standard', kind: 'feasibility', body: 'Interverremo al più presto.', category: null },
    ]);
    const verdeOffice = options.body.data.offices.find((o: { name: string }) => o.name === 'Ufficio Verde');
    app.mailbox.clear();
    const reassigned = await act(strade, id, 'reassign', { office: verdeOffice.documentId, note: 'Sono rami di un albero del parco.' }).expect(200);
    expect(reassigned.body).toEqual({ data: null, meta: { leftScope: true } });
    const [mail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes('verde@comune.test') && m.subject.includes('Rami sulla strada'))) as Mail[];
    expect(mail.subject).toBe(
      `Segnalazione ${(await get(verde, `/segnalazioni/reports/${id}`)).body.data.reference}: assegnata al vostro ufficio, «Rami sulla strada» – Comune di Esempio`,
    );
    expect(mail.text).toContain('Nota: Sono rami di un albero del parco.');
    await get(strade, `/segnalazioni/reports/${id}`).expect(403);
    await act(verde, id, 'take_in_charge').expect(200);
  });

  it('lets nobody change a report around the workflow in the Content Manager', async () => {
    const id = await submit('Scritte sul muro', 'segnaletica');
    const cm = `/content-manager/collection-types/${REPORT}`;
    const own = await get(strade, `${cm}?page=1&pageSize=100`).expect(200);
    const titles = own.body.results.map((r: { title: string }) => r.title);
    expect(titles).toContain('Scritte sul muro');
    expect(titles).not.toContain('Albero pericolante');
    await get(strade, `${cm}/${(await app.strapi.db.query(REPORT).findOne({ where: { title: 'Albero pericolante' } })).documentId}`).expect(403);

    // The Content Manager reads a `status` field as its own draft/published switch and refuses it first.
    await app.http().put(`${cm}/${id}`).set('Authorization', `Bearer ${urp.token}`).send({ status: 'closed' }).expect(400);
    const edit = await app.http().put(`${cm}/${id}`).set('Authorization', `Bearer ${urp.token}`).send({ isPublic: true, textModeration: 'approved' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/pannello Segnalazioni/);
    const create = await app
      .http()
      .post(cm)
      .set('Authorization', `Bearer ${urp.token}`)
      .send({ title: 'Finta', description: 'Inserita a mano', reference: 'AAAA-BBBB', submittedAt: new Date().toISOString() });
    expect(create.status).toBe(403);
    await app.http().delete(`${cm}/${id}`).set('Authorization', `Bearer ${urp.token}`).expect(403);
    expect(await app.strapi.db.query(REPORT).findOne({ where: { documentId: id } })).toMatchObject({ status: 'submitted', isPublic: false });
  });

  it('gives 50 reports taken in charge at once 50 distinct consecutive protocol numbers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await submit(`Segnalazione concorrente ${i}`, 'dissesto-stradale'));
    const before = await app.strapi.db.query('plugin::segnalazioni.protocol-counter').findOne({ where: { year } });
    const responses = await Promise.all(ids.map((id) => act(strade, id, 'take_in_charge')));
    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = responses.map((r) => Number(r.body.data.protocolNumber.split('/')[1])).sort((a, b) => a - b);
    const first = (before?.lastNumber ?? 0) + 1;
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => first + i));
  });
});
