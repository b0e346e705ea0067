import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string; text: string };

/** Deadlines counted in office hours (Biella's URP), on a controlled clock. */
describe('service levels', () => {
  let app: TestApp;
  let officer: TestStaff;
  let citizen: { id: number; documentId: string; email: string };
  const clock = () => app.strapi.plugin('segnalazioni').service('clock');

  const submit = async (title: string) =>
    (
      await app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({
          citizen,
          input: { title, description: `Descrizione: ${title}.`, category: 'dissesto-stradale' },
          files: [],
        })
    ).documentId as string;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '150' });
    officer = await createStaff(app, 'marco.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    await app.strapi.db.query('plugin::segnalazioni.category').update({ where: { slug: 'dissesto-stradale' }, data: { firstAnswerDays: 2, closeDays: 10 } });
    citizen = await createCitizen(app, 'teresa.gallo@example.it');
  });

  afterAll(async () => {
    clock().set(null);
    await app?.stop();
  });

  it('a report submitted on Friday evening is due at the close of the next working day', async () => {
    clock().set(new Date('2026-11-27T21:15:00+01:00'));
    const id = await submit('Buca sul ponte');
    const report = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId: id } });
    expect(new Date(report.dueTakeInChargeAt)).toEqual(new Date('2026-11-30T16:00:00+01:00'));

    const [receipt] = (await app.mailbox.waitFor((m: Mail) => m.to.includes(citizen.email))) as Mail[];
    expect(receipt.text).toContain('La presa in carico è prevista entro il 30 novembre 2026 alle ore 16:00.');
    const mine = await app.strapi.plugin('segnalazioni').service('citizen-reports').findOne(citizen.id, id);
    expect(mine.deadlines.takeInCharge).toBe(new Date('2026-11-30T15:00:00.000Z').toISOString());
  });

  it('taking in charge sets the first answer and closing deadlines, and the mail says them', async () => {
    clock().set(new Date('2026-11-30T09:00:00+01:00'));
    const id = await submit('Asfalto sollevato');
    const response = await app.http().post(`/segnalazioni/reports/${id}/actions/take_in_charge`).set('Authorization', `Bearer ${officer.token}`).expect(200);
    expect(response.body.data.deadlines).toEqual({
      // Received during office hours: the next working day is the first whole one.
      takeInCharge: new Date('2026-12-01T16:00:00+01:00').toISOString(),
      firstAnswer: new Date('2026-12-02T16:00:00+01:00').toISOString(),
      // 10 working days from Monday 30 November: the Immacolata (8 December) does not count.
      close: new Date('2026-12-15T16:00:00+01:00').toISOString(),
    });
    const [mail] = (await app.mailbox.waitFor((m: Mail) => m.to.includes(citizen.email) && m.subject.includes(': presa in carico – '))) as Mail[];
    expect(mail.text).toContain('è prevista entro il 2 dicembre 2026 alle ore 16:00');
  });

  it('shows what is overdue in the queue, and filters it', async () => {
    const overdue = async () =>
      (await app.http().get('/segnalazioni/reports?overdue=true').set('Authorization', `Bearer ${officer.token}`).expect(200)).body.data;
    clock().set(new Date('2026-11-30T15:30:00+01:00'));
    expect(await overdue()).toEqual([]);
    // Tuesday: the first report was not taken in charge by Monday's close; the second has until Wednesday to answer.
    clock().set(new Date('2026-12-01T09:00:00+01:00'));
    expect((await overdue()).map((r: { title: string; overdue: boolean; deadline: { step: string } }) => [r.title, r.overdue, r.deadline.step])).toEqual([
      ['Buca sul ponte', true, 'take_in_charge'],
    ]);
    clock().set(new Date('2026-12-03T09:00:00+01:00'));
    expect((await overdue()).map((r: { title: string; deadline: { step: string } }) => [r.title, r.deadline.step]).sort()).toEqual([
      ['Asfalto sollevato', 'first_answer'],
      ['Buca sul ponte', 'take_in_charge'],
    ]);
    await app.http().get('/segnalazioni/reports?overdue=maybe').set('Authorization', `Bearer ${officer.token}`).expect(400);
  });

  it('reminds the office before a deadline and escalates to URP after it, each once only', async () => {
    clock().set(new Date('2026-12-04T19:00:00+01:00')); // Friday evening: due Monday 7 December at 16:00
    const id = await submit('Chiusino rotto');
    const deadlines = app.strapi.plugin('segnalazioni').service('deadlines');
    const about = (m: Mail) => m.subject.includes('Chiusino rotto');
    await app.mailbox.waitFor((m: Mail) => about(m) && m.subject.includes(': nuova, «'));

    clock().set(new Date('2026-12-07T12:30:00+01:00'));
    // Two checks at once, as two servers would run them: one alert, one mail.
    const sent = await Promise.all([deadlines.check(), deadlines.check()]);
    expect(sent.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const [reminder] = (await app.mailbox.waitFor((m: Mail) => about(m) && m.subject.includes(': scadenza vicina per la '))) as Mail[];
    expect(reminder.to).toEqual(['strade@comune.test']);
    expect(reminder.text).toContain('entro il 7 dicembre 2026 alle ore 16:00');
    await deadlines.check();

    clock().set(new Date('2026-12-07T16:30:00+01:00'));
    await deadlines.check();
    const [escalation] = (await app.mailbox.waitFor((m: Mail) => about(m) && m.subject.includes(': scadenza superata per la '))) as Mail[];
    expect(escalation.to).toEqual(['urp@comune.example.it']);
    await deadlines.check();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((app.mailbox.messages as Mail[]).filter((m) => about(m) && /: scadenza (vicina|superata) per la /.test(m.subject))).toHaveLength(2);
    expect(await app.strapi.db.query('plugin::segnalazioni.deadline-alert').count({ where: { report: { documentId: id } } })).toBe(2);
  });
});
