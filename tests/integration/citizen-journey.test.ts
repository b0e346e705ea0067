import fs from 'fs';
import path from 'path';
import exifr from 'exifr';
import { startApp, type TestApp } from '../helpers/app';
import { confirmationLink, registerCitizen, type TestCitizen } from '../helpers/citizens';
import { jpegWithGps, png } from '../helpers/images';

const REPORT = 'plugin::segnalazioni.report';
const HISTORY = 'plugin::segnalazioni.history-entry';

type Mail = { to: string[]; subject: string; text: string };

describe('citizen journey', () => {
  let app: TestApp;
  let mario: TestCitizen;
  let lucia: TestCitizen;
  let reportId: string;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '200' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('registration', () => {
    it('needs the address confirmed through the link of an Italian mail before login', async () => {
      const email = 'giulia.verdi@example.it';
      const register = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'giulia', email, password: 'Password123!', firstName: 'Giulia', lastName: 'Verdi' })
        .expect(200);
      expect(register.body.jwt).toBeUndefined();
      expect(register.body.user).toMatchObject({ confirmed: false, firstName: 'Giulia' });

      const refused = await app.http().post('/api/auth/local').send({ identifier: email, password: 'Password123!' }).expect(400);
      expect(refused.body.error.message).toMatch(/not confirmed/i);

      const link = await confirmationLink(app, email);
      expect(link.origin).toBe('http://sportello.test');
      const [mail] = app.mailbox.to(email) as Mail[];
      expect(mail.subject).toBe('Conferma la registrazione allo Sportello Segnalazioni – Comune di Esempio');
      expect(mail.text).toContain('Gentile Giulia Verdi');

      await app.http().post('/api/auth/send-email-confirmation').send({ email }).expect(200);
      const resent = await confirmationLink(app, email, 2);
      expect(resent.search).not.toBe(link.search);

      const confirmed = await app.http().get(`${resent.pathname}${resent.search}`).expect(302);
      expect(confirmed.headers.location).toBe('http://sportello.test/sportello/accesso?confermato=1');
      await app.http().post('/api/auth/local').send({ identifier: email, password: 'Password123!' }).expect(200);
    });

    it('refuses a password shorter than 8 characters, from any client, and creates nobody', async () => {
      const email = 'breve@example.it';
      const refused = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'breve', email, password: 'Corta1!', firstName: 'Bea', lastName: 'Breve' })
        .expect(400);
      expect(refused.body.error.message).toMatch(/password validation failed/i);
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email } })).toBe(0);
      expect(app.mailbox.to(email)).toEqual([]);
    });
  });

  describe('submission', () => {
    beforeAll(async () => {
      mario = await registerCitizen(app, 'mario');
      lucia = await registerCitizen(app, 'lucia');
    });

    it('refuses anonymous submissions', async () => {
      const response = await app
        .http()
        .post('/api/segnalazioni/reports')
        .field('data', JSON.stringify({ title: 'Buca enorme', description: 'Una buca in mezzo alla strada.', category: 'dissesto-stradale' }));
      expect([401, 403]).toContain(response.status);
      expect(response.body.error.status).toBe(response.status);
      expect(await app.strapi.db.query(REPORT).count({})).toBe(0);
    });

    it('takes a report with a GPS-tagged photo, strips the metadata, mails office and citizen', async () => {
      const photo = await jpegWithGps();
      expect((await exifr.gps(photo))?.latitude).toBeCloseTo(45.55, 1);

      const response = await app
        .http()
        .post('/api/segnalazioni/reports')
        .set('Authorization', `Bearer ${mario.jwt}`)
        .field(
          'data',
          JSON.stringify({
            title: 'Buca in via Italia',
            description: "Davanti al civico 14 c'è una buca profonda che fa cadere le biciclette.",
            category: 'dissesto-stradale',
            address: 'Via Italia 14, Biella',
            latitude: 45.5663,
            longitude: 8.0531,
          }),
        )
        .attach('photos', photo, { filename: 'IMG_2041.jpg', contentType: 'image/jpeg' })
        .attach('photos', await png(), { filename: 'dettaglio.png', contentType: 'image/png' })
        .expect(201);

      const report = response.body.data;
      reportId = report.documentId;
      expect(report).toMatchObject({
        title: 'Buca in via Italia',
        status: 'submitted',
        channel: 'web',
        editable: true,
        published: false,
        protocolNumber: null,
        category: { name: 'Dissesto stradale', slug: 'dissesto-stradale' },
        latitude: 45.5663,
        longitude: 8.0531,
      });
      expect(report.reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(report.photos).toHaveLength(2);
      expect(report.photos.map((p: { moderation: string }) => p.moderation)).toEqual(['pending', 'pending']);
      expect(report.history).toEqual([expect.objectContaining({ action: 'submit', toStatus: 'submitted' })]);

      // The stored file, on disk and as served through its signed link, has no metadata left.
      const [jpeg] = report.photos;
      expect(new URL(jpeg.url, 'http://x').pathname).toMatch(/\.jpg$/);
      const url = new URL(jpeg.url, 'http://x');
      const onDisk = fs.readFileSync(path.join(app.publicDir, url.pathname));
      expect(await exifr.parse(onDisk, { gps: true, tiff: true })).toBeUndefined();
      const served = await app.http().get(`${url.pathname}${url.search}`).buffer(true).expect(200);
      expect(served.headers['cache-control']).toContain('no-store');
      expect(await exifr.gps(served.body)).toBeUndefined();
      expect(Object.keys(jpeg.formats)).toContain('thumbnail');

      const [officeMail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes('urp@comune.example.it'))) as Mail[];
      expect(officeMail.subject).toBe(`Segnalazione ${report.reference}: nuova, «Buca in via Italia» – Comune di Esempio`);
      expect(officeMail.text).toContain("Davanti al civico 14 c'è una buca profonda");
      expect(officeMail.text).toContain('Luogo: Via Italia 14, Biella');
      expect(officeMail.text).toContain('Foto: 2');
      expect(officeMail.text).toMatch(/\nFoto 1: http\S+\nFoto 2: http\S+\n/);
      // The office opens the report in its panel (admin/src/pages/App.tsx), where it can act on it, not in the read-only Content Manager.
      const [panelLink] = officeMail.text.match(/(?<=Gestisci la segnalazione: )\S+/) ?? [];
      expect(panelLink).toBe(`http://sportello.test/admin/plugins/segnalazioni/reports/${reportId}`);

      const [receipt] = (await app.mailbox.waitFor((m: Mail) => m.to.includes(mario.email) && m.subject.includes(report.reference))) as Mail[];
      expect(receipt.subject).toBe(`Segnalazione ${report.reference}: ricevuta – Comune di Esempio`);
      expect(receipt.text).toContain(`Il riferimento da citare è ${report.reference}`);
      expect(receipt.text).toContain('URP - Ufficio Relazioni con il Pubblico');
    });

    it('serves an unapproved photo to nobody without a signed link, in no format', async () => {
      const own = await app.http().get(`/api/segnalazioni/my/reports/${reportId}`).set('Authorization', `Bearer ${mario.jwt}`).expect(200);
      const photo = own.body.data.photos[0];
      for (const link of [photo.url, photo.formats.thumbnail.url]) {
        const url = new URL(link, 'http://x');
        await app.http().get(url.pathname).expect(404);
        await app
          .http()
          .get(`${url.pathname}?expires=${url.searchParams.get('expires')}&signature=forged`)
          .expect(404);
        await app
          .http()
          .get(`${url.pathname}?expires=9999999999&signature=${url.searchParams.get('signature')}`)
          .expect(404);
        await app.http().get(`${url.pathname}${url.search}`).expect(200);
      }
    });

    it('keeps a report from other citizens: 404 to read or edit it', async () => {
      await app.http().get(`/api/segnalazioni/my/reports/${reportId}`).set('Authorization', `Bearer ${lucia.jwt}`).expect(404);
      await app
        .http()
        .put(`/api/segnalazioni/my/reports/${reportId}`)
        .set('Authorization', `Bearer ${lucia.jwt}`)
        .field('data', JSON.stringify({ title: 'Preso in prestito' }))
        .expect(404);
      const list = await app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${lucia.jwt}`).expect(200);
      expect(list.body.data).toEqual([]);
      expect((await app.strapi.db.query(REPORT).findOne({ where: { documentId: reportId } })).title).toBe('Buca in via Italia');
      await app.http().get(`/api/segnalazioni/my/reports/${reportId}`).expect(403);
    });

    it('lists the own reports with pagination', async () => {
      const list = await app.http().get('/api/segnalazioni/my/reports?pageSize=10').set('Authorization', `Bearer ${mario.jwt}`).expect(200);
      expect(list.body.data.map((r: { documentId: string }) => r.documentId)).toEqual([reportId]);
      expect(list.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 1 });
      const [own] = list.body.data;
      expect(own.deadline).toEqual({ step: 'take_in_charge', due: own.deadlines.takeInCharge });
      expect(own.deadline.due).toEqual(expect.any(String));
      await app.http().get('/api/segnalazioni/my/reports?pageSize=500').set('Authorization', `Bearer ${mario.jwt}`).expect(400);
    });

    it('lets the reporter edit while submitted: history, and the office told what changed', async () => {
      const before = await app.http().get(`/api/segnalazioni/my/reports/${reportId}`).set('Authorization', `Bearer ${mario.jwt}`).expect(200);
      const removed = before.body.data.photos[1].documentId;
      app.mailbox.clear();

      const response = await app
        .http()
        .put(`/api/segnalazioni/my/reports/${reportId}`)
        .set('Authorization', `Bearer ${mario.jwt}`)
        .field('data', JSON.stringify({ title: 'Buca profonda in via Italia', category: 'segnaletica', removePhotos: [removed] }))
        .attach('photos', await jpegWithGps(800, 600), { filename: 'altra.jpg', contentType: 'image/jpeg' })
        .expect(200);

      expect(response.body.data).toMatchObject({ title: 'Buca profonda in via Italia', category: { slug: 'segnaletica' } });
      expect(response.body.data.photos.map((p: { documentId: string }) => p.documentId)).not.toContain(removed);
      expect(response.body.data.photos).toHaveLength(2);
      expect(response.body.data.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'edit']);

      const [mail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes('urp@comune.example.it'))) as Mail[];
      expect(mail.subject).toMatch(/^Segnalazione .+: modificata da chi l’ha inviata, «Buca profonda in via Italia» – Comune di Esempio$/);
      expect(mail.text).toContain('- Titolo: "Buca in via Italia" → "Buca profonda in via Italia"');
      expect(mail.text).toContain('- Categoria: "dissesto-stradale" → "segnaletica"');
      expect(mail.text).toContain('- Foto rimosse: 1');
      expect(mail.text).toContain('- Foto aggiunte: 1');

      const entries = await app.strapi.db.query(HISTORY).findMany({ where: { report: { documentId: reportId }, action: 'edit' } });
      expect(entries).toHaveLength(1);
      expect(entries[0].details.changes).toEqual(expect.arrayContaining([{ field: 'title', from: 'Buca in via Italia', to: 'Buca profonda in via Italia' }]));
    });

    it('refuses edits once the report is taken in charge, with 409 and nothing changed', async () => {
      await app.strapi.db.query(REPORT).update({ where: { documentId: reportId }, data: { status: 'in_charge' } });
      const response = await app
        .http()
        .put(`/api/segnalazioni/my/reports/${reportId}`)
        .set('Authorization', `Bearer ${mario.jwt}`)
        .field('data', JSON.stringify({ title: 'Troppo tardi per cambiare' }))
        .expect(409);
      expect(response.body).toMatchObject({ data: null, error: { status: 409, name: 'ConflictError' } });
      expect(response.body.error.message).toMatch(/presa in carico/);
      const own = await app.http().get(`/api/segnalazioni/my/reports/${reportId}`).set('Authorization', `Bearer ${mario.jwt}`).expect(200);
      expect(own.body.data).toMatchObject({ title: 'Buca profonda in via Italia', editable: false });
    });

    it("states the deadline the report runs against from the office's first answer, whatever replies the citizen sees", async () => {
      const due = { dueFirstAnswerAt: new Date('2026-12-02T15:00:00.000Z'), dueCloseAt: new Date('2026-12-15T15:00:00.000Z') };
      await app.strapi.db.query(REPORT).update({ where: { documentId: reportId }, data: { ...due, firstAnsweredAt: null } });
      const deadline = async () =>
        (await app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${mario.jwt}`).expect(200)).body.data[0].deadline;
      expect(await deadline()).toEqual({ step: 'first_answer', due: '2026-12-02T15:00:00.000Z' });
      // Answered (say, on another channel) with no reply in the report: the closing deadline runs now.
      await app.strapi.db.query(REPORT).update({ where: { documentId: reportId }, data: { firstAnsweredAt: new Date('2026-12-01T10:00:00.000Z') } });
      expect(await deadline()).toEqual({ step: 'close', due: '2026-12-15T15:00:00.000Z' });
    });
  });
});
