import type { Core } from '@strapi/strapi';
import { officeFilter, type StaffScope } from '../staff/domain/access';
import type { ReportStatus } from '../workflow/domain/lifecycle';
import { assembleStatistics, MIN_CELL_REPORTS, type CellSum, type Grouping, type MedianRank, type Statistics } from './domain/statistics';
import { CELL_COUNTERS, NONE, type CellCounter, type Step } from './domain/statistics-facts';
import type { StatisticsQuery } from './domain/statistics-query';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { settingOf } from '../common/settings';
import { versionedCache } from '../archive/versioned-cache';
import { columnOf as column, metaOf } from '../common/table-meta';
import { COUNTER_COLUMN, STATISTICS_TABLES } from './statistics-tables';

const { cells: CELLS, durations: DURATIONS } = STATISTICS_TABLES;

/** A selection as SQL: the cells' days, category and offices, and (public) only cells of MIN_CELL_REPORTS or more. */
interface Selection {
  readonly from?: string;
  readonly to?: string;
  /** A category id; -1: a slug no category has, so nothing. */
  readonly categoryId?: number;
  readonly offices: readonly number[] | null;
  readonly publicOnly: boolean;
}

type Row = Record<string, string | number>;

/**
 * Statistics of every report (not only published ones), as aggregates: a query reads the
 * maintained cells and histograms of its days (statistics-cells.ts keeps them with the reports),
 * two statements whatever the number of reports; the public sees the publishable cells only
 * (statistics/domain/statistics), staff see their scope. Answers are kept per version of the
 * figures and of the names (a bounded cache, `archiveCache`), which every request reads.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const meta = (uid: string) => metaOf(strapi, uid);
  const bounds = settingOf(strapi, 'archiveCache');
  const answers = bounds.maxEntries > 0 ? versionedCache(bounds) : null;

  /** The WHERE of a selection over a table aliased `alias`. */
  function where(selection: Selection, alias: string): { sql: string; bindings: (string | number)[] } {
    const parts: string[] = [];
    const bindings: (string | number)[] = [];
    const add = (sql: string, ...values: (string | number)[]) => {
      parts.push(sql);
      bindings.push(...values);
    };
    if (selection.from) add(`${alias}.day >= ?`, selection.from);
    if (selection.to) add(`${alias}.day <= ?`, selection.to);
    if (selection.categoryId !== undefined) add(`${alias}.category_id = ?`, selection.categoryId);
    if (selection.offices?.length === 0) add('1 = 0');
    else if (selection.offices) add(`${alias}.office_id IN (${selection.offices.map(() => '?').join(', ')})`, ...selection.offices);
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', bindings };
  }

  /** `kept`: the (day, category) cells of the selection with MIN_CELL_REPORTS reports or more (public only), and how a table joins it. */
  function keptCells(selection: Selection, alias: string): { ctes: string[]; join: string; bindings: (string | number)[] } {
    if (!selection.publicOnly) return { ctes: [], join: '', bindings: [] };
    const filter = where(selection, 'c');
    return {
      ctes: [`kept AS (SELECT c.day, c.category_id FROM ${CELLS} c ${filter.sql} GROUP BY c.day, c.category_id HAVING sum(c.reports) >= ${MIN_CELL_REPORTS})`],
      join: `JOIN kept k ON k.day = ${alias}.day AND k.category_id = ${alias}.category_id`,
      bindings: filter.bindings,
    };
  }

  async function cellSums(selection: Selection): Promise<CellSum[]> {
    const kept = keptCells(selection, 'c');
    const filter = where(selection, 'c');
    const counters = CELL_COUNTERS.map((counter) => `CAST(sum(c.${COUNTER_COLUMN[counter]}) AS integer) AS ${COUNTER_COLUMN[counter]}`).join(', ');
    const sql = `${kept.ctes.length ? `WITH ${kept.ctes.join(', ')}` : ''}
      SELECT substr(c.day, 1, 7) AS month, c.category_id, c.office_id, c.status, ${counters}
      FROM ${CELLS} c ${kept.join} ${filter.sql}
      GROUP BY substr(c.day, 1, 7), c.category_id, c.office_id, c.status`;
    const rows = await raw(sql, [...kept.bindings, ...filter.bindings]);
    return rows.map((row) => ({
      month: String(row.month),
      categoryId: Number(row.category_id),
      officeId: Number(row.office_id),
      status: row.status as ReportStatus,
      counters: Object.fromEntries(CELL_COUNTERS.map((counter) => [counter, Number(row[COUNTER_COLUMN[counter]])])) as Record<CellCounter, number>,
    }));
  }

  /**
   * The rows of each group's histograms where its medians lie: the durations are summed per group
   * and value, then ranked by a running sum, in the database; one or two rows per group and step come back.
   */
  async function medianRows(selection: Selection): Promise<MedianRank[]> {
    const kept = keptCells(selection, 'd');
    const filter = where(selection, 'd');
    // A group's histogram: its durations summed per step and value; `key` is the group's column (none for `all`).
    const grouped = (grouping: Grouping, key: string | null, where = '') =>
      `SELECT '${grouping}' AS grp, ${key ?? "''"} AS grp_key, step, tenths, CAST(sum(reports) AS integer) AS n FROM picked ${where}
       GROUP BY ${key ? `${key}, ` : ''}step, tenths`;
    const ctes = [
      ...kept.ctes,
      `picked AS (SELECT d.day, d.category_id, d.office_id, d.step, d.tenths, d.reports FROM ${DURATIONS} d ${kept.join} ${filter.sql})`,
      `grouped AS (
        ${grouped('all', null)}
        UNION ALL ${grouped('category', 'CAST(category_id AS varchar(12))', `WHERE category_id <> ${NONE}`)}
        UNION ALL ${grouped('office', 'CAST(office_id AS varchar(12))', `WHERE office_id <> ${NONE}`)}
        UNION ALL ${grouped('month', 'substr(day, 1, 7)')}
      )`,
      `ranked AS (
        SELECT grp, grp_key, step, tenths, n,
          sum(n) OVER (PARTITION BY grp, grp_key, step ORDER BY tenths) AS upto,
          sum(n) OVER (PARTITION BY grp, grp_key, step) AS total
        FROM grouped WHERE n > 0
      )`,
    ];
    // The rows holding the ranks domain/statistics' medianRanks() names: (total + 1) / 2 and total / 2 + 1, in integers.
    const sql = `WITH ${ctes.join(',\n')}
      SELECT grp, grp_key, step, tenths, upto - n AS below, upto, total FROM ranked
      WHERE upto >= (total + 1) / 2 AND upto - n < total / 2 + 1`;
    const rows = await raw(sql, [...kept.bindings, ...filter.bindings]);
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

  async function raw(sql: string, bindings: (string | number)[]): Promise<Row[]> {
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
    const selection: Selection = { from: query.from, to: query.to, categoryId, offices, publicOnly };
    const [sums, ranks] = await Promise.all([cellSums(selection), medianRows(selection)]);
    return assembleStatistics(sums, ranks, named);
  }

  return {
    async compute(query: StatisticsQuery, scope?: StaffScope): Promise<Statistics> {
      const offices = scope ? officeFilter(scope) : null;
      const compute = () => computed(query, offices, !scope);
      if (!answers) return compute();
      // Names come with the archive's version (editors' renames raise it), figures with their own.
      const [names, figures] = await Promise.all([getService(strapi, 'archive-version').current(), getService(strapi, 'statistics-cells').version()]);
      const key = JSON.stringify([scope ? 'staff' : 'public', offices, query.from ?? null, query.to ?? null, query.category ?? null]);
      return answers.remember(`${names} ${figures}`, key, compute);
    },
  };
};
