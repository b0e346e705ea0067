import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string; text: string; html: string };
const REPORT = 'plugin::segnalazioni.report';
const DAY = 24 * 60 * 60 * 1000;

/** A report followed without a password: the personal link of every message, its end, and the lookup by reference. */
describe('following a report without an account', () => {
  let app: TestApp;
  let officer: TestStaff;
  let citizen: { id: number; email: string };

  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
  /** The follow link of the newest mail to the citizen about `reference` whose subject matches `subject`. */
  const followLinkIn = async (reference: string, subject: RegExp) => {
    const about = (mail: Mail) => mail.to.includes(citizen.email) && subject.test(mail.subject) && mail.text.includes(`Riferimento: ${reference}`);
    const mails = (await app.mailbox.waitFor(about)) as Mail[];
    const mail = mails[mails.length - 1];
    const [url] = mail.text.match(/(?<=Segui la segnalazione: )\S+/) ?? [];
    if (!url) throw new Error(`No follow link in: ${mail.text}`);
    return { mail, url, token: decodeURIComponent(new URL(url).pathname.split('/segui/')[1]) };
  };
  const open = (token: string) => app.http().get(`/api/segnalazioni/follow/${encodeURIComponent(token)}`);

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '100', PUBLIC_URL: 'http://sportello.test' });
    officer = await createStaff(app, 'anna.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    citizen = await createCitizen(app, 'bruno.seguito@example.it');
  });

  afterAll(async () => {
    app?.strapi.plugin('segnalazioni').service('clock').set(null);
    await app?.stop();
  });

  it('opens the report from the link in each mail, with no login, until it expires', async () => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Buca in via Roma', description: 'Una buca davanti al civico 3, chiamatemi al 347 1234567.', category: 'dissesto-stradale' },
        files: [],
      });
    const { mail, url, token } = await followLinkIn(report.reference, /: ricevuta – /);
    expect(url).toMatch(/^http:\/\/sportello\.test\/sportello\/segui\/[a-z0-9]+\.0\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toMatch(/<a href="http:\/\/sportello\.test\/sportello\/segui\/[^"]+" style="[^"]+">Segui la segnalazione<\/a>/);

    const opened = await open(token).expect(200);
    expect(opened.body.data).toMatchObject({ reference: report.reference, title: 'Buca in via Roma', status: 'submitted' });
    expect(Date.parse(opened.body.data.link.expiresAt) - Date.now()).toBeGreaterThan(364 * DAY);
    expect(opened.headers['cache-control']).toMatch(/no-store/);

    // A year and a day later the same link says so, in words.
    const clock = app.strapi.plugin('segnalazioni').service('clock');
    clock.set(new Date(Date.now() + 366 * DAY));
    const expired = await open(token).expect(410);
    expect(expired.body.error.message).toMatch(/^Questo collegamento è scaduto/);
    clock.set(null);
  });

  it('cannot be guessed, stretched or moved to another report', async () => {
    const { token } = await followLinkIn('', /: ricevuta – /);
    const [documentId, version, expires, mac] = token.split('.');
    for (const forged of [
      `${documentId}.${version}.${Number(expires) + 86_400}.${mac}`,
      `${documentId}.${Number(version) + 1}.${expires}.${mac}`,
      `${documentId}.${version}.${expires}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      'x'.repeat(5000),
      "' OR 1=1 --",
      '%00',
    ]) {
      const answer = await open(forged).expect(404);
      expect(answer.body.error).toMatchObject({ status: 404, name: 'NotFoundError', message: expect.stringMatching(/^Collegamento non valido/) });
    }
  });

  it('is revoked from its page: every link issued so far stops, the next message carries a new one', async () => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({ citizen, input: { title: 'Lampione spento', description: 'Il lampione di piazza Duomo è spento.', category: 'dissesto-stradale' }, files: [] });
    const { token } = await followLinkIn(report.reference, /: ricevuta – /);
    expect(token.startsWith(`${report.documentId}.0.`)).toBe(true);
    // Two revocations at once end the links once.
    const [first, second] = await Promise.all([
      app.http().post(`/api/segnalazioni/follow/${token}/revoke`),
      app.http().post(`/api/segnalazioni/follow/${token}/revoke`),
    ]);
    // Both read the same version (both 200, one bumps it), or the second read it bumped (410).
    const statuses = [first.status, second.status];
    expect(statuses).toContain(200);
    expect(statuses.filter((status) => status !== 200 && status !== 410)).toEqual([]);
    expect((await app.strapi.db.query(REPORT).findOne({ where: { documentId: report.documentId } })).followVersion).toBe(1);
    const revoked = await open(token).expect(410);
    expect(revoked.body.error.message).toMatch(/^Questo collegamento è stato revocato/);

    await act(report.documentId, 'take_in_charge');
    const fresh = await followLinkIn(report.reference, /: presa in carico – /);
    expect(fresh.token.startsWith(`${report.documentId}.1.`)).toBe(true);
    expect((await open(fresh.token).expect(200)).body.data.status).toBe('in_charge');
    await open(token).expect(410);
  });

  it('revokes the links of a report made before links had versions', async () => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({ citizen, input: { title: 'Cartello storto', description: 'Il cartello di via Po è storto.', category: 'dissesto-stradale' }, files: [] });
    const { token } = await followLinkIn(report.reference, /: ricevuta – /);
    await app.strapi.db.connection('segnalazioni_reports').where({ document_id: report.documentId }).update({ follow_version: null });
    await open(token).expect(200);
    await app.http().post(`/api/segnalazioni/follow/${token}/revoke`).expect(200);
    await open(token).expect(410);
    expect((await app.strapi.db.query(REPORT).findOne({ where: { documentId: report.documentId } })).followVersion).toBe(1);
  });

  it('looks a report up by its reference: where it stands and the public replies, nothing private', async () => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Tombino rotto', description: 'Il tombino di via Verdi 7 è rotto, sono Bruno.', category: 'dissesto-stradale' },
        files: [],
      });
    const lookup = (reference: string) => app.http().get(`/api/segnalazioni/lookup?reference=${encodeURIComponent(reference)}`);

    const submitted = await lookup(` ${report.reference.toLowerCase()} `).expect(200);
    expect(submitted.body.data).toEqual({
      reference: report.reference,
      protocolNumber: null,
      status: 'submitted',
      category: 'Dissesto stradale',
      submittedAt: expect.any(String),
      takenInChargeAt: null,
      firstAnsweredAt: null,
      closedAt: null,
      published: null,
      replies: [],
    });

    await act(report.documentId, 'take_in_charge');
    await act(report.documentId, 'reply', { kind: 'feasibility', body: 'Gentile Bruno, la chiamiamo domani.', public: false });
    await act(report.documentId, 'reply', { kind: 'progress', body: 'Intervento programmato per lunedì.', public: true });
    const answered = await lookup(report.reference).expect(200);
    expect(answered.body.data).toMatchObject({ status: 'in_progress', protocolNumber: expect.stringMatching(/^\d{4}\/\d{6}$/), published: null });
    // Its public reply is public with the report: not while it is out of the archive.
    expect(answered.body.data.replies).toEqual([]);
    const everything = JSON.stringify(answered.body);
    for (const secret of ['Tombino rotto', 'via Verdi 7', 'Bruno', citizen.email, report.documentId]) expect(everything).not.toContain(secret);

    // Published, it names its public page; the archive finds it by reference and by protocol number.
    await act(report.documentId, 'moderate_text', { decision: 'approve', publicText: 'Il tombino di via Verdi è rotto.' });
    await act(report.documentId, 'publish');
    const published = (await lookup(report.reference).expect(200)).body.data;
    expect(published.published).toEqual({ documentId: report.documentId, title: 'Tombino rotto' });
    expect(published.replies).toEqual([{ kind: 'progress', body: 'Intervento programmato per lunedì.', createdAt: expect.any(String) }]);
    expect(JSON.stringify(published)).not.toContain('la chiamiamo domani');
    const protocol = answered.body.data.protocolNumber as string;
    for (const q of [report.reference, report.reference.toLowerCase(), protocol]) {
      const found = await app
        .http()
        .get(`/api/segnalazioni/reports?q=${encodeURIComponent(q)}`)
        .expect(200);
      expect([q, found.body.data.map((each: { documentId: string }) => each.documentId)]).toEqual([q, [report.documentId]]);
    }

    for (const wrong of ['', 'K7QM', 'K7QM-3XPA-ZZZZ', 'K7QM-3XPI', '<script>', 'a'.repeat(10_000)]) {
      const answer = await lookup(wrong).expect(400);
      expect(answer.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^Riferimento: otto caratteri/) });
    }
    await app.http().get('/api/segnalazioni/lookup?reference=a&reference=b').expect(400);
    expect((await lookup('ZZZZ-ZZZZ').expect(404)).body.error.message).toBe('Nessuna segnalazione con questo riferimento.');
  });

  it('keeps guessing slow: a flood of lookups from one address is refused with Retry-After', async () => {
    app.strapi.config.set('plugin::segnalazioni.rateLimits.lookups', { windowMs: 60_000, perIp: 5 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => app.http().get('/api/segnalazioni/lookup?reference=ZZZZ-ZZZZ')));
    const statuses = answers.map((answer) => answer.status);
    // The window also counts this file's earlier lookups: at most five of these pass, the rest wait.
    expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(7);
    expect(statuses.filter((status) => status !== 429 && status !== 404)).toEqual([]);
    expect(answers.find((answer) => answer.status === 429)?.headers['retry-after']).toMatch(/^\d+$/);
  });
});
