import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, publishThroughPanel, type TestStaff } from '../helpers/staff';
import { countRows } from '../helpers/row-counts';
import { asText, georeportProblems, xmlAsObjects } from '../helpers/open311';

type Mail = { to: string[]; subject: string; text: string };

/**
 * Open311 GeoReport v2 at /open311/v2, as another civic system uses it: answers checked against
 * JSON Schemas written from the spec, the XML read back with a real parser into the same objects,
 * keys issued as Strapi API tokens, and a client that behaves as FixMyStreet's (XML only, the key
 * and `attribute[…]` in a form-encoded body, the id kept from the POST's answer).
 */
describe('Open311 GeoReport v2', () => {
  let app: TestApp;
  let urp: TestStaff;
  let fullAccess: string;
  let readOnly: string;
  let custom: string;
  let published: { documentId: string; reference: string; protocolNumber: string };
  let unpublished: { reference: string };

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const get = (path: string) => app.http().get(`/open311/v2/${path}`);
  const post = (path: string, fields: Record<string, string>) =>
    app.http().post(`/open311/v2/${path}`).set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8').send(form(fields));

  /** The same resource in both formats: JSON valid against its schema, XML with the same content, in the spec's element names. */
  async function both(path: string, schema: Parameters<typeof georeportProblems>[0], root: string, status = 200) {
    const json = await get(`${path.replace('{fmt}', 'json')}`).expect(status);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(georeportProblems(schema, json.body)).toEqual([]);
    const xml = await get(`${path.replace('{fmt}', 'xml')}`).expect(status);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const parsed = xmlAsObjects(xml.text);
    expect(parsed.root).toBe(root);
    expect(parsed.value).toEqual(asText(json.body));
    return json.body;
  }

  async function apiToken(name: string, type: 'full-access' | 'read-only' | 'custom', permissions: string[] = []): Promise<string> {
    const token = await app.strapi
      .service('admin::api-token')
      .create({ name, type, lifespan: null, description: `Open311: ${name}`, ...(type === 'custom' ? { permissions } : {}) });
    return (token as { accessKey: string }).accessKey;
  }

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '200', MUNICIPALITY_BBOX: '7.9,45.4,8.2,45.7', PUBLIC_URL: 'https://segnalazioni.comune.example.it' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [], ['rifiuti']);
    await app.strapi.documents('plugin::segnalazioni.category').update({
      documentId: (await app.strapi.db.query('plugin::segnalazioni.category').findOne({ where: { slug: 'rifiuti' } })).documentId,
      data: {
        questions: [
          { code: 'cassonetti', text: 'Quanti cassonetti sono pieni?', datatype: 'number', required: true, order: 1 },
          {
            code: 'tipo',
            text: 'Che rifiuti sono?',
            datatype: 'singlevaluelist',
            required: false,
            order: 2,
            values: [
              { key: 'ingombranti', name: 'Ingombranti' },
              { key: 'vetro', name: 'Vetro' },
            ],
          },
        ],
      },
    });
    fullAccess = await apiToken('FixMyStreet', 'full-access');
    readOnly = await apiToken('Cruscotto', 'read-only');
    custom = await apiToken('App comunale', 'custom', ['plugin::segnalazioni.open311.create']);

    const citizen = await createCitizen(app, 'anna.rossi@example.it');
    const intake = app.strapi.plugin('segnalazioni').service('intake');
    const submit = (title: string, category: string) =>
      intake.submit({
        citizen,
        input: { title, description: `${title}: la segnalazione di una cittadina, con il suo numero 333 1234567.`, category, latitude: 45.56, longitude: 8.05 },
        files: [],
      });
    const report = await submit('Cassonetti pieni in via Italia', 'rifiuti');
    await publishThroughPanel(app, urp, report.documentId);
    const row = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId: report.documentId } });
    published = { documentId: report.documentId, reference: row.reference, protocolNumber: row.protocolNumber };
    unpublished = { reference: (await submit('Buca in via Roma, non ancora pubblicata', 'dissesto-stradale')).reference };
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('describes itself: discovery, the active categories as services, a category’s questions as attributes', async () => {
    const discovery = await both('discovery.{fmt}', 'discovery', 'discovery');
    expect(discovery.endpoints[0].url).toBe('https://segnalazioni.comune.example.it/open311/v2/');
    const services = await both('services.{fmt}', 'services', 'services');
    expect(services.map((service: { service_code: string }) => service.service_code)).toContain('dissesto-stradale');
    expect(services.find((service: { service_code: string }) => service.service_code === 'rifiuti')).toMatchObject({
      service_name: 'Rifiuti',
      metadata: true,
      type: 'realtime',
      group: 'Ufficio Ambiente',
    });
    const definition = await both('services/rifiuti.{fmt}', 'serviceDefinition', 'service_definition');
    expect(definition.attributes.map((attribute: { code: string; required: boolean }) => [attribute.code, attribute.required])).toEqual([
      ['cassonetti', true],
      ['tipo', false],
    ]);
    expect(definition.attributes[1].values).toEqual([
      { key: 'ingombranti', name: 'Ingombranti' },
      { key: 'vetro', name: 'Vetro' },
    ]);
  });

  it('refuses questions an editor got wrong, whoever saves them', async () => {
    const category = await app.strapi.db.query('plugin::segnalazioni.category').findOne({ where: { slug: 'segnaletica' } });
    await expect(
      app.strapi.documents('plugin::segnalazioni.category').update({
        documentId: category.documentId,
        data: { questions: [{ code: 'Targa!', text: 'Targa del veicolo', datatype: 'string', order: 1 }] },
      }),
    ).rejects.toThrow('code: lettere minuscole, cifre e trattini bassi, al massimo 40, cominciando con una lettera.');
    expect((await app.strapi.db.query('plugin::segnalazioni.category').findOne({ where: { slug: 'segnaletica' } })).questions).toBeNull();
  });

  it('lists published reports only, with public fields only, and finds one by its id or protocol number', async () => {
    const requests = await both('requests.{fmt}', 'requests', 'service_requests');
    expect(requests.map((request: { service_request_id: string }) => request.service_request_id)).toEqual([published.reference]);
    const [request] = requests;
    expect(request).toMatchObject({ status: 'open', service_code: 'rifiuti', service_name: 'Rifiuti', agency_responsible: 'Ufficio Ambiente' });
    expect(request.service_notice).toBe(`Protocollo n. ${published.protocolNumber}`);
    // The officer approved the text as it was; nothing of the citizen's account is there.
    const everything = JSON.stringify(requests);
    expect(everything).not.toContain('anna.rossi');
    expect(everything).not.toContain(unpublished.reference);
    expect(await both(`requests/${published.reference}.{fmt}`, 'requests', 'service_requests')).toEqual(requests);
    expect(await both(`requests/${published.protocolNumber.replace('/', '-')}.{fmt}`, 'requests', 'service_requests')).toEqual(requests);
    const listed = await get(`requests.json?service_request_id=${published.reference},${unpublished.reference}`).expect(200);
    expect(listed.body).toEqual(requests);
    await both(`requests/${unpublished.reference}.{fmt}`, 'errors', 'errors', 404);
  });

  it('filters by service, status and window, and refuses a window over 90 days or a bad date', async () => {
    expect((await get('requests.json?service_code=dissesto-stradale').expect(200)).body).toEqual([]);
    expect((await get('requests.json?service_code=rifiuti,zone-verdi&status=open').expect(200)).body).toHaveLength(1);
    expect((await get('requests.json?status=closed').expect(200)).body).toEqual([]);
    expect((await get('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z').expect(200)).body).toEqual([]);
    const wide = await both('requests.{fmt}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00%2B01:00', 'errors', 'errors', 400);
    expect(wide[0]).toEqual({ code: 400, description: 'start_date e end_date: al massimo 90 giorni di distanza.' });
    const bad = await get('requests.xml?start_date=ieri&status=forse').expect(400);
    const errors = xmlAsObjects(bad.text).value as { code: string; description: string }[];
    expect(errors.map((error) => error.description)).toEqual(['start_date: una data W3C, per esempio 2026-03-15T09:30:00+01:00.', 'status: open o closed.']);
  });

  it('refuses a write without a key, with a read-only key or a made-up one, leaving nothing behind', async () => {
    const before = await countRows(app);
    const request = { service_code: 'dissesto-stradale', lat: '45.56', long: '8.05', description: 'Una buca profonda davanti al civico 3.' };
    const missing = await post('requests.xml', request).expect(403);
    expect(xmlAsObjects(missing.text).value).toEqual([{ code: '403', description: 'api_key: manca la chiave del servizio; si ottiene dal Comune.' }]);
    await post('requests.xml', { ...request, api_key: readOnly }).expect(403);
    await post('requests.xml', { ...request, api_key: 'x'.repeat(64) }).expect(403);
    await post('requests.json', { ...request, api_key: 'y'.repeat(5000) }).expect(403);
    expect(await countRows(app)).toEqual(before);
  });

  it('answers bad requests with the spec’s errors and leaves nothing behind', async () => {
    const before = await countRows(app);
    const base = { api_key: fullAccess, service_code: 'rifiuti', lat: '45.56', long: '8.05', description: 'Cassonetti pieni da una settimana.' };
    const problems = async (fields: Record<string, string>, status = 400) =>
      (xmlAsObjects((await post('requests.xml', fields).expect(status)).text).value as { description: string }[]).map((error) => error.description);
    expect(await problems(base)).toEqual(['attribute[cassonetti]: risposta obbligatoria ("Quanti cassonetti sono pieni?").']);
    expect(await problems({ ...base, 'attribute[cassonetti]': 'tre', 'attribute[tipo]': 'plastica' })).toEqual([
      'attribute[cassonetti]: un numero.',
      'attribute[tipo]: plastica non è tra le risposte possibili (ingombranti, vetro).',
    ]);
    expect(await problems({ ...base, service_code: 'nessuna' }, 404)).toEqual(['service_code: "nessuna" non è un servizio attivo (vedere services.xml).']);
    expect(await problems({ ...base, lat: '44.1', long: '8.05', 'attribute[cassonetti]': '2' })).toEqual([
      'Posizione: il punto indicato è fuori dal territorio comunale.',
    ]);
    const { lat: _lat, long: _long, ...placeless } = base;
    expect(await problems({ ...placeless, 'attribute[cassonetti]': '2' })).toEqual(['Posizione: indicare lat e long, oppure address_string.']);
    expect(await problems({ ...base, description: 'x'.repeat(4001), 'attribute[cassonetti]': '2' })).toEqual(['description: al massimo 4000 caratteri.']);
    expect(await problems({ ...base, media_url: 'file:///etc/passwd', 'attribute[cassonetti]': '2' })).toEqual(['media_url: un indirizzo http o https.']);
    const json = await post('requests.json', { ...base, email: 'non-una-mail' }).expect(400);
    expect(georeportProblems('errors', json.body)).toEqual([]);
    await post('requests.html', base).expect(404);
    await get('services.csv').expect(404);
    const unknown = await get('nessuna-risorsa.json').expect(404);
    expect(georeportProblems('errors', unknown.body)).toEqual([]);
    expect(await countRows(app)).toEqual(before);
  });

  it('takes a request from a FixMyStreet-like client into the same intake and moderation as any report', async () => {
    // FixMyStreet posts XML-bound forms with its own extra parameters and attributes, and keeps the id it is answered.
    const created = await post('requests.xml', {
      api_key: fullAccess,
      jurisdiction_id: 'comune.example.it',
      service_code: 'rifiuti',
      lat: '45.5628',
      long: '8.0583',
      first_name: 'Bruno',
      last_name: 'Verdi',
      email: 'bruno.verdi@example.org',
      phone: '+39 015 351 1234',
      description: 'Cassonetti del vetro pieni\n\nI cassonetti di piazza Duomo sono pieni da giorni <e il vetro & la carta sono a terra>.\u0007',
      media_url: 'https://fixmystreet.example.org/photo/1.jpeg',
      deviceid: 'FixMyStreet',
      'attribute[cassonetti]': '3',
      'attribute[tipo]': 'vetro',
      'attribute[report_url]': 'https://fixmystreet.example.org/report/1',
    });
    expect(created.status).toBe(201);
    const answer = xmlAsObjects(created.text).value as { service_request_id: string; service_notice: string }[];
    expect(answer).toHaveLength(1);
    const id = answer[0].service_request_id;
    const report = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { reference: id }, populate: { category: true, history: true } });
    expect(report).toMatchObject({
      channel: 'open311',
      status: 'submitted',
      isPublic: false,
      title: 'Cassonetti del vetro pieni',
      contactName: 'Bruno Verdi',
      contactEmail: 'bruno.verdi@example.org',
      contact: '+390153511234',
      mediaUrl: 'https://fixmystreet.example.org/photo/1.jpeg',
      answers: [
        { code: 'cassonetti', question: 'Quanti cassonetti sono pieni?', answer: 3 },
        { code: 'tipo', question: 'Che rifiuti sono?', answer: 'vetro' },
      ],
    });
    expect(report.category.slug).toBe('rifiuti');
    expect(report.history[0]).toMatchObject({ action: 'submit', actorType: 'channel', actorLabel: 'FixMyStreet' });
    // The office sees the answers and the sender's photo link in the panel; the public never does.
    const panel = await app.http().get(`/segnalazioni/reports/${report.documentId}`).set('Authorization', `Bearer ${urp.token}`).expect(200);
    expect(panel.body.data).toMatchObject({
      channel: 'open311',
      citizen: { name: 'Bruno Verdi', email: 'bruno.verdi@example.org', phone: '+390153511234' },
      answers: [
        { code: 'cassonetti', question: 'Quanti cassonetti sono pieni?', answer: 3 },
        { code: 'tipo', question: 'Che rifiuti sono?', answer: 'vetro' },
      ],
      mediaUrl: 'https://fixmystreet.example.org/photo/1.jpeg',
    });
    // The citizen gets the receipt, the office its notice.
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes('bruno.verdi@example.org') && mail.subject.includes(id));
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes('ambiente@comune.test') && mail.subject.includes(id));

    // Not public until the office has approved it; then the same id finds it, the text as the office approved it.
    await get(`requests/${id}.xml`).expect(404);
    await publishThroughPanel(app, urp, report.documentId);
    const [request] = xmlAsObjects((await get(`requests/${id}.xml`).expect(200)).text).value as Record<string, string>[];
    expect(request.service_request_id).toBe(id);
    expect(request.description).toContain('<e il vetro & la carta sono a terra>.');
    expect(request.description).not.toContain('\u0007');
    const archived = await app.http().get(`/api/segnalazioni/reports/${report.documentId}`).expect(200);
    expect(JSON.stringify(archived.body)).not.toMatch(/fixmystreet\.example\.org|Bruno|cassonetti sono pieni/);
    // The public place, as the office approved it: near the point given, not exactly it.
    expect(Math.abs(Number(request.lat) - 45.5628)).toBeLessThan(0.002);
    // FixMyStreet follows the report through its updates: the public replies, each once, with the status it leaves.
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const act = (action: string, body: Record<string, unknown>) =>
      app.http().post(`/segnalazioni/reports/${report.documentId}/actions/${action}`).set('Authorization', `Bearer ${urp.token}`).send(body).expect(200);
    await act('reply', { kind: 'progress', body: 'Abbiamo chiesto lo svuotamento straordinario.', public: true });
    await act('reply', { kind: 'progress', body: 'Nota interna: chiamare la ditta.', public: false });
    await act('close', { body: 'I cassonetti sono stati svuotati.', public: true });
    const updatesXml = await get(`servicerequestupdates.xml?start_date=${encodeURIComponent(since)}&api_key=&jurisdiction_id=comune.example.it`).expect(200);
    const updates = xmlAsObjects(updatesXml.text);
    expect(updates.root).toBe('service_request_updates');
    const ours = (updates.value as Record<string, string>[]).filter((update) => update.service_request_id === id);
    expect(ours.map(({ status, description }) => [status, description])).toEqual([
      ['open', 'Abbiamo chiesto lo svuotamento straordinario.'],
      ['closed', 'I cassonetti sono stati svuotati.'],
    ]);
    expect(new Set(ours.map((update) => update.update_id)).size).toBe(2);
    const updatesJson = await get(`servicerequestupdates.json?start_date=${encodeURIComponent(since)}`).expect(200);
    expect(georeportProblems('updates', updatesJson.body)).toEqual([]);
    expect(asText(updatesJson.body)).toEqual(updates.value);
    expect((await get('servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z').expect(200)).body).toEqual([]);
    // FixMyStreet's status check: a comma list of the ids it keeps.
    const checked = xmlAsObjects(
      (await get(`requests.xml?service_request_id=${id},${published.reference}&jurisdiction_id=comune.example.it`).expect(200)).text,
    );
    expect((checked.value as { service_request_id: string }[]).map((entry) => entry.service_request_id).sort()).toEqual([id, published.reference].sort());
  });

  it('relays a FixMyStreet user’s comment to the office as a private note, once however often it is retried', async () => {
    const sent = xmlAsObjects(
      (
        await post('requests.xml', {
          api_key: fullAccess,
          service_code: 'dissesto-stradale',
          lat: '45.5601',
          long: '8.0544',
          description: 'Tombino rumoroso\nIl tombino davanti al civico 3 sbatte a ogni auto che passa.',
        }).expect(201)
      ).text,
    ).value as { service_request_id: string }[];
    const ownReference = sent[0].service_request_id;
    const notes = async (reference: string) =>
      (
        await app.strapi.db.query('plugin::segnalazioni.history-entry').findMany({
          where: { report: { reference }, action: 'comment' },
          select: ['details', 'actorLabel', 'actorType', 'fromStatus', 'toStatus'],
          orderBy: { id: 'asc' },
        })
      ).map(({ details, id: _id, ...entry }) => ({ ...entry, note: details.note, statusHint: details.statusHint }));
    // As FixMyStreet's Open311.pm sends a comment: XML, the key and the fields in a form body.
    const comment = {
      api_key: fullAccess,
      jurisdiction_id: 'comune.example.it',
      service_request_id: published.reference,
      updated_datetime: '2026-12-03T10:15:00+01:00',
      status: 'FIXED',
      email: 'carla.neri@example.org',
      first_name: 'Carla',
      last_name: 'Neri',
      description: 'I cassonetti sono stati svuotati stamattina, grazie!\u0007',
      update_id: '4711',
      media_url: 'https://fixmystreet.example.org/photo/c/4711.full.jpeg',
      public_anonymity_required: 'FALSE',
      email_alerts_requested: 'FALSE',
    };
    const first = await post('servicerequestupdates.xml', comment).expect(201);
    const parsed = xmlAsObjects(first.text);
    expect(parsed.root).toBe('service_request_updates');
    const [{ update_id: updateId }] = parsed.value as { update_id: string }[];
    expect(updateId).toMatch(/^[a-z0-9]{24}$/);
    // A retry (FixMyStreet's cron, after a timeout) makes no second note: the same id, 200.
    const again = await post('servicerequestupdates.xml', comment).expect(200);
    expect(xmlAsObjects(again.text).value).toEqual([{ update_id: updateId }]);
    expect(await notes(published.reference)).toEqual([
      {
        actorType: 'channel',
        actorLabel: 'FixMyStreet',
        fromStatus: 'in_charge',
        toStatus: 'in_charge',
        note: 'I cassonetti sono stati svuotati stamattina, grazie!',
        statusHint: 'risolta',
      },
    ]);
    // The office is told, with who wrote it and what they say; the report itself does not change.
    const [mail] = await app.mailbox.waitFor((mail: Mail) => mail.to.includes('ambiente@comune.test') && mail.subject.includes(': nuovo commento, «'));
    expect(mail.subject).toContain(published.protocolNumber);
    expect(mail.text).toContain('FixMyStreet ha inoltrato un commento');
    expect(mail.text).toContain('Scritto da: Carla Neri <carla.neri@example.org>');
    expect(mail.text).toContain('Secondo chi scrive, la segnalazione è: risolta');
    expect(mail.text).toContain('https://fixmystreet.example.org/photo/c/4711.full.jpeg');
    expect(mail.text).toMatch(/\/admin\/plugins\/segnalazioni\/reports\//);
    const row = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { reference: published.reference } });
    expect(row.status).toBe('in_charge');
    // Nothing of it is public: not the archive, not the updates FixMyStreet reads back.
    expect(JSON.stringify((await app.http().get(`/api/segnalazioni/reports/${published.documentId}`).expect(200)).body)).not.toMatch(
      /svuotati stamattina|Carla/,
    );
    expect(JSON.stringify((await get('servicerequestupdates.json').expect(200)).body)).not.toMatch(/svuotati stamattina/);
    // The panel shows the note in the report's history.
    const panel = await app.http().get(`/segnalazioni/reports/${published.documentId}`).set('Authorization', `Bearer ${urp.token}`).expect(200);
    expect(panel.body.data.history.find((entry: { action: string }) => entry.action === 'comment')?.details.note).toBe(
      'I cassonetti sono stati svuotati stamattina, grazie!',
    );

    // Two copies at once (a client's retry racing its first try): one note.
    const twice = await Promise.all([1, 2].map(() => post('servicerequestupdates.json', { ...comment, update_id: '4712', description: 'Inviato due volte.' })));
    expect(twice.map((response) => response.status).sort()).toEqual([200, 201]);
    expect(new Set(twice.map((response) => response.body[0].update_id)).size).toBe(1);
    expect((await notes(published.reference)).map(({ note }) => note)).toEqual(['I cassonetti sono stati svuotati stamattina, grazie!', 'Inviato due volte.']);

    // Its own report, still waiting for moderation, takes comments; another channel's unpublished one is no report of its.
    await post('servicerequestupdates.json', { api_key: fullAccess, service_request_id: ownReference, description: 'Ora sbatte anche di notte.' }).expect(201);
    expect((await notes(ownReference)).map(({ note }) => note)).toEqual(['Ora sbatte anche di notte.']);
    const unknown = await post('servicerequestupdates.json', {
      api_key: fullAccess,
      service_request_id: unpublished.reference,
      description: 'Curioso.',
    }).expect(404);
    expect(georeportProblems('errors', unknown.body)).toEqual([]);
    expect(await notes(unpublished.reference)).toEqual([]);
    // Without a key, with a read-only one, with bad fields: the spec's errors, nothing written.
    await post('servicerequestupdates.xml', { service_request_id: published.reference, description: 'Senza chiave.' }).expect(403);
    await post('servicerequestupdates.xml', { api_key: readOnly, service_request_id: published.reference, description: 'Sola lettura.' }).expect(403);
    const bad = await post('servicerequestupdates.json', {
      api_key: fullAccess,
      service_request_id: published.reference,
      status: 'FORSE',
      description: ' \u200b ',
    }).expect(400);
    expect(bad.body.map((error: { description: string }) => error.description)).toEqual([
      'description: il testo del commento è obbligatorio.',
      'status: uno tra OPEN, CLOSED, FIXED, IN_PROGRESS, ACTION_SCHEDULED, INVESTIGATING, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL.',
    ]);
    expect(await notes(published.reference)).toHaveLength(2);
    // A rejected report takes no more comments (409).
    const rejected = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { reference: ownReference } });
    await app
      .http()
      .post(`/segnalazioni/reports/${rejected.documentId}/actions/reject`)
      .set('Authorization', `Bearer ${urp.token}`)
      .send({ body: 'Non è un tombino comunale.' })
      .expect(200);
    await post('servicerequestupdates.json', { api_key: fullAccess, service_request_id: ownReference, description: 'E adesso?' }).expect(409);
  });

  it('accepts a custom key that holds open311.create, and caches reads like the archive', async () => {
    const created = await post('requests.json', {
      api_key: custom,
      service_code: 'dissesto-stradale',
      address_string: 'via Italia 12, Biella',
      description: 'Una buca profonda davanti al civico 12.',
    }).expect(201);
    expect(georeportProblems('created', created.body)).toEqual([]);
    const first = await get('services.xml').expect(200);
    expect(first.headers.etag).toBeTruthy();
    await get('services.xml').set('If-None-Match', first.headers.etag).expect(304);
  });
});

/** A client over its limit is told so as the spec writes errors, with when to come back, and nothing is made. */
describe('Open311 writes over the limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ RATE_LIMIT_OPEN311_PER_IP: '1', RATE_LIMIT_OPEN311_WINDOW_MINUTES: '60' });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 429 in GeoReport’s error format, with Retry-After', async () => {
    const token = await app.strapi.service('admin::api-token').create({ name: 'FixMyStreet', type: 'full-access', lifespan: null, description: 'Open311' });
    const fields = new URLSearchParams({
      api_key: (token as { accessKey: string }).accessKey,
      service_code: 'dissesto-stradale',
      address_string: 'via Italia 12',
      description: 'Una buca profonda davanti al civico 12.',
    }).toString();
    const send = () => app.http().post('/open311/v2/requests.xml').set('Content-Type', 'application/x-www-form-urlencoded').send(fields);
    await send().expect(201);
    const before = await countRows(app);
    const refused = await send().expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const [error] = xmlAsObjects(refused.text).value as { code: string; description: string }[];
    expect(error.code).toBe('429');
    expect(error.description).toMatch(/riprova/i);
    expect(await countRows(app)).toEqual(before);
  });
});
