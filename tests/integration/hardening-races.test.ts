import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { startGraphApi, type GraphStandIn } from '../helpers/graph-api';
import { jpegWithGps } from '../helpers/images';
import { META, channelEnv, deliver, waDelivery, waMessage } from '../helpers/meta';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

const REPORT = 'plugin::segnalazioni.report';
const PHOTO = 'plugin::segnalazioni.photo';
const HISTORY = 'plugin::segnalazioni.history-entry';
const MESSAGE = 'plugin::segnalazioni.channel-message';
const FILE = 'plugin::upload.file';

interface UploadRow {
  url: string;
  formats?: Record<string, { url: string }> | null;
}

/**
 * A reporter's change and the office's step on the same report, at the same moment: whatever
 * order they land in, a report taken in charge never changes its text afterwards, a report never
 * holds more than 5 photos, and a refused request leaves no row and no file.
 */
describe('races between a reporter and the office', () => {
  let app: TestApp;
  let graph: GraphStandIn;
  let strade: TestStaff;
  let urp: TestStaff;
  let citizen: { id: number; documentId: string; email: string; firstName: string; lastName: string };
  let jwt: string;

  const submit = async (title: string) => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title, description: `Descrizione della segnalazione: ${title}.`, category: 'dissesto-stradale' },
        files: [],
      });
    return report.documentId as string;
  };
  const edit = async (documentId: string, data: Record<string, unknown>, photos: number) => {
    let request = app.http().put(`/api/segnalazioni/my/reports/${documentId}`).set('Authorization', `Bearer ${jwt}`).field('data', JSON.stringify(data));
    for (let index = 0; index < photos; index++) request = request.attach('photos', await jpegWithGps(640, 480), `foto-${index}.jpg`);
    return request;
  };
  const act = (documentId: string, action: string, who = strade) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${who.token}`).send({});
  const reportOf = (documentId: string) => app.strapi.db.query(REPORT).findOne({ where: { documentId }, populate: { photos: true } });
  const actionsOf = async (documentId: string) =>
    ((await app.strapi.db.query(HISTORY).findMany({ where: { report: { documentId } }, orderBy: { id: 'asc' } })) as { action: string }[]).map(
      (entry) => entry.action,
    );
  const later = <T>(ms: number, run: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => run().then(resolve, reject), ms));

  /** Every file in uploads belongs to a stored file row, and every such row to a photo. */
  async function expectNoStrayFiles() {
    const rows = (await app.strapi.db.query(FILE).findMany({})) as UploadRow[];
    const referenced = rows.flatMap((row) => [row.url, ...Object.values(row.formats ?? {}).map((format) => format.url)]).map((url) => path.basename(url));
    expect(fs.readdirSync(path.join(app.publicDir, 'uploads')).sort()).toEqual(referenced.sort());
    expect(rows).toHaveLength(await app.strapi.db.query(PHOTO).count({}));
  }

  beforeAll(async () => {
    graph = await startGraphApi({ tokens: [META.whatsappToken, META.pageToken] });
    app = await startApp({ ...channelEnv(graph.url), NOTIFICATION_POLL_MS: '60000' });
    strade = await createStaff(app, 'anna.strade@comune.test', { name: 'Ufficio' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [strade.id], ['dissesto-stradale']);
    citizen = await createCitizen(app, 'elena.bianchi@example.it');
    jwt = (await app.http().post('/api/auth/local').send({ identifier: citizen.email, password: 'Password123!' }).expect(200)).body.jwt;
  });

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it('an edit racing take_in_charge either lands before the protocol or is refused with 409, leaving nothing', async () => {
    // The office acts at once, or a little later: the last try lets the edit land first.
    const delays = [0, 10, 25, 50, 400];
    for (const [attempt, delay] of delays.entries()) {
      const original = `Buca in via Roma ${attempt}`;
      const documentId = await submit(original);
      const changed = `Buca profonda in via Roma ${attempt}`;
      const [edited, taken] = await Promise.all([edit(documentId, { title: changed }, 1), later(delay, () => act(documentId, 'take_in_charge'))]);

      const report = await reportOf(documentId);
      const actions = await actionsOf(documentId);
      expect([edited.status, taken.status]).toContain(200);
      if (edited.status === 200) {
        expect(report.title).toBe(changed);
        expect(report.photos).toHaveLength(1);
      } else {
        expect(edited.status).toBe(409);
        expect(edited.body).toMatchObject({ data: null, error: { status: 409 } });
        expect(edited.body.error.message).toMatch(/già stata presa in carico|modificata nel frattempo/);
        expect(report.title).toBe(original);
        expect(report.photos).toHaveLength(0);
        expect(actions).not.toContain('edit');
      }
      // The history agrees: once taken in charge, no edit follows.
      const taking = actions.indexOf('take_in_charge');
      if (taking >= 0) expect(actions.slice(taking)).not.toContain('edit');
      expect(report.status).toBe(taken.status === 200 ? 'in_charge' : 'submitted');
    }
    await expectNoStrayFiles();
  });

  it('concurrent edits adding photos never take a report past 5, and the refused ones leave no file', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const documentId = await submit(`Cartello divelto ${attempt}`);
      expect((await edit(documentId, {}, 1)).status).toBe(200);
      const answers = await Promise.all([1, 2, 3].map(() => edit(documentId, {}, 2)));
      const accepted = answers.filter((answer) => answer.status === 200).length;
      // A loser is refused as a late comer (409), or, if it read the report after a winner, for the count (400).
      for (const answer of answers.filter((one) => one.status !== 200)) {
        expect([409, 400]).toContain(answer.status);
        expect(answer.body.error.message).toMatch(answer.status === 409 ? /modificata nel frattempo/ : /al massimo 5 foto/);
      }
      const report = await reportOf(documentId);
      expect(accepted).toBeGreaterThanOrEqual(1);
      expect(report.photos).toHaveLength(1 + 2 * accepted);
      expect(report.photos.length).toBeLessThanOrEqual(5);
      expect((await actionsOf(documentId)).filter((action) => action === 'edit')).toHaveLength(1 + accepted);
    }
    await expectNoStrayFiles();
  });

  it('a chat message joining a report as it is taken in charge joins before the protocol, or makes a new report', async () => {
    let nextMedia = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const sender = `39333000${String(attempt).padStart(4, '0')}`;
      const now = new Date();
      await deliver(app, 'whatsapp', waDelivery([waMessage.text(`wamid.race.${attempt}.1`, sender, 'Cassonetto rotto in via Italia', now)])).expect(200);
      const [first] = await app.strapi.db.query(REPORT).findMany({ where: { contact: sender } });
      const mediaId = `77${++nextMedia}`;
      graph.addMedia(mediaId, await jpegWithGps(800, 600), 'image/jpeg');

      const photoMessage = waDelivery([waMessage.image(`wamid.race.${attempt}.2`, sender, mediaId, now, 'Ecco la foto')]);
      // Chat reports have no category yet: they wait for the URP, who takes them in charge.
      const [delivered, taken] = await Promise.all([
        deliver(app, 'whatsapp', photoMessage),
        later(attempt * 25, () => act(first.documentId, 'take_in_charge', urp)),
      ]);
      expect(delivered.status).toBe(200);
      expect([200, 409]).toContain(taken.status);

      const actions = await actionsOf(first.documentId);
      const taking = actions.indexOf('take_in_charge');
      if (taking >= 0) expect(actions.slice(taking)).not.toContain('edit');
      const message = await app.strapi.db.query(MESSAGE).findOne({ where: { externalId: `wamid.race.${attempt}.2` }, populate: { report: true } });
      const reports = await app.strapi.db.query(REPORT).findMany({ where: { contact: sender }, populate: { photos: true }, orderBy: { id: 'asc' } });
      if (message.outcome === 'added') {
        expect(message.report.documentId).toBe(first.documentId);
        expect(actions.indexOf('edit')).toBeLessThan(taking < 0 ? Infinity : taking);
        expect(reports).toHaveLength(1);
        expect(reports[0].photos).toHaveLength(1);
      } else {
        expect(message.outcome).toBe('new_report');
        expect(reports).toHaveLength(2);
        expect(message.report.documentId).toBe(reports[1].documentId);
        expect(reports.map((report: { photos: unknown[] }) => report.photos.length)).toEqual([0, 1]);
      }
    }
    await expectNoStrayFiles();
  });
});
