import { startApp, type TestApp } from '../helpers/app';
import { startGraphApi, type GraphStandIn } from '../helpers/graph-api';
import { META, channelEnv, deliver, waDelivery, waMessage } from '../helpers/meta';
import { createStaff, type TestStaff } from '../helpers/staff';

const REPORT = 'plugin::segnalazioni.report';
const NOTIFICATION = 'plugin::segnalazioni.notification';
const TEMPLATE = 'aggiornamento_segnalazione';

/** Tuesday 24 November 2026, 10:00 in Rome: the URP is open. */
const TUESDAY_MORNING = new Date('2026-11-24T09:00:00Z');
const hoursLater = (n: number) => new Date(TUESDAY_MORNING.getTime() + n * 3_600_000);

describe('WhatsApp 24-hour customer-service window', () => {
  let app: TestApp;
  let graph: GraphStandIn;
  let urp: TestStaff;
  let nextId = 0;

  const clock = () => app.strapi.plugin('segnalazioni').service('clock');
  const sentTo = (number: string) => graph.whatsappSent().filter((message) => message.to === number);
  const templatesTo = (number: string) => graph.templatesSent().filter((message) => message.to === number);
  const act = (documentId: string, action: string, body: Record<string, unknown> = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${urp.token}`).send(body).expect(200);
  const notice = (recipient: string, template: string) => app.strapi.db.query(NOTIFICATION).findOne({ where: { channel: 'whatsapp', template, recipient } });
  const settled = async (recipient: string, template: string) =>
    graph.waitFor(async () => {
      const row = await notice(recipient, template);
      return row && ['sent', 'failed'].includes(row.status) ? [row] : [];
    });

  /** A citizen writes on Tuesday morning and gets the receipt; the report is taken in charge at once. */
  async function reportFrom(sender: string, text: string) {
    clock().set(TUESDAY_MORNING);
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(`wamid.WINDOW${++nextId}`, sender, text, TUESDAY_MORNING)])).expect(200);
    const report = await app.strapi.db.query(REPORT).findOne({ where: { contact: sender } });
    await graph.waitFor(() => sentTo(sender));
    const protocol: string = (await act(report.documentId, 'take_in_charge')).body.data.protocolNumber;
    await graph.waitFor(() => sentTo(sender), 2);
    return { report, protocol };
  }

  beforeAll(async () => {
    graph = await startGraphApi({ tokens: [META.whatsappToken, META.pageToken] });
    app = await startApp({
      ...channelEnv(graph.url),
      WHATSAPP_TEMPLATE_NAME: TEMPLATE,
      WHATSAPP_TEMPLATE_LANGUAGE: 'it',
      NOTIFICATION_POLL_MS: '150',
      NOTIFICATION_RETRY_BASE_MS: '100',
      NOTIFICATION_MAX_ATTEMPTS: '6',
    });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
  });

  afterEach(() => clock().set(TUESDAY_MORNING));

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it('within 24 hours of the citizen’s message, answers are free text; later, the approved template with the number and the answer', async () => {
    const sender = '393401000001';
    const { report, protocol } = await reportFrom(sender, 'Semaforo spento in via Italia');
    expect(sentTo(sender)[1].text).toContain(`Numero di protocollo: ${protocol}`);

    clock().set(hoursLater(23));
    await act(report.documentId, 'reply', { kind: 'feasibility', body: 'Il tecnico passa domani mattina.', public: false });
    expect((await graph.waitFor(() => sentTo(sender), 3))[2].text).toContain('Il tecnico passa domani mattina.');

    clock().set(hoursLater(25));
    await act(report.documentId, 'close', { body: 'Il semaforo è stato riparato.\n\nGrazie    della   segnalazione.', public: false });
    const [closing] = await graph.waitFor(() => templatesTo(sender));
    expect(closing).toEqual({
      to: sender,
      name: TEMPLATE,
      language: 'it',
      parameters: [protocol, expect.stringContaining('Il semaforo è stato riparato. Grazie della segnalazione.')],
    });
    expect(closing.parameters[1]).toMatch(new RegExp(`^La segnalazione ${protocol} è stata chiusa dall'URP`));
    expect(closing.parameters[1]).not.toMatch(/[\n\t]| {4}/);
    expect(sentTo(sender)).toHaveLength(3);
    expect(await settled(sender, 'report-closed')).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });

  it('a new message from the citizen opens the window again', async () => {
    const sender = '393401000002';
    const { report } = await reportFrom(sender, 'Tombino rumoroso in via Cernaia');
    clock().set(hoursLater(30));
    await deliver(app, 'whatsapp', waDelivery([waMessage.text(`wamid.WINDOW${++nextId}`, sender, 'Ci sono novità?', hoursLater(30))])).expect(200);
    await act(report.documentId, 'reply', { kind: 'progress', body: 'Intervento programmato per lunedì.', public: true });
    const texts = await graph.waitFor(() => sentTo(sender).filter((message) => message.text.includes('lunedì')));
    expect(texts).toHaveLength(1);
    expect(templatesTo(sender)).toHaveLength(0);
  });

  it('without a template, an answer outside the window is failed at once with the reason, and Meta is not called', async () => {
    const sender = '393401000003';
    const { report } = await reportFrom(sender, 'Panchina rotta ai giardini');
    const calls = () => graph.requests.filter((request) => request.body?.to === sender).length;
    const before = calls();
    app.strapi.config.set('plugin::segnalazioni.channels.whatsapp.templateName', '');
    try {
      clock().set(hoursLater(48));
      await act(report.documentId, 'close', { body: 'La panchina è stata sostituita.', public: true });
      const [row] = await settled(sender, 'report-closed');
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.lastError).toMatch(/oltre 24 ore fa.*nessuno è configurato \(WHATSAPP_TEMPLATE_NAME\)/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(calls()).toBe(before);
      expect(await notice(sender, 'report-closed')).toMatchObject({ status: 'failed', attempts: 1 });
      // The office sees it on the report's page, to reach the citizen otherwise.
      const page = await app.http().get(`/segnalazioni/reports/${report.documentId}`).set('Authorization', `Bearer ${urp.token}`).expect(200);
      expect(page.body.data.undelivered).toEqual([
        { channel: 'whatsapp', recipient: sender, template: 'report-closed', error: row.lastError, at: expect.any(String) },
      ]);
    } finally {
      app.strapi.config.set('plugin::segnalazioni.channels.whatsapp.templateName', TEMPLATE);
    }
  });

  it('Meta’s refusal of a re-engagement message (131047) fails the answer at once; throttling (130429) is retried', async () => {
    const sender = '393401000004';
    const { report } = await reportFrom(sender, 'Cestino divelto in piazza');
    graph.failNext(1, 'send', 're-engagement');
    await act(report.documentId, 'reply', { kind: 'feasibility', body: 'Lo sostituiamo entro la settimana.', public: true });
    const [refused] = await settled(sender, 'report-reply');
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.lastError).toContain('code 131047');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(graph.requests.filter((request) => request.body?.to === sender && request.status === 400)).toHaveLength(1);

    graph.failNext(2, 'send', 'throttled');
    await act(report.documentId, 'close', { body: 'Cestino sostituito.', public: true });
    expect(await settled(sender, 'report-closed')).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]);
    expect(sentTo(sender).filter((message) => message.text.includes('Cestino sostituito.'))).toHaveLength(1);
  });
});
