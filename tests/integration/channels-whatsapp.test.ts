import path from 'path';
import exifr from 'exifr';
import { startApp, type TestApp } from '../helpers/app';
import { startGraphApi, type GraphStandIn } from '../helpers/graph-api';
import { fakeJpeg, jpegOfSize, jpegWithGps } from '../helpers/images';
import { META, channelEnv, deliver, waDelivery, waMessage } from '../helpers/meta';
import { createStaff, type TestStaff } from '../helpers/staff';

const REPORT = 'plugin::segnalazioni.report';
const MESSAGE = 'plugin::segnalazioni.channel-message';
const NOTIFICATION = 'plugin::segnalazioni.notification';
type Mail = { to: string[]; subject: string; text: string };

/** Tuesday 24 November 2026, 10:00 in Rome: the URP is open. */
const TUESDAY_MORNING = new Date('2026-11-24T09:00:00Z');
const minutes = (n: number) => new Date(TUESDAY_MORNING.getTime() + n * 60_000);

describe('WhatsApp channel', () => {
  let app: TestApp;
  let graph: GraphStandIn;
  let urp: TestStaff;
  let nextId = 0;
  const id = () => `wamid.HBgLMzkzMzMxMjM0NTY3FQIAEhgg${++nextId}`;

  const reportsOf = (contact: string) =>
    app.strapi.db.query(REPORT).findMany({
      where: { contact },
      populate: { photos: { populate: { file: true } }, history: { orderBy: { id: 'asc' } }, category: true, office: true },
      orderBy: { id: 'asc' },
    });
  const sentTo = (number: string) => graph.whatsappSent().filter((message) => message.to === number);
  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${urp.token}`).send(body).expect(200);

  beforeAll(async () => {
    graph = await startGraphApi({ tokens: [META.whatsappToken, META.pageToken] });
    app = await startApp({ ...channelEnv(graph.url), NOTIFICATION_POLL_MS: '150', NOTIFICATION_RETRY_BASE_MS: '100', NOTIFICATION_MAX_ATTEMPTS: '6' });
    app.strapi.plugin('segnalazioni').service('clock').set(TUESDAY_MORNING);
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
  });

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  describe('webhook verification', () => {
    const verify = (query: Record<string, string>) => app.http().get('/api/segnalazioni/channels/whatsapp').query(query);

    it('echoes the challenge to the right verify token', async () => {
      const response = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': META.whatsappVerifyToken, 'hub.challenge': '1158201444' }).expect(200);
      expect(response.text).toBe('1158201444');
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('refuses a wrong token (403) and a request that is no handshake (400)', async () => {
      const wrong = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': META.facebookVerifyToken, 'hub.challenge': '1' }).expect(403);
      expect(wrong.body.error).toMatchObject({ status: 403, message: 'Token di verifica errato.' });
      await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': META.whatsappVerifyToken }).expect(400);
    });

    it('knows no other channel', async () => {
      await app.http().get('/api/segnalazioni/channels/telegram').query({ 'hub.mode': 'subscribe' }).expect(404);
    });
  });

  describe('signature', () => {
    const payload = () => waDelivery([waMessage.text(id(), '393330000001', 'Buca profonda in via Italia', minutes(0))]);

    it.each([
      ['missing', null],
      ['made with another secret', 'sha256=' + '0'.repeat(64)],
      ['of another body', undefined],
    ])('%s: 401 and nothing stored', async (_, signature) => {
      const body = JSON.stringify(payload());
      const response =
        signature === undefined
          ? await app
              .http()
              .post('/api/segnalazioni/channels/whatsapp')
              .set('Content-Type', 'application/json')
              .set('X-Hub-Signature-256', `sha256=${'a'.repeat(64)}`)
              .send(body)
              .expect(401)
          : await deliver(app, 'whatsapp', body, signature).expect(401);
      expect(response.body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
      expect(await app.strapi.db.query(MESSAGE).count()).toBe(0);
      expect(await app.strapi.db.query(REPORT).count()).toBe(0);
    });

    it('malformed JSON, signed or not, is a 400 and stores nothing', async () => {
      const broken = '{"object":"whatsapp_business_account","entry":[';
      await deliver(app, 'whatsapp', broken).expect(400);
      await deliver(app, 'whatsapp', broken, null).expect(400);
      const wrongShape = await deliver(app, 'whatsapp', {
        object: 'whatsapp_business_account',
        entry: [
          {
            changes: [
              {
                field: 'messages',
                value: { metadata: { phone_number_id: META.phoneNumberId }, messages: [{ id: 'x', from: '39', timestamp: '1', type: 'text', text: {} }] },
              },
            ],
          },
        ],
      }).expect(400);
      expect(wrongShape.body.error.status).toBe(400);
      expect(await app.strapi.db.query(MESSAGE).count()).toBe(0);
    });
  });

  it('a text message is a report of its sender, waiting for triage, answered on WhatsApp', async () => {
    const sender = '393331234567';
    const received = await deliver(
      app,
      'whatsapp',
      waDelivery([waMessage.text(id(), sender, 'Buca profonda in via Italia 14\nÈ pericolosa per gli scooter', minutes(0))], {
        names: { [sender]: 'Mario Rossi' },
      }),
    ).expect(200);
    expect(received.body.data).toEqual({ stored: 1, duplicates: 0, ignored: 0 });

    const [report] = await reportsOf(sender);
    expect(report).toMatchObject({
      channel: 'whatsapp',
      contact: sender,
      contactName: 'Mario Rossi',
      title: 'Buca profonda in via Italia 14',
      description: 'Buca profonda in via Italia 14\nÈ pericolosa per gli scooter',
      status: 'submitted',
      category: null,
      office: expect.objectContaining({ triage: true }),
    });
    expect(report.history[0]).toMatchObject({ action: 'submit', actorType: 'channel', details: { channel: 'whatsapp', citizenNotice: 'whatsapp' } });

    const [receipt] = await graph.waitFor(() => sentTo(sender));
    expect(receipt.text).toContain(`abbiamo ricevuto la tua segnalazione, riferimento ${report.reference}`);
    expect(receipt.text).not.toContain('chiuso');
    // A chat sender has no account: the answer carries their personal link to the report, which opens it.
    const [follow = ''] = receipt.text.match(/(?<=Segui la segnalazione: )\S+/) ?? [];
    expect(follow).toMatch(/\/sportello\/segui\//);
    const followed = await app
      .http()
      .get(`/api/segnalazioni/follow/${new URL(follow).pathname.split('/segui/')[1]}`)
      .expect(200);
    expect(followed.body.data.reference).toBe(report.reference);
    const [officeMail] = (await app.mailbox.waitFor((m: Mail) => m.subject.includes(report.reference))) as Mail[];
    expect(officeMail.to).toEqual(['urp@comune.example.it']);
    expect(officeMail.text).toContain('Canale: WhatsApp');
    expect(officeMail.text).toContain('Categoria: da assegnare');
  });

  it('a photo and a place sent within minutes join the same report; the photo goes through the photo pipeline', async () => {
    const sender = '393339999999';
    graph.addMedia('1003383421387256', await jpegWithGps(800, 600), 'image/jpeg');
    await deliver(app, 'whatsapp', waDelivery([waMessage.image(id(), sender, '1003383421387256', minutes(0))])).expect(200);
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Cassonetto rovesciato', minutes(2))])).expect(200);
    await deliver(
      app,
      'whatsapp',
      waDelivery([waMessage.location(id(), sender, minutes(4), 45.5663, 8.0531, 'Palazzo Oropa', 'Via Battistero 4, Biella')]),
    ).expect(200);

    const reports = await reportsOf(sender);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toMatchObject({
      title: 'Cassonetto rovesciato',
      description: 'Cassonetto rovesciato',
      latitude: 45.5663,
      longitude: 8.0531,
      address: 'Palazzo Oropa, Via Battistero 4, Biella',
    });
    expect(report.photos).toHaveLength(1);
    const onDisk = path.join(app.publicDir, report.photos[0].file.url);
    expect(await exifr.parse(onDisk, { gps: true, tiff: true })).toBeUndefined();
    expect(report.history.map((entry: { action: string; actorType: string }) => [entry.action, entry.actorType])).toEqual([
      ['submit', 'channel'],
      ['edit', 'reporter'],
      ['edit', 'reporter'],
    ]);
    const media = graph.requests.filter((request) => request.method === 'GET');
    expect(media.map((request) => [request.path, request.authorization])).toEqual([
      ['/v25.0/1003383421387256', `Bearer ${META.whatsappToken}`],
      ['/media-download/1003383421387256', `Bearer ${META.whatsappToken}`],
    ]);
    // One receipt, for the report; the additions are not answered.
    await graph.waitFor(() => sentTo(sender));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sentTo(sender)).toHaveLength(1);
  });

  it('a place outside the municipality is not recorded: the sender is told, and a place within it then joins the report', async () => {
    const sender = '393337777777';
    app.strapi.config.set('plugin::segnalazioni.territory', '7.99,45.53,8.11,45.60');
    try {
      await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Semaforo guasto all’incrocio', minutes(0))])).expect(200);
      // Torino's Piazza Castello: a phone that shared the wrong place.
      await deliver(app, 'whatsapp', waDelivery([waMessage.location(id(), sender, minutes(1), 45.0712, 7.6859, 'Piazza Castello', 'Torino')])).expect(200);
      const [report] = await reportsOf(sender);
      expect(report).toMatchObject({ latitude: null, longitude: null, address: null });
      expect(await app.strapi.db.query(MESSAGE).findOne({ where: { sender, kind: 'location' } })).toMatchObject({ outcome: 'place_refused' });
      await graph.waitFor(() =>
        sentTo(sender).filter((message) => message.text.startsWith('La posizione che ci hai mandato è fuori dal territorio del Comune')),
      );

      await deliver(
        app,
        'whatsapp',
        waDelivery([waMessage.location(id(), sender, minutes(2), 45.5663, 8.0531, 'Palazzo Oropa', 'Via Battistero 4, Biella')]),
      ).expect(200);
      const [placed] = await reportsOf(sender);
      expect(placed).toMatchObject({ documentId: report.documentId, latitude: 45.5663, longitude: 8.0531 });
    } finally {
      app.strapi.config.set('plugin::segnalazioni.territory', '');
    }
  });

  it('messages of one sender that arrive at the same moment still make one report', async () => {
    const sender = '393331212121';
    const texts = ['Tombino aperto', 'in via Cernaia', 'davanti alla scuola', 'è pericoloso'];
    const responses = await Promise.all(texts.map((text, index) => deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, text, minutes(index))]))));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const reports = await reportsOf(sender);
    expect(reports).toHaveLength(1);
    expect(reports[0].description.split('\n\n').sort()).toEqual([...texts].sort());
    expect(await app.strapi.db.query(MESSAGE).count({ where: { sender } })).toBe(4);
  });

  it('a redelivered message makes no second report and no second answer', async () => {
    const sender = '393335550000';
    const delivery = waDelivery([waMessage.text(id(), sender, 'Lampione spento in via Roma', minutes(0))]);
    await deliver(app, 'whatsapp', delivery).expect(200);
    const again = await deliver(app, 'whatsapp', delivery).expect(200);
    expect(again.body.data).toEqual({ stored: 0, duplicates: 1, ignored: 0 });
    expect(await reportsOf(sender)).toHaveLength(1);
    await graph.waitFor(() => sentTo(sender));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sentTo(sender)).toHaveLength(1);
  });

  it('a message after the window, or once the report is taken in charge, makes a new report', async () => {
    const sender = '393334440000';
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Rami caduti sul marciapiede', minutes(0))])).expect(200);
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Altri rami in via Lamarmora', minutes(30))])).expect(200);
    const [first, second] = await reportsOf(sender);
    expect(second?.title).toBe('Altri rami in via Lamarmora');
    await act(second.documentId, 'take_in_charge');
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Grazie, aggiungo una cosa', minutes(31))])).expect(200);
    const reports = await reportsOf(sender);
    expect(reports).toHaveLength(3);
    expect(first.description).toBe('Rami caduti sul marciapiede');
  });

  it('a photo that is no image, or too large, is refused with the reason; the words still count', async () => {
    const sender = '393337770000';
    graph.addMedia('2001', fakeJpeg(), 'image/jpeg');
    await deliver(app, 'whatsapp', waDelivery([waMessage.image(id(), sender, '2001', minutes(0), 'Graffiti sul muro della scuola')])).expect(200);
    const [report] = await reportsOf(sender);
    expect(report).toMatchObject({ title: 'Graffiti sul muro della scuola', photos: [] });
    const messages = await graph.waitFor(() => sentTo(sender), 2);
    expect(messages.map((message) => message.text).join('\n')).toMatch(/Non abbiamo potuto allegare la foto: .*non è un'immagine leggibile/);

    graph.addMedia('2002', await jpegOfSize(1), 'image/jpeg', 11 * 1024 * 1024);
    await deliver(app, 'whatsapp', waDelivery([waMessage.image(id(), sender, '2002', minutes(1))])).expect(200);
    const refused = await graph.waitFor(() => sentTo(sender), 3);
    expect(refused[2].text).toBe(`Non abbiamo potuto allegare la foto: La foto pesa 11 MB: il massimo è 10 MB.\nSegnalazione: ${report.reference}`);
    expect(graph.requests.some((request) => request.path === '/media-download/2002')).toBe(false);

    // A file that does not declare its size is cut off while it downloads.
    graph.addMedia('2003', await jpegOfSize(11), 'image/jpeg', null);
    await deliver(app, 'whatsapp', waDelivery([waMessage.image(id(), sender, '2003', minutes(2))])).expect(200);
    expect((await graph.waitFor(() => sentTo(sender), 4))[3].text).toContain('La foto pesa');
    expect((await reportsOf(sender))[0].photos).toHaveLength(0);
  });

  it('an unsupported message is answered and makes no report; reactions and status updates are passed over', async () => {
    const sender = '393336660000';
    const response = await deliver(
      app,
      'whatsapp',
      waDelivery([
        waMessage.other(id(), sender, minutes(0), 'audio', { mime_type: 'audio/ogg; codecs=opus', sha256: 'x', id: '3001', voice: true }),
        waMessage.other(id(), sender, minutes(0), 'reaction', { message_id: 'wamid.x', emoji: '👍' }),
      ]),
    ).expect(200);
    expect(response.body.data).toEqual({ stored: 1, duplicates: 0, ignored: 1 });
    expect(await reportsOf(sender)).toHaveLength(0);
    const [answer] = await graph.waitFor(() => sentTo(sender));
    expect(answer.text).toContain('riceviamo testo, foto e posizione. Questo messaggio (audio) non è stato registrato');
  });

  it('when the Graph API fails while fetching a photo, Meta is told to deliver again (500), and nothing is half stored', async () => {
    const sender = '393338880000';
    graph.addMedia('4001', await jpegWithGps(), 'image/jpeg');
    const delivery = waDelivery([waMessage.image(id(), sender, '4001', minutes(0), 'Panchina rotta al parco')]);
    graph.failNext(1, 'media');
    await deliver(app, 'whatsapp', delivery).expect(500);
    expect(await reportsOf(sender)).toHaveLength(0);
    await deliver(app, 'whatsapp', delivery).expect(200);
    const [report] = await reportsOf(sender);
    expect(report.photos).toHaveLength(1);
  });

  it('answers on WhatsApp when the report is taken in charge and closed; a Graph API outage delays the answer, sent once', async () => {
    const sender = '393332220000';
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Semaforo lampeggiante in corso Europa', minutes(0))])).expect(200);
    const [report] = await reportsOf(sender);
    await graph.waitFor(() => sentTo(sender));

    const taken = await act(report.documentId, 'take_in_charge');
    const protocol = taken.body.data.protocolNumber;
    const [, inCharge] = await graph.waitFor(() => sentTo(sender), 2);
    expect(inCharge.text).toContain(`Numero di protocollo: ${protocol}`);
    expect(inCharge.text).toContain("presa in carico dall'URP");

    graph.failNext(2);
    await act(report.documentId, 'close', { body: 'Il semaforo è stato riparato.', public: false });
    const [, , closed] = await graph.waitFor(() => sentTo(sender), 3);
    expect(closed.text).toContain(`La segnalazione ${protocol} è stata chiusa`);
    expect(closed.text).toContain('Il semaforo è stato riparato.');
    const failed = graph.requests.filter((request) => request.status === 500 && request.body?.to === sender);
    expect(failed).toHaveLength(2);
    const row = async () => app.strapi.db.query(NOTIFICATION).findOne({ where: { channel: 'whatsapp', template: 'report-closed', recipient: sender } });
    // The Graph API has answered; the outbox marks the row a moment later.
    await graph.waitFor(async () => ((await row()).status === 'sent' ? [true] : []));
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(sender).filter((message) => message.text.includes('chiusa'))).toHaveLength(1);
  });

  it('outside office hours, the answer says when the message will be read', async () => {
    const sender = '393331110000';
    const saturday = new Date('2026-11-28T15:00:00Z');
    app.strapi.plugin('segnalazioni').service('clock').set(saturday);
    try {
      await deliver(app, 'whatsapp', waDelivery([waMessage.text(id(), sender, 'Perdita d’acqua in piazza', saturday)])).expect(200);
    } finally {
      app.strapi.plugin('segnalazioni').service('clock').set(TUESDAY_MORNING);
    }
    const [receipt] = await graph.waitFor(() => sentTo(sender));
    expect(receipt.text).toContain("L'ufficio ora è chiuso: la leggeremo dal 30 novembre 2026 alle ore 08:30.");
  });
});
