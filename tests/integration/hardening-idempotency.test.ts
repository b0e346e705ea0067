import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { createCitizen } from '../helpers/staff';
import { countRows } from '../helpers/row-counts';
import { ownTempFolder } from '../helpers/temp-folder';

const TEMP = ownTempFolder();

const REPORT = { title: 'Lampione spento', description: 'Il lampione davanti alla scuola è spento da una settimana.', category: 'dissesto-stradale' };

/**
 * A client that timed out while the server still created the report sends it again: with the same
 * Idempotency-Key the citizen gets the first report back and nothing new is made (no row, no file,
 * no mail), however many copies arrive and however close together.
 */
describe('a submission sent again with its Idempotency-Key creates nothing new', () => {
  let app: TestApp;
  let photo: Buffer;
  const jwts: Record<string, string> = {};

  const snapshot = async () => ({
    rows: await countRows(app),
    files: fs.readdirSync(path.join(app.publicDir, 'uploads')).sort(),
    temp: fs.readdirSync(TEMP.path).sort(),
    mails: app.mailbox.messages.length,
  });
  const submit = (who: string, key?: string, report: object = REPORT, photos: Buffer[] = [photo]) => {
    const request = app.http().post('/api/segnalazioni/reports').set('Authorization', `Bearer ${jwts[who]}`);
    if (key !== undefined) request.set('Idempotency-Key', key);
    request.field('data', JSON.stringify(report));
    for (const bytes of photos) request.attach('photos', bytes, { filename: 'lampione.jpg', contentType: 'image/jpeg' });
    return request;
  };
  /** An answer without its photo links' signatures, which are made afresh each time. */
  const unsigned = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/\?expires=\d+&signature=[\w-]+/g, ''));
  /** The outbox has sent what it will: the receipt to the citizen, and a moment more for anything else. */
  async function mailsSettled(email: string, count: number) {
    await app.mailbox.waitFor((mail: { to: string[] }) => mail.to.includes(email), { count });
    await new Promise((resolve) => setTimeout(resolve, 400));
  }

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000', RATE_LIMIT_REPORTS_PER_CITIZEN: '1000', RATE_LIMIT_REPORTS_PER_IP: '1000' });
    photo = await jpegWithGps(800, 600);
    for (const email of ['ada.neri@example.it', 'bruno.sala@example.it']) {
      await createCitizen(app, email);
      jwts[email] = (await app.http().post('/api/auth/local').send({ identifier: email, password: 'Password123!' }).expect(200)).body.jwt;
    }
  });

  afterAll(async () => {
    await app?.stop();
    TEMP.release();
  });

  it('a retry with the same key answers 200 with the same report, and makes no row, file or mail', async () => {
    const first = await submit('ada.neri@example.it', 'retry-0001-8e03978e').expect(201);
    await mailsSettled('ada.neri@example.it', 1);
    const before = await snapshot();

    const again = await submit('ada.neri@example.it', 'retry-0001-8e03978e').expect(200);
    expect(unsigned(again.body)).toEqual(unsigned(first.body));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await snapshot()).toEqual(before);
  });

  it('five at once with one key make one report; the others answer it and leave nothing behind', async () => {
    const before = await snapshot();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit('ada.neri@example.it', 'burst-0002-40d5-43e8')));

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.data.documentId)).size).toBe(1);
    await mailsSettled('ada.neri@example.it', 2);
    const after = await snapshot();
    // One report's worth: the report, its photo, its history entry, and its upload row.
    expect(after.rows[0] - before.rows[0]).toBe(1);
    expect(after.rows[1] - before.rows[1]).toBe(1);
    expect(after.rows[2] - before.rows[2]).toBe(1);
    expect(after.rows[4] - before.rows[4]).toBe(1);
    // The losers' stored photos were removed: every file in uploads is a row's.
    const rows = (await app.strapi.db.query('plugin::upload.file').findMany({})) as { url: string; formats?: Record<string, { url: string }> | null }[];
    const referenced = rows.flatMap((row) => [row.url, ...Object.values(row.formats ?? {}).map((format) => format.url)]).map((url) => path.basename(url));
    expect(after.files).toEqual(referenced.sort());
    expect(after.temp).toEqual(before.temp);
    // The mails of one report, not five.
    const notifications = await app.strapi.db
      .query('plugin::segnalazioni.notification')
      .count({ where: { report: { documentId: answers[0].body.data.documentId } } });
    expect(after.mails - before.mails).toBe(notifications);
    expect(after.rows[3] - before.rows[3]).toBe(notifications);
  });

  it("another citizen's same key is another submission, and each one's retry answers their own", async () => {
    const ada = await submit('ada.neri@example.it', 'shared-0003-bc93').expect(201);
    const bruno = await submit('bruno.sala@example.it', 'shared-0003-bc93').expect(201);
    expect(bruno.body.data.documentId).not.toBe(ada.body.data.documentId);
    expect((await submit('bruno.sala@example.it', 'shared-0003-bc93').expect(200)).body.data.documentId).toBe(bruno.body.data.documentId);
    expect((await submit('ada.neri@example.it', 'shared-0003-bc93').expect(200)).body.data.documentId).toBe(ada.body.data.documentId);
    // …and the key is no one's to read.
    expect(JSON.stringify(bruno.body)).not.toContain('shared-0003');
  });

  it('the same key with another submission is a 422 that changes nothing; the submission itself still answers 200', async () => {
    const first = await submit('ada.neri@example.it', 'reused-0004-5a1c').expect(201);
    await mailsSettled('ada.neri@example.it', 4);
    const before = await snapshot();
    const otherPhoto = await jpegWithGps(640, 480);
    const refused = [
      await submit('ada.neri@example.it', 'reused-0004-5a1c', { ...REPORT, title: 'Lampione rotto' }),
      await submit('ada.neri@example.it', 'reused-0004-5a1c', REPORT, [otherPhoto]),
      await submit('ada.neri@example.it', 'reused-0004-5a1c', REPORT, []),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        data: null,
        error: {
          status: 422,
          name: 'UnprocessableEntityError',
          message: expect.stringContaining('già stata usata per una segnalazione diversa'),
          details: { header: 'Idempotency-Key' },
        },
      });
    }
    // The same submission with its fields in another order is the same submission.
    const reordered = { category: REPORT.category, description: REPORT.description, title: REPORT.title };
    expect((await submit('ada.neri@example.it', 'reused-0004-5a1c', reordered).expect(200)).body.data.documentId).toBe(first.body.data.documentId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['too short', 'abc1234'],
    ['too long', 'k'.repeat(129)],
    ['empty', ''],
    ['not ASCII', 'chiave-è-1234'],
  ])('a bad key (%s) is a 400 in Italian that leaves nothing behind', async (_, key) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await snapshot();
    const answer = await submit('ada.neri@example.it', key).expect(400);
    expect(answer.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.stringContaining("L'intestazione Idempotency-Key deve essere un codice di 8-128 caratteri"),
        details: { errors: [{ path: 'idempotency-key', message: expect.any(String) }] },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await snapshot()).toEqual(before);
  });
});
