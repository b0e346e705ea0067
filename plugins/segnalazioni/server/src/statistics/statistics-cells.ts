import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CELL_COUNTERS, Contributions, factOf, sameFact, STEP_NAMES, type Moves, type StatisticsFact, type Step } from './domain/statistics-facts';
import { crossingPairs, dayCategoryDeltas, dayCategoryName, monthMoves, type DayCategoryTotal, type MonthMoves } from './domain/statistics-rollup';
import type { ReportStatus } from '../workflow/domain/lifecycle';
import type { Instant } from './domain/instants';
import { UID } from '../common/domain/uids';
import { columnOf as column, metaOf, type JoinTable } from '../common/table-meta';
import { oncePerRequest } from '../common/per-request';
import { COUNTER_COLUMN, STATISTICS_TABLES, STEP_COLUMN } from './statistics-tables';

const {
  facts: FACTS,
  cells: CELLS,
  durations: DURATIONS,
  dayTotals: DAY_TOTALS,
  monthCells: MONTH_CELLS,
  monthDurations: MONTH_DURATIONS,
  version: VERSION,
} = STATISTICS_TABLES;
const COUNTER_COLUMNS = CELL_COUNTERS.map((counter) => COUNTER_COLUMN[counter]);
const NO_MOVES: Moves = { cells: [], durations: [] };

const INSTANTS = ['submittedAt', 'takenInChargeAt', 'firstAnsweredAt', 'closedAt', 'dueTakeInChargeAt', 'dueFirstAnswerAt', 'dueCloseAt'] as const;

type SourceRow = { id: number; status: ReportStatus; category_id: number | null; office_id: number | null } & Record<(typeof INSTANTS)[number], Instant>;

interface FactRow {
  report_id: number;
  day: string;
  category_id: number;
  office_id: number;
  status: ReportStatus;
  [column: string]: unknown;
}

/** Reports read per statement while rebuilding; rows written per insert (SQLite takes 500 in one). */
const REBUILD_BATCH = 2000;
const INSERT_BATCH = 500;

const asBoolean = (value: unknown) => (value === null || value === undefined ? null : value === true || value === 1 || value === '1');

function factRowOf(reportId: number, fact: StatisticsFact): FactRow {
  const row: FactRow = { report_id: reportId, day: fact.day, category_id: fact.categoryId, office_id: fact.officeId, status: fact.status };
  for (const step of STEP_NAMES) {
    row[`${STEP_COLUMN[step]}_tenths`] = fact.steps[step].tenths;
    row[`${STEP_COLUMN[step]}_in_time`] = fact.steps[step].inTime;
  }
  return row;
}

function factOfRow(row: FactRow): StatisticsFact {
  const steps = Object.fromEntries(
    STEP_NAMES.map((step) => {
      const tenths = row[`${STEP_COLUMN[step]}_tenths`];
      return [step, { tenths: tenths === null || tenths === undefined ? null : Number(tenths), inTime: asBoolean(row[`${STEP_COLUMN[step]}_in_time`]) }];
    }),
  ) as StatisticsFact['steps'];
  return { day: row.day, categoryId: Number(row.category_id), officeId: Number(row.office_id), status: row.status, steps };
}

const counterColumns = (delta: Readonly<Record<(typeof CELL_COUNTERS)[number], number>>) =>
  Object.fromEntries(CELL_COUNTERS.map((counter) => [COUNTER_COLUMN[counter], delta[counter]]));

const cellRow = ({ key, delta }: Moves['cells'][number]) => ({
  day: key.day,
  category_id: key.categoryId,
  office_id: key.officeId,
  status: key.status,
  ...counterColumns(delta),
});

const durationRow = ({ key, delta }: Moves['durations'][number]) => ({
  day: key.day,
  category_id: key.categoryId,
  office_id: key.officeId,
  step: key.step,
  tenths: key.tenths,
  reports: delta,
});

const monthCellRow = ({ key, delta }: MonthMoves['cells'][number]) => ({
  audience: key.audience,
  month: key.month,
  category_id: key.categoryId,
  office_id: key.officeId,
  status: key.status,
  ...counterColumns(delta),
});

const monthDurationRow = ({ key, delta }: MonthMoves['durations'][number]) => ({
  audience: key.audience,
  month: key.month,
  category_id: key.categoryId,
  office_id: key.officeId,
  step: key.step,
  tenths: key.tenths,
  reports: delta,
});

const inBatches = <T>(rows: readonly T[]) =>
  Array.from({ length: Math.ceil(rows.length / INSERT_BATCH) }, (_, i) => rows.slice(i * INSERT_BATCH, (i + 1) * INSERT_BATCH));

/**
 * The statistics' aggregates, kept in step with the reports: `refresh` replaces reports' facts and
 * moves the cells and histograms by the difference, in the caller's transaction (the workflow's,
 * the intake's), so the figures change exactly when the reports do, on every server process.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (uid: string) => metaOf(strapi, uid);
  const postgres = () => strapi.db.dialect.client === 'postgres';

  /** Reports with what their facts need, in one statement (no populate). */
  function sources(trx: Knex.Transaction, where: (query: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<SourceRow[]> {
    const report = meta(UID.report);
    const categoryLink = report.attributes.category.joinTable as JoinTable;
    const officeLink = report.attributes.office.joinTable as JoinTable;
    const query = trx(`${report.tableName} as r`)
      .leftJoin(`${categoryLink.name} as cl`, `cl.${categoryLink.joinColumn.name}`, 'r.id')
      .leftJoin(`${officeLink.name} as ol`, `ol.${officeLink.joinColumn.name}`, 'r.id')
      .select('r.id as id', `r.${column(report, 'status')} as status`)
      .select(`cl.${categoryLink.inverseJoinColumn.name} as category_id`, `ol.${officeLink.inverseJoinColumn.name} as office_id`)
      .select(INSTANTS.map((attribute) => `r.${column(report, attribute)} as ${attribute}`));
    return where(query) as unknown as Promise<SourceRow[]>;
  }

  const factOfSource = ({ category_id, office_id, ...row }: SourceRow): StatisticsFact =>
    factOf({ ...row, categoryId: category_id === null ? null : Number(category_id), officeId: office_id === null ? null : Number(office_id) });

  /** Adds rows to a table's counting columns, creating the missing ones; each upsert is atomic, so concurrent changes add up. */
  async function addTo<Row extends Record<string, unknown>>(
    trx: Knex.Transaction,
    table: string,
    key: readonly string[],
    counting: readonly string[],
    rows: readonly Row[],
  ): Promise<Row[]> {
    const increments = Object.fromEntries(counting.map((name) => [name, trx.raw('??.?? + excluded.??', [table, name, name])]));
    const written: Row[] = [];
    for (const batch of inBatches(rows))
      written.push(
        ...((await trx(table)
          .insert(batch)
          .onConflict([...key])
          .merge(increments)
          .returning([...key, ...counting])) as Row[]),
      );
    return written;
  }

  /** The whole content, in the day tables, of some (day, category) pairs (as moves from nothing). */
  async function contentsOf(trx: Knex.Transaction, pairs: readonly string[]): Promise<Moves> {
    const contents: { cells: Moves['cells']; durations: Moves['durations'] } = { cells: [], durations: [] };
    const keys = pairs.map((name) => {
      const [day, categoryId] = name.split('|');
      return [day, Number(categoryId)];
    });
    for (const batch of inBatches(keys)) {
      const cells = (await trx(CELLS).whereIn(['day', 'category_id'], batch)) as Record<string, string | number>[];
      for (const row of cells)
        contents.cells.push({
          key: { day: String(row.day), categoryId: Number(row.category_id), officeId: Number(row.office_id), status: row.status as ReportStatus },
          delta: Object.fromEntries(CELL_COUNTERS.map((counter) => [counter, Number(row[COUNTER_COLUMN[counter]])])) as Moves['cells'][number]['delta'],
        });
      const durations = (await trx(DURATIONS).whereIn(['day', 'category_id'], batch)) as Record<string, string | number>[];
      for (const row of durations)
        contents.durations.push({
          key: {
            day: String(row.day),
            categoryId: Number(row.category_id),
            officeId: Number(row.office_id),
            step: row.step as Step,
            tenths: Number(row.tenths),
          },
          delta: Number(row.reports),
        });
    }
    return contents;
  }

  /**
   * Adds the moves to the aggregates: first the (day, category) totals, whose rows serialize two
   * changes of one pair (so each sees the other's count before it decides the public months),
   * then the day cells and histograms, then the months (domain/statistics-rollup). `fromEmpty`:
   * the tables held nothing (a rebuild), so a pair's content is its moves.
   */
  async function apply(trx: Knex.Transaction, moves: Moves, fromEmpty = false): Promise<void> {
    const deltas = dayCategoryDeltas(moves);
    const written = await addTo(
      trx,
      DAY_TOTALS,
      ['day', 'category_id'],
      ['reports'],
      deltas.map(({ key, reports }) => ({ day: key.day, category_id: key.categoryId, reports })),
    );
    const after = new Map(written.map((row) => [dayCategoryName({ day: String(row.day), categoryId: Number(row.category_id) }), Number(row.reports)]));
    const totals = new Map<string, DayCategoryTotal>(
      deltas.map(({ key, reports }) => [dayCategoryName(key), { after: after.get(dayCategoryName(key)) as number, delta: reports }]),
    );
    await addTo(trx, CELLS, ['day', 'category_id', 'office_id', 'status'], COUNTER_COLUMNS, moves.cells.map(cellRow));
    await addTo(trx, DURATIONS, ['day', 'category_id', 'office_id', 'step', 'tenths'], ['reports'], moves.durations.map(durationRow));
    const crossing = crossingPairs(totals);
    const contents = crossing.length === 0 ? NO_MOVES : fromEmpty ? moves : await contentsOf(trx, crossing);
    const months = monthMoves(moves, totals, contents);
    await addTo(trx, MONTH_CELLS, ['audience', 'month', 'category_id', 'office_id', 'status'], COUNTER_COLUMNS, months.cells.map(monthCellRow));
    await addTo(trx, MONTH_DURATIONS, ['audience', 'month', 'category_id', 'office_id', 'step', 'tenths'], ['reports'], months.durations.map(monthDurationRow));
  }

  const raiseVersion = (trx: Knex.Transaction) => trx(VERSION).where('id', 1).increment('version', 1);

  async function refreshIn(trx: Knex.Transaction, reportIds: readonly number[]): Promise<void> {
    if (reportIds.length === 0) return;
    const keptQuery = trx(FACTS).whereIn('report_id', reportIds).orderBy('report_id');
    // Two changes of one report wait for each other here, so neither moves the cells from a stale fact.
    const kept = (await (postgres() ? keptQuery.forUpdate() : keptQuery)) as FactRow[];
    const before = new Map(kept.map((row) => [Number(row.report_id), factOfRow(row)]));
    const after = new Map((await sources(trx, (query) => query.whereIn('r.id', reportIds))).map((row) => [Number(row.id), factOfSource(row)]));
    const changed = [...new Set(reportIds)].filter((id) => !sameFact(before.get(id) ?? null, after.get(id) ?? null));
    if (changed.length === 0) return;
    const contributions = new Contributions();
    for (const id of changed) {
      const [old, now] = [before.get(id), after.get(id)];
      if (old) contributions.add(old, -1);
      if (now) contributions.add(now, 1);
    }
    await apply(trx, contributions.moves());
    const gone = changed.filter((id) => !after.has(id));
    if (gone.length) await trx(FACTS).whereIn('report_id', gone).delete();
    const written = changed.flatMap((id) => {
      const fact = after.get(id);
      return fact ? [factRowOf(id, fact)] : [];
    });
    for (const rows of inBatches(written)) await trx(FACTS).insert(rows).onConflict('report_id').merge();
    await raiseVersion(trx);
  }

  return {
    /** The figures' version now, read once per request (the statistics' entity tag, then their cache). */
    version: oncePerRequest(strapi, async (): Promise<string> => {
      const row = (await strapi.db.connection(VERSION).select('version').where('id', 1).first()) as { version: number | string } | undefined;
      return String(row?.version ?? 0);
    }),

    /**
     * Brings the reports' facts, and the aggregates, to what the reports are now (a report gone
     * takes its fact away). Inside `strapi.db.transaction` it commits or rolls back with the change.
     */
    async refresh(reportIds: readonly number[]): Promise<void> {
      await strapi.db.transaction(({ trx }) => refreshIn(trx, reportIds));
    },

    /** After a category or office is deleted, its reports have none: their facts follow. */
    async relationRemoved(relation: 'category' | 'office', id: number): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        const ids = ((await trx(FACTS).select('report_id').where(`${relation}_id`, id)) as { report_id: number }[]).map((row) => Number(row.report_id));
        for (let start = 0; start < ids.length; start += REBUILD_BATCH) await refreshIn(trx, ids.slice(start, start + REBUILD_BATCH));
      });
    },

    /**
     * Builds the facts and aggregates again from every report, in one transaction (the figures
     * stay the old ones until it commits): for `npm run archive:rebuild`, and at boot for a
     * database whose aggregates are still empty.
     */
    async rebuild(): Promise<number> {
      let done = 0;
      await strapi.db.transaction(async ({ trx }) => {
        await trx(FACTS).delete();
        await trx(CELLS).delete();
        await trx(DURATIONS).delete();
        for (const table of [DAY_TOTALS, MONTH_CELLS, MONTH_DURATIONS]) await trx(table).delete();
        const contributions = new Contributions();
        let after = 0;
        for (;;) {
          // The batch's ids first: a range with a LIMIT over the joins would have the database walk the links from the start each time.
          const ids = ((await trx(meta(UID.report).tableName).select('id').where('id', '>', after).orderBy('id').limit(REBUILD_BATCH)) as { id: number }[]).map(
            (row) => Number(row.id),
          );
          if (ids.length === 0) break;
          const rows = await sources(trx, (query) => query.whereIn('r.id', ids));
          const written = rows.map((row) => {
            const fact = factOfSource(row);
            contributions.add(fact, 1);
            return factRowOf(Number(row.id), fact);
          });
          for (const batch of inBatches(written)) await trx(FACTS).insert(batch);
          after = ids[ids.length - 1];
          done += rows.length;
        }
        await apply(trx, contributions.moves(), true);
        await raiseVersion(trx);
      });
      return done;
    },

    /** Fills empty aggregates when there are reports (a database from before they, or their newest table, existed). */
    async backfill(): Promise<number> {
      if (await strapi.db.connection(DAY_TOTALS).first('day')) return 0;
      return (await strapi.db.connection(meta(UID.report).tableName).first('id')) ? this.rebuild() : 0;
    },
  };
};
