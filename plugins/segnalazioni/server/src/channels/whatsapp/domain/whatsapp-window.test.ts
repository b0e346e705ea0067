import { CUSTOMER_SERVICE_WINDOW_MS, NO_TEMPLATE_REASON, TEMPLATE_PARAMETER_MAX, isWindowOpen, templateParameter, whatsappAnswer } from './whatsapp-window';

const now = new Date('2026-11-24T09:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const template = { name: 'aggiornamento_segnalazione', language: 'it' };

describe('isWindowOpen', () => {
  it('is open for 24 hours after the last message, and shut without one', () => {
    expect(isWindowOpen(ago(0), now)).toBe(true);
    expect(isWindowOpen(ago(CUSTOMER_SERVICE_WINDOW_MS - 1000), now)).toBe(true);
    expect(isWindowOpen(ago(CUSTOMER_SERVICE_WINDOW_MS), now)).toBe(false);
    expect(isWindowOpen(null, now)).toBe(false);
  });

  it('counts a message stamped a little ahead of our clock as just sent', () => {
    expect(isWindowOpen(new Date(now.getTime() + 5000), now)).toBe(true);
  });
});

describe('templateParameter', () => {
  it('puts the text on one line with single spaces', () => {
    expect(templateParameter('Chiusa:\n\tIl semaforo    è riparato.\r\nGrazie')).toBe('Chiusa: Il semaforo è riparato. Grazie');
  });

  it('keeps within Meta’s 1024 characters and is never empty', () => {
    const long = templateParameter('parola '.repeat(400));
    expect(long.length).toBeLessThanOrEqual(TEMPLATE_PARAMETER_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(templateParameter(' \n ')).toBe('-');
  });
});

describe('whatsappAnswer', () => {
  const facts = { text: 'La segnalazione è stata chiusa.\nGrazie.', reference: '2026/000012', now, template };

  it('is free text inside the window', () => {
    expect(whatsappAnswer({ ...facts, lastInboundAt: ago(60_000) })).toEqual({
      ok: true,
      message: { type: 'text', text: { preview_url: false, body: facts.text } },
    });
  });

  it('is the template outside it, with the number and the answer as parameters', () => {
    expect(whatsappAnswer({ ...facts, lastInboundAt: ago(CUSTOMER_SERVICE_WINDOW_MS + 1) })).toEqual({
      ok: true,
      message: {
        type: 'template',
        template: {
          name: 'aggiornamento_segnalazione',
          language: { code: 'it' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: '2026/000012' },
                { type: 'text', text: 'La segnalazione è stata chiusa. Grazie.' },
              ],
            },
          ],
        },
      },
    });
  });

  it('is nothing, with the reason, outside the window without a template', () => {
    expect(whatsappAnswer({ ...facts, template: null, lastInboundAt: null })).toEqual({ ok: false, reason: NO_TEMPLATE_REASON });
  });
});
