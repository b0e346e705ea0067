import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { officeFilter, type StaffScope } from '../staff/domain/access';
import type { ReportStatus } from '../workflow/domain/lifecycle';
import { computePublicStatistics, computeStatistics, selectRows, type Statistics, type StatisticsRow } from './domain/statistics';
import type { StatisticsQuery } from './domain/statistics-query';
import { UID } from '../common/domain/uids';
import type { JoinTable, Meta } from '../archive/archive-rows';

const INSTANTS = ['submittedAt', 'takenInChargeAt', 'firstAnsweredAt', 'closedAt', 'dueTakeInChargeAt', 'dueFirstAnswerAt', 'dueCloseAt'] as const;

type LeanRow = { status: ReportStatus; category_id: number | null; office_id: number | null } & Record<
  (typeof INSTANTS)[number],
  number | string | Date | null
>;

type SnapshotRow = LeanRow & StatisticsRow & { officeId: number | null };

/** Answers kept per process: a period, a category and a scope each make one; bounded, least recently used out. */
const MAX_ANSWERS = 500;

/**
 * Statistics of every report (not only published ones), as aggregates; the public sees the
 * publishable cells only (statistics/domain/statistics), staff see their scope. One statement reads every
 * report's status, instants, category and office — no populate, so no list of report ids bound
 * into a query, whatever the number of reports — once per version of the reports (about 250 bytes
 * a report in memory), and every query (period, category, scope) is answered from that. The two
 * versions, raised in the transaction of every change (the workflow's, the intake's), are read on
 * every request, two rows by primary key, so no server process answers stale figures.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const meta = (uid: string) => strapi.db.metadata.get(uid) as unknown as Meta;
  const column = (of: Meta, attribute: string) => of.attributes[attribute]?.columnName ?? attribute;
  const answers = new LRUCache<string, Promise<Statistics>>({ max: MAX_ANSWERS });
  let answersFingerprint = '';
  let snapshot: { version: string; rows: Promise<SnapshotRow[]> } | null = null;

  /** Milliseconds since the epoch straight from the database: PostgreSQL would otherwise build a Date per value. */
  const millis = (expression: string) =>
    strapi.db.dialect.client === 'postgres' ? knex().raw(`(extract(epoch from ${expression}) * 1000)::float8`) : knex().raw(expression);

  const VERSIONS = { archive: 'segnalazioni_archive_version', reports: 'segnalazioni_statistics_version' } as const;
  const version = async (table: string) =>
    String(((await knex()(table).select('version').where('id', 1).first()) as { version: number | string } | undefined)?.version ?? 0);

  /** What the figures depend on: the workflow's changes raise the archive version, the intake's the reports' version. */
  async function fingerprint(): Promise<string> {
    const [archive, reports] = await Promise.all([version(VERSIONS.archive), version(VERSIONS.reports)]);
    return `${archive} ${reports}`;
  }

  /** Every report, with the columns the figures need, in one statement. */
  async function readAll(): Promise<SnapshotRow[]> {
    const report = meta(UID.report);
    const category = meta(UID.category);
    const office = meta(UID.office);
    const categoryLink = report.attributes.category.joinTable as JoinTable;
    const officeLink = report.attributes.office.joinTable as JoinTable;
    const r = (attribute: string) => `r.${column(report, attribute)}`;

    const [found, categories, officeRows] = await Promise.all([
      knex()(`${report.tableName} as r`)
        .leftJoin(`${categoryLink.name} as cl`, `cl.${categoryLink.joinColumn.name}`, 'r.id')
        .leftJoin(`${officeLink.name} as ol`, `ol.${officeLink.joinColumn.name}`, 'r.id')
        .select(`${r('status')} as status`, `cl.${categoryLink.inverseJoinColumn.name} as category_id`, `ol.${officeLink.inverseJoinColumn.name} as office_id`)
        .select(INSTANTS.map((attribute) => knex().raw(`${millis(r(attribute)).toQuery()} as ??`, [attribute]))) as Promise<LeanRow[]>,
      knex()(category.tableName).select('id', `${column(category, 'slug')} as slug`, `${column(category, 'name')} as name`) as Promise<
        { id: number; slug: string; name: string }[]
      >,
      knex()(office.tableName).select('id', `${column(office, 'name')} as name`) as Promise<{ id: number; name: string }[]>,
    ]);
    const categoryById = new Map(categories.map(({ id, slug, name }) => [Number(id), { slug, name }]));
    const officeById = new Map(officeRows.map(({ id, name }) => [Number(id), { name }]));
    return found.map((row) => {
      const officeId = row.office_id === null ? null : Number(row.office_id);
      return Object.assign(row, {
        officeId,
        category: row.category_id === null ? null : (categoryById.get(Number(row.category_id)) ?? null),
        office: officeId === null ? null : (officeById.get(officeId) ?? null),
      });
    });
  }

  /** Every report as of `version`, read once per version however many queries ask meanwhile. */
  function snapshotAt(version: string): Promise<SnapshotRow[]> {
    if (snapshot?.version !== version) {
      const rows = readAll();
      snapshot = { version, rows };
      rows.catch(() => snapshot?.rows === rows && (snapshot = null));
    }
    return snapshot.rows;
  }

  return {
    /** Raises the reports' version; inside `strapi.db.transaction` it commits or rolls back with the change. */
    async reportsChanged(): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(VERSIONS.reports).where('id', 1).increment('version', 1);
      });
    },

    async compute(query: StatisticsQuery, scope?: StaffScope): Promise<Statistics> {
      const offices = scope ? officeFilter(scope) : null;
      const current = await fingerprint();
      if (current !== answersFingerprint) {
        answers.clear();
        answersFingerprint = current;
      }
      const key = JSON.stringify([scope ? 'staff' : 'public', offices, query.from ?? null, query.to ?? null, query.category ?? null]);
      const known = answers.get(key);
      if (known) return known;
      const computed = snapshotAt(current).then((all) => {
        const selected = selectRows(all, { ...query, offices });
        return scope ? computeStatistics(selected) : computePublicStatistics(selected);
      });
      answers.set(key, computed);
      // A failed computation is not remembered: the next request tries again.
      computed.catch(() => answers.get(key) === computed && answers.delete(key));
      return computed;
    },
  };
};
