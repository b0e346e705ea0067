import type { Core } from '@strapi/strapi';
import { formatProtocolNumber, protocolYear } from './domain/protocol-number';
import { UID } from '../common/domain/uids';

/**
 * Protocol numbers from a counter row per year. The increment runs inside the caller's transaction:
 * concurrent officers queue on the row lock, and a rolled-back action gives its number back, so the
 * numbers are unique and without gaps.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const columns = () => {
    const meta = strapi.db.metadata.get(UID.protocolCounter);
    const column = (name: string) => (meta.attributes[name] as { columnName?: string }).columnName ?? name;
    return { table: meta.tableName, year: column('year'), last: column('lastNumber') };
  };

  /** The year's row, created outside the action's transaction: a lost race is just "already there". */
  async function ensureYear(year: number): Promise<void> {
    if (await strapi.db.query(UID.protocolCounter).findOne({ where: { year } })) return;
    try {
      await strapi.documents(UID.protocolCounter).create({ data: { year, lastNumber: 0 } });
    } catch (error) {
      if (!(await strapi.db.query(UID.protocolCounter).findOne({ where: { year } }))) throw error;
    }
  }

  return {
    ensureYear,

    /** Must run inside `strapi.db.transaction`: takes the next number of the year of `at` (Rome time). */
    async next(at: Date): Promise<string> {
      const year = protocolYear(at);
      const { table, year: yearColumn, last } = columns();
      return strapi.db.transaction(async ({ trx }) => {
        const updated = await trx(table).where(yearColumn, year).increment(last, 1);
        if (!updated) throw new Error(`No protocol counter for ${year}: call ensureYear first`);
        const row = await trx(table).where(yearColumn, year).first(last);
        return formatProtocolNumber({ year, sequence: Number(row[last]) });
      });
    },
  };
};
