import {
  addressKey,
  authRouteGroup,
  countersFor,
  decide,
  DEFAULT_RATE_LIMITS,
  justExceeded,
  rateLimitsSchema,
  retryMessage,
  type RateLimits,
} from './rate-limit';

const LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  reports: { windowMs: 60_000, perCitizen: 3, perIp: 10 },
  accountEmails: { windowMs: 60_000, perIp: 5, perEmail: 2 },
};
const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);

describe('countersFor', () => {
  it('counts a report by the citizen and by the address, in the same window', () => {
    const counters = countersFor('reports', LIMITS, { ip: '203.0.113.7', citizenId: 42 }, T0 + 15_000);
    expect(counters).toEqual([
      { bucket: `reports|ip|203.0.113.7|${T0 / 60_000}`, kind: 'ip', limit: 10, resetsAt: T0 + 60_000 },
      { bucket: `reports|citizen|42|${T0 / 60_000}`, kind: 'citizen', limit: 3, resetsAt: T0 + 60_000 },
    ]);
  });

  it('starts a new window, with new buckets, when the old one ends', () => {
    const [first] = countersFor('reports', LIMITS, { ip: '203.0.113.7', citizenId: 42 }, T0 + 59_999);
    const [next] = countersFor('reports', LIMITS, { ip: '203.0.113.7', citizenId: 42 }, T0 + 60_000);
    expect(first.bucket).not.toBe(next.bucket);
    expect(next.resetsAt).toBe(T0 + 120_000);
  });

  it('counts account mails by the address asked about too, in any case, and ignores what is no address', () => {
    const kinds = (email: unknown) =>
      countersFor('accountEmails', LIMITS, { ip: '203.0.113.7', email }, T0).map((counter) => counter.bucket.split('|').slice(1, 3).join('|'));
    expect(kinds(' Anna@Example.IT ')).toEqual(['ip|203.0.113.7', 'email|anna@example.it']);
    expect(kinds({ $ne: 1 })).toEqual(['ip|203.0.113.7']);
    expect(kinds('x'.repeat(300))).toEqual(['ip|203.0.113.7']);
  });

  it('does not count by citizen or email where the group has no such limit', () => {
    expect(countersFor('registrations', LIMITS, { ip: '203.0.113.7', citizenId: 1, email: 'a@b.it' }, T0).map((counter) => counter.kind)).toEqual(['ip']);
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses, also when IPv6-mapped', () => {
    expect(addressKey('198.51.100.20')).toBe('198.51.100.20');
    expect(addressKey('::ffff:198.51.100.20')).toBe('198.51.100.20');
  });

  it('counts IPv6 clients by their /64, however the address is written', () => {
    expect(addressKey('2001:db8:0a:0b:1:2:3:4')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:DB8:a:b::99')).toBe('2001:db8:a:b::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('decide', () => {
  const [ip, citizen] = countersFor('reports', LIMITS, { ip: '203.0.113.7', citizenId: 42 }, T0);

  it('allows up to the limit, this request included', () => {
    expect(
      decide(
        [
          { counter: ip, hits: 10 },
          { counter: citizen, hits: 3 },
        ],
        T0,
      ),
    ).toEqual({ allowed: true });
  });

  it('refuses the next one, until the window ends', () => {
    const decision = decide(
      [
        { counter: ip, hits: 4 },
        { counter: citizen, hits: 4 },
      ],
      T0 + 20_500,
    );
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 40, retryAt: new Date(T0 + 60_000), refused: [citizen] });
  });

  it('asks to wait at least a second', () => {
    const decision = decide([{ counter: citizen, hits: 9 }], T0 + 59_999);
    expect(decision.allowed === false && decision.retryAfterSeconds).toBe(1);
  });

  it('notes only the first count over the limit', () => {
    expect([3, 4, 5].map((hits) => justExceeded({ counter: citizen, hits }))).toEqual([false, true, false]);
  });
});

describe('authRouteGroup', () => {
  it('maps every users-permissions route it limits, whatever the spelling the router accepts', () => {
    expect(authRouteGroup('/auth/local')).toBe('logins');
    expect(authRouteGroup('/Auth/Local/Register/')).toBe('registrations');
    expect(authRouteGroup('/auth/send-email-confirmation')).toBe('accountEmails');
    expect(authRouteGroup('/auth/forgot-password')).toBe('accountEmails');
    expect(authRouteGroup('/auth/reset-password')).toBe('logins');
  });

  it('counts a route it does not know as a login, never as unlimited', () => {
    expect(authRouteGroup('/connect/github')).toBe('logins');
  });
});

describe('retryMessage', () => {
  it('says in Italian when to retry', () => {
    expect(retryMessage(1)).toBe('Troppe richieste in poco tempo. Riprova tra 1 secondo.');
    expect(retryMessage(45)).toBe('Troppe richieste in poco tempo. Riprova tra 45 secondi.');
    expect(retryMessage(61)).toBe('Troppe richieste in poco tempo. Riprova tra 2 minuti.');
    expect(retryMessage(3 * 3600)).toBe('Troppe richieste in poco tempo. Riprova tra 3 ore.');
  });
});

describe('rateLimitsSchema', () => {
  it('accepts the defaults and refuses a zero limit or a window under a second', () => {
    expect(rateLimitsSchema.safeParse(DEFAULT_RATE_LIMITS).success).toBe(true);
    expect(rateLimitsSchema.safeParse({ ...DEFAULT_RATE_LIMITS, logins: { windowMs: 60_000, perIp: 0 } }).success).toBe(false);
    expect(rateLimitsSchema.safeParse({ ...DEFAULT_RATE_LIMITS, webhooks: { windowMs: 10, perIp: 5 } }).success).toBe(false);
  });
});
