import { checkFollowToken, followKey, signFollowToken } from './follow-token';

const key = followKey(['uno', 'due']);
const claim = { documentId: 'k7qm3xpaz2b4c6d8e0f1g2h3', version: 2, expiresAt: new Date('2027-06-01T10:00:00Z') };
const now = new Date('2026-12-01T10:00:00Z');

describe('follow links', () => {
  it('open the report they were issued for, until they expire', () => {
    const token = signFollowToken(claim, key);
    expect(token).toMatch(/^k7qm3xpaz2b4c6d8e0f1g2h3\.2\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(checkFollowToken(token, key, now)).toEqual({ ok: true, claim });
    expect(checkFollowToken(token, key, new Date('2027-06-01T10:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('cannot be made up, stretched or moved to another report', () => {
    const token = signFollowToken(claim, key);
    const [documentId, version, expires, mac] = token.split('.');
    expect(checkFollowToken(`${documentId}.${version}.${Number(expires) + 86400}.${mac}`, key, now)).toEqual({ ok: false, reason: 'forged' });
    expect(checkFollowToken(`${documentId}.3.${expires}.${mac}`, key, now)).toEqual({ ok: false, reason: 'forged' });
    expect(checkFollowToken(`a${documentId.slice(1)}.${version}.${expires}.${mac}`, key, now)).toEqual({ ok: false, reason: 'forged' });
    expect(checkFollowToken(token, followKey(['altre', 'chiavi']), now)).toEqual({ ok: false, reason: 'forged' });
  });

  it.each(['', 'abc', `${'a'.repeat(65)}.1.1.${'x'.repeat(43)}`, 'K7QM.1.1.x', '../../etc/passwd', 'a.1.1.' + 'é'.repeat(43)])(
    'refuses %j as malformed',
    (token) => {
      expect(checkFollowToken(token, key, now)).toEqual({ ok: false, reason: 'malformed' });
    },
  );
});
