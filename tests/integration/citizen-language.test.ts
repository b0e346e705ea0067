import { startApp, type TestApp } from '../helpers/app';
import { registerCitizen, type TestCitizen } from '../helpers/citizens';
import { createOffice, createStaff, type TestStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string; text: string; html: string };
const USER = 'plugin::users-permissions.user';
const NOTIFICATION = 'plugin::segnalazioni.notification';
const OFFICE_EMAIL = 'strade@comune.test';

const ENGLISH_DATE = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;
const ITALIAN_DATE = /\d{1,2} (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \d{4}/;

describe("a citizen's language", () => {
  let app: TestApp;
  let officer: TestStaff;
  let emma: TestCitizen;
  let giulio: TestCitizen;

  const languageOf = async (email: string) =>
    ((await app.strapi.db.query(USER).findOne({ where: { email }, select: ['language'] })) as { language: string }).language;
  const mailTo = async (email: string, subject: RegExp | string, count = 1) =>
    (
      (await app.mailbox.waitFor(
        (mail: Mail) => mail.to.includes(email) && (typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject)),
        {
          count,
        },
      )) as Mail[]
    )[count - 1];
  const setLanguage = (citizen: TestCitizen, body: unknown) =>
    app
      .http()
      .put('/api/segnalazioni/my/language')
      .set('Authorization', `Bearer ${citizen.jwt}`)
      .send(body as object);
  const submit = async (citizen: TestCitizen, title: string) => {
    const response = await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${citizen.jwt}`)
      .field('data', JSON.stringify({ title, description: `Descrizione della segnalazione: ${title}.`, category: 'dissesto-stradale' }))
      .expect(201);
    return response.body.data as { documentId: string; reference: string };
  };
  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '150' });
    officer = await createStaff(app, 'anna.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', OFFICE_EMAIL, [officer.id], ['dissesto-stradale']);
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('at registration', () => {
    it("is the portal's language: an English registration is confirmed in English, one without a language in Italian", async () => {
      emma = await registerCitizen(app, 'emma', { language: 'en' });
      giulio = await registerCitizen(app, 'giulio');
      expect(await languageOf(emma.email)).toBe('en');
      expect(await languageOf(giulio.email)).toBe('it');

      const [english] = app.mailbox.to(emma.email) as Mail[];
      expect(english.subject).toBe('Confirm your registration to Sportello Segnalazioni – Comune di Esempio');
      expect(english.text).toContain('Dear Nome emma');
      expect(english.html).toContain('<html lang="en">');
      const [italian] = app.mailbox.to(giulio.email) as Mail[];
      expect(italian.subject).toBe('Conferma la registrazione allo Sportello Segnalazioni – Comune di Esempio');
      expect(italian.html).toContain('<html lang="it">');
    });

    it.each([['fr'], ['EN'], ['en-GB'], [''], [null], [1], [['en']], [{ $ne: 'it' }]])(
      'refuses the language %j with a 400, creating nobody and mailing nothing',
      async (language) => {
        const email = `ostile${Math.random().toString(36).slice(2, 8)}@example.it`;
        const refused = await app
          .http()
          .post('/api/auth/local/register')
          .send({ username: email, email, password: 'Password123!', firstName: 'Ostile', lastName: 'Test', language })
          .expect(400);
        expect(refused.body.error.message).toBe('Lingua: "it" (italiano) oppure "en" (inglese).');
        expect(await app.strapi.db.query(USER).count({ where: { email } })).toBe(0);
        expect(await app.strapi.db.query(NOTIFICATION).count({ where: { recipient: email } })).toBe(0);
      },
    );

    it("answers a registration with a taken address in the owner's language, not the request's", async () => {
      await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'emma-bis', email: emma.email, password: 'Password123!', firstName: 'Altra', lastName: 'Persona', language: 'it' })
        .expect(200);
      const mail = await mailTo(emma.email, 'Your Sportello Segnalazioni account – Comune di Esempio');
      expect(mail.text).toContain('an active account with this address already exists');
      expect(await languageOf(emma.email)).toBe('en');
    });
  });

  describe('in the mails about reports', () => {
    it('sends the English citizen an English receipt and English status mails, the Italian one Italian; the office reads Italian', async () => {
      const english = await submit(emma, 'Pothole in via Roma');
      const italian = await submit(giulio, 'Buca in via Milano');

      const receipt = await mailTo(emma.email, `Report ${english.reference}: received – Comune di Esempio`);
      expect(receipt.text).toContain('Dear Nome emma');
      expect(receipt.text).toMatch(ENGLISH_DATE);
      expect(receipt.text).not.toMatch(ITALIAN_DATE);
      const ricevuta = await mailTo(giulio.email, `Segnalazione ${italian.reference}: ricevuta – Comune di Esempio`);
      expect(ricevuta.text).toMatch(ITALIAN_DATE);
      const office = await mailTo(OFFICE_EMAIL, `Segnalazione ${english.reference}: nuova, «Pothole in via Roma» – Comune di Esempio`);
      expect(office.text).toMatch(ITALIAN_DATE);

      for (const { documentId } of [english, italian]) await act(documentId, 'take_in_charge');
      const taken = await mailTo(emma.email, /^Report \d{4}\/\d{6}: taken in charge – /);
      expect(taken.text).toContain('The first answer, on whether the work can be done, is due by');
      expect(taken.text).toMatch(ENGLISH_DATE);
      expect((await mailTo(giulio.email, /^Segnalazione \d{4}\/\d{6}: presa in carico – /)).text).toMatch(ITALIAN_DATE);

      await act(english.documentId, 'moderate_text', { decision: 'approve' });
      expect((await mailTo(emma.email, /^Report .+: text approved – Comune di Esempio$/)).text).toContain('was approved by Ufficio Strade');
      await act(english.documentId, 'reply', { kind: 'progress', body: 'Work starts on Monday.', public: true });
      const reply = await mailTo(emma.email, /^Report .+: answer from the office \(progress update\) – /);
      expect(reply.text).toContain('Work starts on Monday.');
      await act(italian.documentId, 'reply', { kind: 'feasibility', body: 'Interverremo entro la settimana.', public: true });
      expect((await mailTo(giulio.email, /^Segnalazione .+: risposta dell’ufficio \(fattibilità\) – /)).text).toContain('Gentile Nome giulio');

      const rows = (await app.strapi.db.query(NOTIFICATION).findMany({ select: ['recipient', 'locale'] })) as { recipient: string; locale: string }[];
      expect(new Set(rows.filter((row) => row.recipient === OFFICE_EMAIL).map((row) => row.locale))).toEqual(new Set(['it']));
    });

    it("writes the password reset in the account's language", async () => {
      await app.http().post('/api/auth/forgot-password').send({ email: emma.email }).expect(200);
      const mail = await mailTo(emma.email, 'Reset your Sportello Segnalazioni password – Comune di Esempio');
      expect(mail.text).toMatch(/\/sportello\/reimposta-password\?code=[0-9a-f]{64}/);
    });
  });

  describe("with the portal's switch", () => {
    it('changes only the logged-in citizen’s own language, and the next mails follow it', async () => {
      const answer = await setLanguage(giulio, { language: 'en' }).expect(200);
      expect(answer.body).toEqual({ data: { language: 'en' }, meta: {} });
      expect(await languageOf(giulio.email)).toBe('en');
      expect(await languageOf(emma.email)).toBe('en');

      const report = await submit(giulio, 'Streetlight out');
      expect((await mailTo(giulio.email, `Report ${report.reference}: received – Comune di Esempio`)).text).toContain('Dear Nome giulio');
      await act(report.documentId, 'take_in_charge');
      await mailTo(giulio.email, /^Report \d{4}\/\d{6}: taken in charge – /);

      await setLanguage(giulio, { language: 'it' }).expect(200);
      await act(report.documentId, 'reply', { kind: 'feasibility', body: 'La lampada sarà sostituita.', public: false });
      expect((await mailTo(giulio.email, /^Segnalazione .+: risposta dell’ufficio \(fattibilità\) – /, 2)).text).toContain('Gentile Nome giulio');
      // The language survives a new login: it is the account's.
      const login = await app.http().post('/api/auth/local').send({ identifier: giulio.email, password: giulio.password }).expect(200);
      expect(login.body.user.language).toBe('it');
    });

    it.each([
      [{ language: 'de' }],
      [{ language: 'en ' }],
      [{ language: null }],
      [{ language: ['en'] }],
      [{ language: { $eq: 'en' } }],
      [{}],
      [{ language: 'en', confirmed: false }],
      [{ language: 'en', email: 'altro@example.it' }],
      [{ language: 'en', id: 1 }],
      [['en']],
    ])('refuses %j with a 400 and changes nothing', async (body) => {
      const before = await app.strapi.db.query(USER).findOne({ where: { email: giulio.email } });
      await setLanguage(giulio, body).expect(400);
      expect(await app.strapi.db.query(USER).findOne({ where: { email: giulio.email } })).toEqual(before);
    });

    it('needs a login', async () => {
      const response = await app.http().put('/api/segnalazioni/my/language').send({ language: 'en' });
      expect([401, 403]).toContain(response.status);
      expect(await languageOf(giulio.email)).toBe('it');
    });
  });
});
