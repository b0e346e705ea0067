import type { Core } from '@strapi/strapi';
import { officeFilter, type StaffScope } from '../staff/domain/access';
import type { ReportStatus } from '../workflow/domain/lifecycle';
import { assembleStatistics, MIN_CELL_REPORTS, type CellSum, type Grouping, type MedianRank, type Statistics } from './domain/statistics';
import { CELL_COUNTERS, NONE, type CellCounter, type Step } from './domain/statistics-facts';
import type { StatisticsQuery } from './domain/statistics-query';
import { rangeParts, type RangeParts } from './domain/statistics-range';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { settingOf } from '../common/settings';
import { versionedCache } from '../archive/versioned-cache';
import { concurrencyLimit } from '../common/concurrency-limit';
import { columnOf as column, metaOf } from '../common/table-meta';
import { COUNTER_COLUMN, STATISTICS_TABLES } from './statistics-tables';

const { cells: CELLS, durations: DURATIONS, monthCells: MONTH_CELLS, monthDurations: MONTH_DURATIONS } = STATISTICS_TABLES;

/** A selection: its category and offices, and (public) only cells of MIN_CELL_REPORTS or more. */
interface Selection {
  /** A category id; -1: a slug no category has, so nothing. */
  readonly categoryId?: number;
  readonly offices: readonly number[] | null;
  readonly publicOnly: boolean;
}

type Row = Record<string, string | number>;
type Bindings = (string | number)[];

/** A part of a statement with its bindings. */
interface Fragment {
  readonly sql: string;
  readonly bindings: Bindings;
}

/**
 * Statistics of every report (not only published ones), as aggregates: a query reads the
 * maintained monthly rollups of its whole months and the day cells of the part-months at its ends
 * (statistics-cells.ts keeps both with the reports; domain/statistics-range splits the period),
 * two statements whatever the number of reports; the public sees the publishable cells only
 * (statistics/domain/statistics), staff see their scope. Answers are kept per version of the
 * figures and of the names (a bounded cache, `archiveCache`), which every request reads.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const meta = (uid: string) => metaOf(strapi, uid);
  const bounds = settingOf(strapi, 'archiveCache');
  const answers = bounds.maxEntries > 0 ? versionedCache(bounds) : null;
  const load = concurrencyLimit(settingOf(strapi, 'statisticsLoad'));

  /** The WHERE conditions of a selection's category and offices over a table aliased `alias`. */
  function scopeConditions(selection: Selection, alias: string): Fragment[] {
    const conditions: Fragment[] = [];
    if (selection.categoryId !== undefined) conditions.push({ sql: `${alias}.category_id = ?`, bindings: [selection.categoryId] });
    if (selection.offices?.length === 0) conditions.push({ sql: '1 = 0', bindings: [] });
    else if (selection.offices)
      conditions.push({ sql: `${alias}.office_id IN (${selection.offices.map(() => '?').join(', ')})`, bindings: [...selection.offices] });
    return conditions;
  }

  const whereOf = (conditions: readonly Fragment[]): Fragment => ({
    sql: conditions.length ? `WHERE ${conditions.map(({ sql }) => sql).join(' AND ')}` : '',
    bindings: conditions.flatMap(({ bindings }) => bindings),
  });

  /** Rows of a monthly rollup (aliased `alias`) in the whole months of the period, for the selection's audience. */
  function monthsWhere(selection: Selection, months: NonNullable<RangeParts['months']>, alias: string): Fragment {
    const conditions: Fragment[] = [{ sql: `${alias}.audience = ?`, bindings: [selection.publicOnly ? 'public' : 'staff'] }];
    if (months.from) conditions.push({ sql: `${alias}.month >= ?`, bindings: [months.from] });
    if (months.to) conditions.push({ sql: `${alias}.month <= ?`, bindings: [months.to] });
    return whereOf([...conditions, ...scopeConditions(selection, alias)]);
  }

  /** Rows of a day table (aliased `alias`) in the part-months' days. */
  function daysWhere(selection: Selection, days: RangeParts['days'], alias: string): Fragment {
    const ranges: Fragment = {
      sql: `(${days.map(() => `(${alias}.day >= ? AND ${alias}.day <= ?)`).join(' OR ')})`,
      bindings: days.flatMap(({ from, to }) => [from, to]),
    };
    return whereOf([ranges, ...scopeConditions(selection, alias)]);
  }

  /** Public: `kept`, the (day, category) cells of the part-months with MIN_CELL_REPORTS reports or more, and how a day table joins it. */
  function keptDays(selection: Selection, days: RangeParts['days'], alias: string): { ctes: string[]; join: string; bindings: Bindings } {
    if (!selection.publicOnly) return { ctes: [], join: '', bindings: [] };
    const filter = daysWhere(selection, days, 'c');
    return {
      ctes: [`kept AS (SELECT c.day, c.category_id FROM ${CELLS} c ${filter.sql} GROUP BY c.day, c.category_id HAVING sum(c.reports) >= ${MIN_CELL_REPORTS})`],
      join: `JOIN kept k ON k.day = ${alias}.day AND k.category_id = ${alias}.category_id`,
      bindings: filter.bindings,
    };
  }

  const rowToSum = (row: Row): CellSum => ({
    month: String(row.month),
    categoryId: Number(row.category_id),
    officeId: Number(row.office_id),
    status: row.status as ReportStatus,
    counters: Object.fromEntries(CELL_COUNTERS.map((counter) => [counter, Number(row[COUNTER_COLUMN[counter]])])) as Record<CellCounter, number>,
  });

  /** The cells summed by month × category × office × status: the whole months' rollup rows, then the part-months' day cells summed. */
  async function cellSums(selection: Selection, parts: RangeParts): Promise<CellSum[]> {
    const counters = (alias: string) =>
      CELL_COUNTERS.map((counter) => `CAST(sum(${alias}.${COUNTER_COLUMN[counter]}) AS integer) AS ${COUNTER_COLUMN[counter]}`).join(', ');
    const statements: Promise<Row[]>[] = [];
    if (parts.months) {
      const filter = monthsWhere(selection, parts.months, 'm');
      statements.push(
        raw(
          `SELECT m.month, m.category_id, m.office_id, m.status, ${counters('m')} FROM ${MONTH_CELLS} m ${filter.sql}
           GROUP BY m.month, m.category_id, m.office_id, m.status`,
          filter.bindings,
        ),
      );
    }
    if (parts.days.length) {
      const kept = keptDays(selection, parts.days, 'c');
      const filter = daysWhere(selection, parts.days, 'c');
      statements.push(
        raw(
          `${kept.ctes.length ? `WITH ${kept.ctes.join(', ')}` : ''}
           SELECT substr(c.day, 1, 7) AS month, c.category_id, c.office_id, c.status, ${counters('c')}
           FROM ${CELLS} c ${kept.join} ${filter.sql}
           GROUP BY substr(c.day, 1, 7), c.category_id, c.office_id, c.status`,
          [...kept.bindings, ...filter.bindings],
        ),
      );
    }
    // The two parts hold different months, so no sum is split between them.
    return (await Promise.all(statements)).flat().map(rowToSum);
  }

  /**
   * The rows of each group's histograms where its medians lie: the durations (whole months from
   * the rollup, part-months from the days) are summed per group and value, then ranked by a
   * running sum, in the database; one or two rows per group and step come back.
   */
  async function medianRows(selection: Selection, parts: RangeParts): Promise<MedianRank[]> {
    const ctes: string[] = [];
    const bindings: Bindings = [];
    const sources: string[] = [];
    if (parts.days.length) {
      const kept = keptDays(selection, parts.days, 'd');
      const filter = daysWhere(selection, parts.days, 'd');
      ctes.push(...kept.ctes);
      bindings.push(...kept.bindings);
      sources.push(
        `SELECT substr(d.day, 1, 7) AS month, d.category_id, d.office_id, d.step, d.tenths, d.reports FROM ${DURATIONS} d ${kept.join} ${filter.sql}`,
      );
      bindings.push(...filter.bindings);
    }
    if (parts.months) {
      const filter = monthsWhere(selection, parts.months, 'm');
      sources.push(`SELECT m.month, m.category_id, m.office_id, m.step, m.tenths, m.reports FROM ${MONTH_DURATIONS} m ${filter.sql}`);
      bindings.push(...filter.bindings);
    }
    // A group's histogram: its durations summed per step and value; `key` is the group's column (none for `all`).
    const grouped = (grouping: Grouping, key: string | null, where = '') =>
      `SELECT '${grouping}' AS grp, ${key ?? "''"} AS grp_key, step, tenths, CAST(sum(reports) AS integer) AS n FROM picked ${where}
       GROUP BY ${key ? `${key}, ` : ''}step, tenths`;
    ctes.push(
      `picked AS (${sources.join(' UNION ALL ')})`,
      `grouped AS (
        ${grouped('all', null)}
        UNION ALL ${grouped('category', 'CAST(category_id AS varchar(12))', `WHERE category_id <> ${NONE}`)}
        UNION ALL ${grouped('office', 'CAST(office_id AS varchar(12))', `WHERE office_id <> ${NONE}`)}
        UNION ALL ${grouped('month', 'month')}
      )`,
      `ranked AS (
        SELECT grp, grp_key, step, tenths, n,
          sum(n) OVER (PARTITION BY grp, grp_key, step ORDER BY tenths) AS upto,
          sum(n) OVER (PARTITION BY grp, grp_key, step) AS total
        FROM grouped WHERE n > 0
      )`,
    );
    // The rows holding the ranks domain/statistics' medianRanks() names: (total + 1) / 2 and total / 2 + 1, in integers.
    const sql = `WITH ${ctes.join(',\n')}
      SELECT grp, grp_key, step, tenths, upto - n AS below, upto, total FROM ranked
      WHERE upto >= (total + 1) / 2 AND upto - n < total / 2 + 1`;
    const rows = await raw(sql, bindings);
    return rows.map((row) => ({
      grouping: row.grp as Grouping,
      key: String(row.grp_key),
      step: row.step as Step,
      tenths: Number(row.tenths),
      below: Number(row.below),
      upto: Number(row.upto),
      total: Number(row.total),
    }));
  }

  async function raw(sql: string, bindings: Bindings): Promise<Row[]> {
    const result = (await knex().raw(sql, bindings)) as Row[] | { rows: Row[] };
    return Array.isArray(result) ? result : result.rows;
  }

  async function names() {
    const category = meta(UID.category);
    const office = meta(UID.office);
    const [categories, offices] = await Promise.all([
      knex()(category.tableName).select('id', `${column(category, 'slug')} as slug`, `${column(category, 'name')} as name`) as Promise<
        { id: number; slug: string; name: string }[]
      >,
      knex()(office.tableName).select('id', `${column(office, 'name')} as name`) as Promise<{ id: number; name: string }[]>,
    ]);
    return {
      categories: new Map(categories.map(({ id, slug, name }) => [Number(id), { slug, name }])),
      offices: new Map(offices.map(({ id, name }) => [Number(id), { name }])),
    };
  }

  async function computed(query: StatisticsQuery, offices: readonly number[] | null, publicOnly: boolean): Promise<Statistics> {
    const named = await names();
    let categoryId: number | undefined;
    if (query.category !== undefined) categoryId = [...named.categories].find(([, { slug }]) => slug === query.category)?.[0] ?? -1;
    const selection: Selection = { categoryId, offices, publicOnly };
    const parts = rangeParts(query.from, query.to);
    const [sums, ranks] = await Promise.all([cellSums(selection, parts), medianRows(selection, parts)]);
    return assembleStatistics(sums, ranks, named);
  }

  return {
    async compute(query: StatisticsQuery, scope?: StaffScope): Promise<Statistics> {
      const offices = scope ? officeFilter(scope) : null;
      const compute = () => load.run(() => computed(query, offices, !scope));
      if (!answers) return compute();
      // Names come with the archive's version (editors' renames raise it), figures with their own.
      const [names, figures] = await Promise.all([getService(strapi, 'archive-version').current(), getService(strapi, 'statistics-cells').version()]);
      const key = JSON.stringify([scope ? 'staff' : 'public', offices, query.from ?? null, query.to ?? null, query.category ?? null]);
      return answers.remember(`${names} ${figures}`, key, compute);
    },
  };
};
