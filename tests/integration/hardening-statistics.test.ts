import { startApp, type TestApp } from '../helpers/app';
import { createCitizen, createOffice, createStaff, type TestStaff } from '../helpers/staff';
import { randomReports, referenceCell, referencePublishable, referenceStatistics, type ReferenceRow } from '../helpers/statistics-reference';

/**
 * Issue 11, item 5: statistics over more reports than the database takes bound parameters in one
 * statement (PostgreSQL 65,535, SQLite 32,766), equal to the former computation on the same rows,
 * public figures only from day × category cells of at least five reports, and no stale figure
 * after a change.
 */
const REPORTS = process.env.DATABASE_CLIENT === 'postgres' ? 70_000 : 40_000;
const ROWS: ReferenceRow[] = [
  // Crowded days: cells of many reports (half as many on SQLite).
  ...randomReports(REPORTS - 10_000, { seed: 1, start: Date.UTC(2025, 0, 1), days: 400 }),
  // Quiet days: cells of one to four reports, mostly left out of the public figures.
  ...randomReports(10_000, { seed: 2, start: Date.UTC(2026, 1, 10), days: 2500 }),
];
const OFFICES = ['Ufficio Strade', 'Ufficio Ambiente', 'URP'];
const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (row: ReferenceRow) => romeDay.format(new Date(row.submittedAt));

describe(`statistics at ${REPORTS.toLocaleString('en')} reports, and the small-cell rule`, () => {
  let app: TestApp;
  let urp: TestStaff;
  let strade: TestStaff;

  /** Multi-row inserts straight into the tables, as a municipality's years of reports would stand. */
  async function insertReports(rows: readonly ReferenceRow[]) {
    const knex = app.strapi.db.connection;
    const categories = new Map(((await knex('segnalazioni_categories').select('id', 'slug')) as { id: number; slug: string }[]).map((c) => [c.slug, c.id]));
    const offices = new Map(((await knex('segnalazioni_offices').select('id', 'name')) as { id: number; name: string }[]).map((o) => [o.name, o.id]));
    const date = (iso?: string | null) => (iso ? new Date(iso) : null);
    // SQLite takes at most 500 rows in one multi-row insert (knex writes it as a compound SELECT).
    const BATCH = 500;
    await knex.transaction(async (trx) => {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const inserted = (await trx('segnalazioni_reports')
          .insert(
            batch.map((row, i) => ({
              document_id: `stat${String(start + i).padStart(20, '0')}`,
              reference: `S-${start + i}`,
              title: 'Segnalazione',
              description: 'Descrizione.',
              text_moderation: 'pending',
              channel: 'web',
              status: row.status,
              is_public: false,
              submitted_at: date(row.submittedAt),
              taken_in_charge_at: date(row.takenInChargeAt),
              first_answered_at: date(row.firstAnsweredAt),
              closed_at: date(row.closedAt),
              due_take_in_charge_at: date(row.dueTakeInChargeAt),
              due_first_answer_at: date(row.dueFirstAnswerAt),
              due_close_at: date(row.dueCloseAt),
              created_at: new Date(),
              updated_at: new Date(),
            })),
          )
          .returning('id')) as ({ id: number } | number)[];
        const ids = inserted.map((value) => (typeof value === 'number' ? value : value.id));
        const categoryLinks = batch.flatMap((row, i) => (row.category ? [{ report_id: ids[i], category_id: categories.get(row.category.slug) }] : []));
        const officeLinks = batch.flatMap((row, i) => (row.office ? [{ report_id: ids[i], office_id: offices.get(row.office.name) }] : []));
        if (categoryLinks.length) await trx('segnalazioni_reports_category_lnk').insert(categoryLinks);
        if (officeLinks.length) await trx('segnalazioni_reports_office_lnk').insert(officeLinks);
      }
    });
  }

  const publicStatistics = (query = '') => app.http().get(`/api/segnalazioni/statistics${query}`).expect(200);
  const staffStatistics = (staff: TestStaff, query = '') =>
    app.http().get(`/segnalazioni/statistics${query}`).set('Authorization', `Bearer ${staff.token}`).expect(200);

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    urp = await createStaff(app, 'carla.urp@comune.test', { code: 'strapi-super-admin' });
    strade = await createStaff(app, 'elisa.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, OFFICES[0], 'strade@comune.test', [strade.id], ['dissesto-stradale']);
    for (const name of OFFICES.slice(1)) await createOffice(app, name, `${name.length}@comune.test`, [], []);
    await insertReports(ROWS);
    // Rows written straight into the tables pass no intake: the aggregates are rebuilt, as `npm run archive:rebuild` would.
    await app.strapi.plugin('segnalazioni').service('statistics-cells').rebuild();
  }, 600_000);

  afterAll(async () => {
    app?.strapi.plugin('segnalazioni').service('clock').set(null);
    await app?.stop();
  });

  it(`publishes, over ${REPORTS.toLocaleString('en')} reports, the former figures of the reports in cells of five or more, and only those`, async () => {
    const kept = referencePublishable(ROWS, 5);
    expect(kept.length).toBeLessThan(ROWS.length - 5000);
    const { body } = await publicStatistics();
    expect(body.meta).toEqual({ minimumCellReports: 5 });
    expect(body.data).toEqual(referenceStatistics(kept));
  }, 120_000);

  it('shows staff every report in their scope, with the former figures', async () => {
    expect((await staffStatistics(urp)).body.data).toEqual(referenceStatistics(ROWS));
    expect((await staffStatistics(strade)).body.data).toEqual(referenceStatistics(ROWS.filter((row) => row.office?.name === 'Ufficio Strade')));
  }, 120_000);

  it('filters by calendar days in Rome and by category, selecting whole cells', async () => {
    const within = (row: ReferenceRow) => dayOf(row) >= '2025-03-30' && dayOf(row) <= '2025-10-26' && row.category?.slug === 'rifiuti';
    const { body } = await publicStatistics('?from=2025-03-30&to=2025-10-26&category=rifiuti');
    expect(body.data).toEqual(referenceStatistics(referencePublishable(ROWS, 5).filter(within)));
    // A report sent at 00:30 in Rome on 30 March belongs to that day, though it is still the 29th in UTC.
    const early = ROWS.filter((row) => dayOf(row) === '2025-03-30' && row.submittedAt < '2025-03-30T00:00:00Z');
    expect(early.length).toBeGreaterThan(0);
    const staff = await staffStatistics(urp, '?from=2025-03-30&to=2025-03-30');
    expect(staff.body.data.total).toBe(ROWS.filter((row) => dayOf(row) === '2025-03-30').length);
  }, 120_000);

  it('gives the same figures for any period, whole months or not, as the oracle', async () => {
    const kept = referencePublishable(ROWS, 5);
    const between = (from?: string, to?: string) => (row: ReferenceRow) => (!from || dayOf(row) >= from) && (!to || dayOf(row) <= to);
    const periods: [string | undefined, string | undefined][] = [
      ['2025-04-01', '2025-09-30'],
      ['2025-02-01', '2025-02-28'],
      ['2025-02-03', '2025-02-20'],
      ['2025-06-15', '2025-07-10'],
      ['2025-11-20', undefined],
      [undefined, '2025-08-12'],
      ['2026-01-01', undefined],
    ];
    for (const [from, to] of periods) {
      const query = `?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}`;
      expect([query, (await publicStatistics(query)).body.data]).toEqual([query, referenceStatistics(kept.filter(between(from, to)))]);
      expect([query, (await staffStatistics(urp, query)).body.data]).toEqual([query, referenceStatistics(ROWS.filter(between(from, to)))]);
    }
    const scoped = (await staffStatistics(strade, '?from=2025-05-01&to=2025-12-31')).body.data;
    expect(scoped).toEqual(referenceStatistics(ROWS.filter((row) => row.office?.name === 'Ufficio Strade').filter(between('2025-05-01', '2025-12-31'))));
  }, 120_000);

  it('publishes a cell as it reaches five reports, and staff see each change at once', async () => {
    const clock = app.strapi.plugin('segnalazioni').service('clock');
    const sizes = new Map<string, ReferenceRow[]>();
    for (const row of ROWS) sizes.set(referenceCell(row), [...(sizes.get(referenceCell(row)) ?? []), row]);
    const [cell, members] = [...sizes].find(([key, rows]) => rows.length === 4 && key.endsWith('/dissesto-stradale')) as [string, ReferenceRow[]];
    const day = cell.slice(0, 10);
    const query = `?from=${day}&to=${day}&category=dissesto-stradale`;
    expect((await publicStatistics(query)).body.data.total).toBe(0);
    expect((await staffStatistics(urp, query)).body.data.total).toBe(4);
    // The same cell as part of its whole month, read from the monthly rollup.
    const month = day.slice(0, 7);
    const monthQuery = `?from=${month}-01&to=${new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10)}&category=dissesto-stradale`;
    const monthTotal = (await publicStatistics(monthQuery)).body.data.total;

    const citizen = await createCitizen(app, 'pietro.costa@example.it');
    clock.set(new Date(`${day}T12:00:00+01:00`));
    const { documentId } = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Buca in via Italia', description: 'Una buca profonda davanti al civico 14.', category: 'dissesto-stradale' },
        files: [],
      });
    const published = (await publicStatistics(query)).body.data;
    expect(published.total).toBe(5);
    const monthBefore = (await publicStatistics(monthQuery)).body.data;
    expect(monthBefore.total).toBe(monthTotal + 5);
    expect(published.byStatus.submitted).toBe(members.filter((row) => row.status === 'submitted').length + 1);

    const before = (await staffStatistics(urp)).body.data.byStatus;
    await app.http().post(`/segnalazioni/reports/${documentId}/actions/take_in_charge`).set('Authorization', `Bearer ${urp.token}`).send({}).expect(200);
    const after = (await staffStatistics(urp)).body.data.byStatus;
    expect([after.submitted, after.in_charge]).toEqual([before.submitted - 1, before.in_charge + 1]);
    // A change inside a kept cell passes through to its public month.
    const monthAfter = (await publicStatistics(monthQuery)).body.data.byStatus;
    expect([monthAfter.submitted, monthAfter.in_charge]).toEqual([monthBefore.byStatus.submitted - 1, monthBefore.byStatus.in_charge + 1]);

    // Moved to another category, the report leaves a cell of four again: the whole cell leaves the public month.
    const knex = app.strapi.db.connection;
    const report = (await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { documentId } })) as { id: number };
    const rifiuti = (await knex('segnalazioni_categories').where('slug', 'rifiuti').first('id')) as { id: number };
    await knex('segnalazioni_reports_category_lnk').where('report_id', report.id).update({ category_id: rifiuti.id });
    await app.strapi.plugin('segnalazioni').service('statistics-cells').refresh([report.id]);
    expect((await publicStatistics(monthQuery)).body.data.total).toBe(monthTotal);
    expect((await publicStatistics(query)).body.data.total).toBe(0);
  }, 120_000);
});

/** The same pattern elsewhere: the deadline watch populated every open report near a deadline at once. */
describe(`the deadline watch at ${REPORTS.toLocaleString('en')} open reports`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    const knex = app.strapi.db.connection;
    const office = await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [], ['dissesto-stradale']);
    const past = new Date('2026-01-01T10:00:00Z');
    // Taken in charge late, with no later deadline set: near a deadline for the query, owing no alert.
    const quiet = (n: number) => ({
      document_id: `dl${String(n).padStart(22, '0')}`,
      reference: `D-${n}`,
      title: 'Segnalazione',
      description: 'Descrizione.',
      text_moderation: 'pending',
      channel: 'web',
      status: 'in_charge',
      is_public: false,
      submitted_at: past,
      taken_in_charge_at: past,
      due_take_in_charge_at: past,
      created_at: past,
      updated_at: past,
    });
    await knex.transaction(async (trx) => {
      for (let start = 0; start < REPORTS; start += 500) {
        const ids = (
          (await trx('segnalazioni_reports')
            .insert(Array.from({ length: 500 }, (_, i) => quiet(start + i)))
            .returning('id')) as ({ id: number } | number)[]
        ).map((value) => (typeof value === 'number' ? value : value.id));
        await trx('segnalazioni_reports_office_lnk').insert(ids.map((id) => ({ report_id: id, office_id: office.id })));
      }
      // The last one owes its first answer since yesterday.
      const [last] = (await trx('segnalazioni_reports')
        .insert({ ...quiet(REPORTS), due_first_answer_at: new Date('2026-01-02T10:00:00Z') })
        .returning('id')) as ({ id: number } | number)[];
      await trx('segnalazioni_reports_office_lnk').insert({ report_id: typeof last === 'number' ? last : last.id, office_id: office.id });
    });
  }, 600_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('reads them a page at a time and escalates the one overdue, once', async () => {
    const deadlines = app.strapi.plugin('segnalazioni').service('deadlines');
    expect(await deadlines.check(new Date('2026-01-03T10:00:00Z'))).toBe(1);
    expect(await deadlines.check(new Date('2026-01-03T10:05:00Z'))).toBe(0);
  }, 300_000);
});
