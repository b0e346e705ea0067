import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { startGraphApi, type GraphStandIn } from '../helpers/graph-api';
import { jpegWithGps } from '../helpers/images';
import { META, channelEnv, deliver, fbDelivery, fbPost, waDelivery, waMessage } from '../helpers/meta';
import { createCitizen, createStaff, type TestStaff } from '../helpers/staff';
import { countRows } from '../helpers/row-counts';

const REPORT = 'plugin::segnalazioni.report';
const REPLY = 'plugin::segnalazioni.reply';
const MESSAGE = 'plugin::segnalazioni.channel-message';

const VALID = { title: 'Cartello abbattuto', description: "Il cartello di stop all'incrocio è a terra da due giorni.", category: 'segnaletica' };

/** Every character class the plain-text rule removes, in one string. */
const JUNK = '\u0000\u0007\u001B\u007F\u0085\u009B\u200B\u200C\u200D\u2060\uFEFF\u00AD\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u3164';

/**
 * Text that is not text (zero-width and bidi characters, NUL, controls) on every way in: refused
 * when nothing visible is left, stripped otherwise, never a 500 (PostgreSQL refuses NUL in text).
 */
describe('text that is not text', () => {
  let app: TestApp;
  let graph: GraphStandIn;
  let urp: TestStaff;
  let jwt: string;

  const snapshot = async () => ({
    rows: await countRows(app),
    files: fs.readdirSync(path.join(app.publicDir, 'uploads')).length,
  });
  const submit = (data: Record<string, unknown>) =>
    app.http().post('/api/segnalazioni/reports').set('Authorization', `Bearer ${jwt}`).field('data', JSON.stringify(data));
  const staff = (method: 'get' | 'post', url: string) => app.http()[method](url).set('Authorization', `Bearer ${urp.token}`);
  const act = (documentId: string, action: string, body: Record<string, unknown>) =>
    staff('post', `/segnalazioni/reports/${documentId}/actions/${action}`).send(body);
  const stored = (documentId: string) => app.strapi.db.query(REPORT).findOne({ where: { documentId } });

  beforeAll(async () => {
    graph = await startGraphApi({ tokens: [META.whatsappToken, META.pageToken] });
    app = await startApp({ ...channelEnv(graph.url), NOTIFICATION_POLL_MS: '60000' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    const citizen = await createCitizen(app, 'elena.bianchi@example.it');
    jwt = (await app.http().post('/api/auth/local').send({ identifier: citizen.email, password: 'Password123!' }).expect(200)).body.jwt;
  });

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  describe('a citizen’s report', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a title of zero-width characters only', { title: '\u200B\u200C\u200D\u2060\uFEFF'.repeat(4) }, /Titolo: almeno 5 caratteri visibili/],
      ['a title of bidi controls only', { title: '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F' }, /Titolo: almeno 5 caratteri visibili/],
      ['a title of NUL characters', { title: '\u0000'.repeat(12) }, /Titolo: almeno 5 caratteri visibili/],
      ['a title of four letters among invisibles', { title: '\u202EB\u200Bu\u0000c\u2060a\uFEFF\u0007' }, /Titolo: almeno 5 caratteri visibili/],
      ['a title of every removed character', { title: JUNK.repeat(3) }, /Titolo: almeno 5 caratteri visibili/],
      ['a description of controls and invisibles', { description: JUNK.repeat(20) }, /Descrizione: almeno 10 caratteri visibili/],
      ['a description of combining marks on nothing', { description: '\u0301\u0308'.repeat(20) }, /Descrizione: almeno 10 caratteri visibili/],
      ['a category of NUL', { category: '\u0000' }, /Categoria: indicare la categoria/],
      ['an unknown category with a NUL inside', { category: 'astro\u0000navi' }, /"astronavi" non esiste/],
    ];

    it.each(cases)('%s → 400 with a clear message, nothing stored', async (_name, change, message) => {
      const before = await snapshot();
      const response = await submit({ ...VALID, ...change });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
      expect(response.body.error.message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it('keeps only plain NFC text of every field: NUL, controls, bidi tricks removed, accents composed', async () => {
      const response = await submit({
        title: '\u202EBuca\u0000 in via\u200B Citta\u0300\t\u00A0alta',
        description: 'Prima riga\r\nSeconda\u0000 riga\u2067 con\u0007 perche\u0301 👩‍💻 ❤️\rTerza',
        address: 'Via\u0000 Roma\u202E 14\u200B',
        category: 'segnal\u200Betica',
      });
      expect(response.status).toBe(201);
      const report = await stored(response.body.data.documentId);
      expect(report).toMatchObject({
        title: 'Buca in via Città alta',
        description: 'Prima riga\nSeconda riga con perché 👩‍💻 ❤️\nTerza',
        address: 'Via Roma 14',
      });
      expect(response.body.data).toMatchObject({ title: 'Buca in via Città alta', category: { slug: 'segnaletica' } });
    });

    it('takes a photo whose file name has a NUL and a bidi override, and keeps the name plain', async () => {
      const response = await submit(VALID).attach('photos', await jpegWithGps(200, 150), 'foto\u0000\u202Egpj.exe.jpg');
      expect(response.status).toBe(201);
      const photo = await app.strapi.db
        .query('plugin::segnalazioni.photo')
        .findOne({ where: { report: { documentId: response.body.data.documentId } }, populate: { file: true } });
      expect(photo.file.alternativeText).toBe('fotogpj.exe.jpg');
    });

    it('holds an edit to the same rule', async () => {
      const created = await submit(VALID).expect(201);
      const documentId = created.body.data.documentId;
      const edit = (data: Record<string, unknown>) =>
        app.http().put(`/api/segnalazioni/my/reports/${documentId}`).set('Authorization', `Bearer ${jwt}`).field('data', JSON.stringify(data));

      const refused = await edit({ title: '\u200B'.repeat(6), description: JUNK.repeat(5) });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/Titolo: almeno 5 caratteri visibili.*Descrizione: almeno 10 caratteri visibili/);
      expect((await stored(documentId)).title).toBe(VALID.title);

      const cleaned = await edit({ title: 'Cartello\u0000 abbattuto\u202E ieri', address: '\u0000Piazza\u0000 Duomo\u0000' });
      expect(cleaned.status).toBe(200);
      expect(await stored(documentId)).toMatchObject({ title: 'Cartello abbattuto ieri', address: 'Piazza Duomo' });
    });
  });

  describe('the URP desk and the officers', () => {
    const desk = (data: Record<string, unknown>) => staff('post', '/segnalazioni/reports/desk').send({ data });

    it('the desk refuses a name of invisibles and keeps the plain text of the rest', async () => {
      const before = await snapshot();
      const refused = await desk({ ...VALID, contactName: '\u200B\u202E\u0000', contactPhone: '0153511234' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/Nome del cittadino: almeno 2 caratteri visibili/);
      expect(await snapshot()).toEqual(before);

      const filed = await desk({ ...VALID, title: 'Lampione\u0000 spento', contactName: '\u0000Giovanni\u202E Bianchi\u200B', contactPhone: '015 351 1234' });
      expect(filed.status).toBe(201);
      expect(await stored(filed.body.data.documentId)).toMatchObject({ title: 'Lampione spento', contactName: 'Giovanni Bianchi' });
    });

    it('officers’ replies and public texts follow the same rule', async () => {
      const documentId = (await submit(VALID).expect(201)).body.data.documentId;
      await act(documentId, 'take_in_charge', {}).expect(200);

      const empty = await act(documentId, 'reply', { kind: 'progress', body: JUNK, public: true });
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toBe('Risposta: obbligatorio.');
      const title = await act(documentId, 'moderate_text', { decision: 'approve', publicTitle: '\u202E\u202D\u2066\u2069\u200B\u0000' });
      expect(title.status).toBe(400);
      expect(title.body.error.message).toMatch(/Titolo pubblico: almeno 5 caratteri visibili/);
      const reason = await act(documentId, 'moderate_text', { decision: 'reject', reason: '\u200B\u200B\u200Bok' });
      expect(reason.status).toBe(400);
      expect(reason.body.error.message).toMatch(/Motivo/);

      await act(documentId, 'moderate_text', {
        decision: 'approve',
        publicTitle: 'Cartello\u0000 abbattuto',
        publicText: 'Il cartello\u202E è a terra.\r\nIntervento\u0000 richiesto.',
      }).expect(200);
      expect(await stored(documentId)).toMatchObject({ publicTitle: 'Cartello abbattuto', publicText: 'Il cartello è a terra.\nIntervento richiesto.' });
      await act(documentId, 'reply', { kind: 'progress', body: 'Interverremo\u0000 domani.\r\nGrazie\u202E', public: true }).expect(200);
      await act(documentId, 'close', { body: 'Cartello\u0000 rimesso a posto.', public: false }).expect(200);
      await act(documentId, 'reopen', { reason: 'Errore\u0000 nostro\u2066' }).expect(200);
      const replies = (await app.strapi.db.query(REPLY).findMany({ where: { report: { documentId } }, orderBy: { id: 'asc' } })) as { body: string }[];
      expect(replies.map((reply) => reply.body)).toEqual(['Interverremo domani.\nGrazie', 'Cartello rimesso a posto.']);
    });
  });

  describe('the chat channels', () => {
    const now = () => new Date();

    it('WhatsApp: the words, the name and the place come in as plain text', async () => {
      const sender = '393330000101';
      const delivery = waDelivery(
        [
          waMessage.text('wamid.text.1', sender, '\u202EBuca\u0000 enorme in via\u200B Italia\r\nDavanti al 14\u0007', now()),
          waMessage.location('wamid.text.2', sender, now(), 45.5663, 8.0531, 'Palazzo\u0000 Oropa\u2067', '\u202EVia Battistero 4'),
        ],
        { names: { [sender]: 'Mario\u0000 Rossi\u202E' } },
      );
      await deliver(app, 'whatsapp', delivery).expect(200);
      const [report] = await app.strapi.db.query(REPORT).findMany({ where: { contact: sender } });
      expect(report).toMatchObject({
        title: 'Buca enorme in via Italia',
        description: 'Buca enorme in via Italia\nDavanti al 14',
        contactName: 'Mario Rossi',
        address: 'Palazzo Oropa, Via Battistero 4',
      });
    });

    it('WhatsApp: a text of invisibles only makes no report and is answered', async () => {
      const sender = '393330000102';
      const before = await app.strapi.db.query(REPORT).count({});
      await deliver(app, 'whatsapp', waDelivery([waMessage.text('wamid.text.3', sender, JUNK.repeat(3), now())])).expect(200);
      expect(await app.strapi.db.query(REPORT).count({})).toBe(before);
      expect(await app.strapi.db.query(MESSAGE).findOne({ where: { externalId: 'wamid.text.3' } })).toMatchObject({ outcome: 'unsupported' });
    });

    it('WhatsApp: an id with a NUL is refused, not a 500', async () => {
      const response = await deliver(app, 'whatsapp', waDelivery([waMessage.text('wamid.\u0000', '393330000103', 'Buca in via Italia', now())]));
      expect(response.status).toBe(400);
      expect(await app.strapi.db.query(MESSAGE).count({ where: { sender: '393330000103' } })).toBe(0);
    });

    it('Facebook: a post with a NUL and a hashtag split by an invisible character is a clean report', async () => {
      const author = { id: '24242424999', name: 'Lucia\u0000 Verdi' };
      await deliver(app, 'facebook', fbDelivery(fbPost('9001', 'Lampione\u0000 spento in via Roma #segnala\u200BloaBiella', author))).expect(200);
      const [report] = await app.strapi.db.query(REPORT).findMany({ where: { contact: author.id } });
      expect(report).toMatchObject({ title: 'Lampione spento in via Roma', contactName: 'Lucia Verdi' });
      expect(report.description).toBe('Lampione spento in via Roma #segnalaloaBiella');
    });
  });

  describe('search words', () => {
    beforeAll(async () => {
      const documentId = (await submit({ ...VALID, title: 'Buca profonda in piazza' }).expect(201)).body.data.documentId;
      await act(documentId, 'take_in_charge', {}).expect(200);
      await act(documentId, 'moderate_text', { decision: 'approve' }).expect(200);
      await act(documentId, 'publish', {}).expect(200);
    });

    it.each([
      ['the public archive', () => app.http().get('/api/segnalazioni/reports')],
      ['the officers’ queue', () => staff('get', '/segnalazioni/reports')],
    ])('%s: a NUL or a bidi control in q is never a 500, a q of invisibles is no q at all', async (_name, search) => {
      const all = (await search().expect(200)).body.meta.pagination.total;
      expect(all).toBeGreaterThan(0);
      for (const q of ['\u0000', '\u200B', '\u202E\u2066', JUNK]) {
        const response = await search().query({ q });
        expect(response.status).toBe(200);
        expect(response.body.meta.pagination.total).toBe(all);
      }
      for (const q of ['buca\u0000', '\u202Ebuca', 'bu\u200Bca']) {
        const response = await search().query({ q });
        expect(response.status).toBe(200);
        expect(response.body.data.map((report: { title: string }) => report.title)).toContain('Buca profonda in piazza');
      }
    });
  });
});
