import { startApp, type TestApp } from '../helpers/app';
import { jpegPhotoFile, pngPhotoFile } from '../helpers/photo-files';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string; text: string; html: string };
const NOTIFICATION = 'plugin::segnalazioni.notification';

/** Moderation and publication done together reach the citizen as one mail; other steps never wait. */
describe('mail grouping window', () => {
  let app: TestApp;
  let officer: TestStaff;
  let citizen: { id: number; email: string };

  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
  const citizenMails = () => (app.mailbox.messages as Mail[]).filter((mail) => mail.to.includes(citizen.email));

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '100', MAIL_GROUPING_SECONDS: '2' });
    officer = await createStaff(app, 'ugo.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    citizen = await createCitizen(app, 'nora.conti@example.it');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('one officer’s moderation of text and photos and the publication make one mail listing each step; taking in charge and a reply go at once', async () => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Buca in via Mazzini', description: 'Una buca profonda davanti al civico 8.', category: 'dissesto-stradale' },
        files: [await jpegPhotoFile(), await pngPhotoFile()],
      });
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes(citizen.email) && mail.subject.includes(': ricevuta – '));

    const takenAt = Date.now();
    const taken = (await act(report.documentId, 'take_in_charge')).body.data;
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes(citizen.email) && mail.subject.includes(': presa in carico – '));
    // Well inside the window: taking in charge does not wait.
    expect(Date.now() - takenAt).toBeLessThan(1500);

    await act(report.documentId, 'moderate_text', { decision: 'approve' });
    await act(report.documentId, 'moderate_photo', { photo: taken.photos[0].documentId, decision: 'approve' });
    await act(report.documentId, 'moderate_photo', { photo: taken.photos[1].documentId, decision: 'reject', reason: 'Si vede una targa.' });
    await act(report.documentId, 'publish');
    expect(citizenMails()).toHaveLength(2);

    const subject = `Segnalazione ${taken.protocolNumber}: novità – Comune di Esempio`;
    const [digest] = (await app.mailbox.waitFor((mail: Mail) => mail.subject === subject, { timeoutMs: 8000 })) as Mail[];
    expect(digest.to).toEqual([citizen.email]);
    expect(digest.text).toContain("ci sono novità sulla tua segnalazione, dall'Ufficio Strade:");
    expect(digest.text).toContain('Segnalazione: Buca in via Mazzini\n');
    const steps = digest.text.slice(digest.text.indexOf('– '), digest.text.indexOf('\n\nSegnalazione: ')).trim().split('\n');
    expect(steps).toEqual([
      "– Il testo è stato approvato dall'Ufficio Strade.",
      '– La foto n. 1 è stata approvata.',
      '– La foto n. 2 è stata rifiutata.',
      '  Motivo: Si vede una targa.',
      expect.stringMatching(/^– È visibile nell'archivio pubblico dal(l')? ?\d{1,2} \w+ \d{4} alle ore \d{2}:\d{2}, con il testo e le foto approvati\.$/),
    ]);
    // The published page is a button in the HTML part, and a labelled link in the text.
    expect(digest.text).toMatch(/\nVedi la segnalazione pubblicata: http:\/\/sportello\.test\/sportello\/segnalazioni\/\S+\n/);
    expect(digest.html).toMatch(/<a href="http:\/\/sportello\.test\/sportello\/segnalazioni\/[^"]+" style="[^"]+">Vedi la segnalazione pubblicata<\/a>/);

    // Nothing else came of those four steps, and their four rows are all sent.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(citizenMails().map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/: ricevuta – /),
      expect.stringMatching(/: presa in carico – /),
      subject,
    ]);
    const grouped = await app.strapi.db.query(NOTIFICATION).findMany({
      where: { recipient: citizen.email, template: { $in: ['report-text-moderated', 'report-photo-moderated', 'report-published'] } },
    });
    expect(grouped.map((row: { status: string }) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent']);

    const repliedAt = Date.now();
    await act(report.documentId, 'reply', { kind: 'feasibility', body: 'La buca sarà chiusa entro venerdì.', public: true });
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes(citizen.email) && mail.subject.includes('fattibilità'));
    expect(Date.now() - repliedAt).toBeLessThan(1500);
  });

  it('a single step still reads as its own mail once the window has passed', async () => {
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({ citizen, input: { title: 'Cartello piegato', description: 'Il cartello di stop è piegato.', category: 'dissesto-stradale' }, files: [] });
    const { protocolNumber } = (await act(report.documentId, 'take_in_charge')).body.data;
    await act(report.documentId, 'moderate_text', { decision: 'reject', reason: 'Contiene un numero di targa.' });
    const [mail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes(citizen.email) && m.subject.startsWith(`Segnalazione ${protocolNumber}: testo `), {
      timeoutMs: 8000,
    })) as Mail[];
    expect(mail.subject).toBe(`Segnalazione ${protocolNumber}: testo rifiutato – Comune di Esempio`);
    expect(mail.text).toContain('Motivo: Contiene un numero di targa.');
  });
});
