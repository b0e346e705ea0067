import { startApp, type TestApp } from '../helpers/app';
import { createStaff, type TestStaff } from '../helpers/staff';

const RATING = 'plugin::segnalazioni.rating';

/** The rating of the service: anonymous, checked at the door, summed up for the staff. */
describe('rating the service', () => {
  let app: TestApp;
  let officer: TestStaff;
  const rate = (body: unknown) =>
    app
      .http()
      .post('/api/segnalazioni/ratings')
      .send(body as object);

  beforeAll(async () => {
    app = await startApp();
    officer = await createStaff(app, 'valutazioni@comune.test', { name: 'Ufficio' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('keeps each rating as given, and nothing of who gave it', async () => {
    const answer = await rate({ page: 'service', stars: 5, answer: 'clear', detail: 'Semplice e veloce.' }).expect(201);
    expect(answer.body).toEqual({ data: { recorded: true }, meta: {} });
    await rate({ page: 'submitted', stars: 2, answer: 'technical' }).expect(201);
    await rate({ page: 'report', stars: 4, answer: 'progress' }).expect(201);
    const rows = await app.strapi.db.query(RATING).findMany({ orderBy: { id: 'asc' } });
    expect(rows.map(({ page, stars, answer, detail }: Record<string, unknown>) => ({ page, stars, answer, detail }))).toEqual([
      { page: 'service', stars: 5, answer: 'clear', detail: 'Semplice e veloce.' },
      { page: 'submitted', stars: 2, answer: 'technical', detail: null },
      { page: 'report', stars: 4, answer: 'progress', detail: null },
    ]);
  });

  it('refuses a bad rating with a 400 that says why, and keeps nothing of it', async () => {
    const before = await app.strapi.db.query(RATING).count();
    for (const body of [
      { page: 'service', stars: 0, answer: 'clear' },
      { page: 'service', stars: '5', answer: 'clear' },
      { page: 'service', stars: 5, answer: "clear'; DROP TABLE segnalazioni_ratings; --" },
      { page: 'service', stars: 5, answer: 'clear', detail: 'à'.repeat(201) },
      { page: 'service', stars: 5, answer: 'clear', ip: '1.2.3.4' },
      [],
      'cinque stelle',
    ]) {
      const refused = await rate(body).expect(400);
      expect(refused.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.any(String) });
    }
    await app.http().post('/api/segnalazioni/ratings').set('Content-Type', 'application/json').send('{"page":').expect(400);
    expect(await app.strapi.db.query(RATING).count()).toBe(before);
  });

  it('sums the ratings up for the staff only', async () => {
    await app.http().get('/segnalazioni/ratings').expect(401);
    const summary = (await app.http().get('/segnalazioni/ratings').set('Authorization', `Bearer ${officer.token}`).expect(200)).body.data;
    expect(summary).toMatchObject({
      count: 3,
      average: 3.7,
      byStars: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
      positive: { clear: 1, progress: 1 },
      negative: { technical: 1 },
      latest: [{ stars: 5, detail: 'Semplice e veloce.', at: expect.any(String) }],
    });
  });

  it('slows a flood from one address down with 429 and Retry-After', async () => {
    app.strapi.config.set('plugin::segnalazioni.rateLimits.ratings', { windowMs: 60_000, perIp: 3 });
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => rate({ page: 'service', stars: 3, answer: 'other' })))).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(7);
  });
});
