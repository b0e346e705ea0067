import { answerHandshake, hasValidSignature, signatureOf } from './meta-webhook';

describe('Meta webhook checks', () => {
  const body = '{"object":"whatsapp_business_account","entry":[]}';

  it('signs the raw body with HMAC-SHA256 of the app secret, as Meta does', () => {
    // printf '%s' "$body" | openssl dgst -sha256 -hmac segreto
    expect(signatureOf(body, 'segreto')).toBe('sha256=a262f62a02369a9c924f475b7064647072e3008223181eb2bca0a7add4086351');
    expect(hasValidSignature(body, signatureOf(body, 'segreto'), 'segreto')).toBe(true);
    expect(hasValidSignature(body, signatureOf(body, 'segreto').toUpperCase().replace('SHA256', 'sha256'), 'segreto')).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another secret', signatureOf(body, 'altro')],
    ['another body', signatureOf(`${body} `, 'segreto')],
    ['sha1 instead', 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ['truncated', signatureOf(body, 'segreto').slice(0, 40)],
    ['an array', ['sha256=x']],
  ])('refuses a signature that is %s', (_, header) => {
    expect(hasValidSignature(body, header, 'segreto')).toBe(false);
  });

  it('never accepts when no secret is configured', () => {
    expect(hasValidSignature(body, signatureOf(body, ''), '')).toBe(false);
  });

  it('echoes the challenge for the right verify token', () => {
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' }, 'tok')).toEqual({
      ok: true,
      challenge: '1158201444',
    });
  });

  it('answers 403 to a wrong token and 400 to what is no handshake', () => {
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tik', 'hub.challenge': '1' }, 'tok')).toMatchObject({ ok: false, status: 403 });
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }, 'tok')).toMatchObject({ ok: false, status: 403 });
    expect(answerHandshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1' }, 'tok')).toMatchObject({ ok: false, status: 400 });
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, 'tok')).toMatchObject({ ok: false, status: 400 });
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': ['1', '2'] }, 'tok')).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});
