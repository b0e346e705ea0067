import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { checkFollowToken, followKey, signFollowToken } from './domain/follow-token';
import { toReportStatus, type OwnReport, type ReportStatusView } from '../archive/domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { rowsOf } from '../common/rows';
import { settingOf } from '../common/settings';

const NOT_FOUND = 'Collegamento non valido: controlla di averlo copiato per intero dal messaggio.';
const GONE = {
  expired: 'Questo collegamento è scaduto: apri quello del messaggio più recente sulla segnalazione, o cercala con il suo riferimento.',
  revoked: 'Questo collegamento è stato revocato: apri quello del messaggio più recente sulla segnalazione, o cercala con il suo riferimento.',
} as const;

/**
 * Following a report without a password: the personal links its citizen's messages carry, what
 * they open and their revocation; and the public lookup of a report by its reference.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => followKey(strapi.config.get('server.app.keys') as string[]);
  const now = () => getService(strapi, 'clock').now();
  const reports = () => rowsOf(strapi, UID.report);

  /** The report a link opens, checked against the report's current link version; 404 or 410 otherwise. */
  async function followedBy(token: string): Promise<{ report: OwnReport; followVersion: number; expiresAt: Date }> {
    const check = checkFollowToken(token, key(), now());
    if (!check.ok && check.reason === 'expired') throw createHttpError(410, GONE.expired);
    if (!check.ok) throw new errors.NotFoundError(NOT_FOUND);
    const found = await getService(strapi, 'citizen-reports').followed(check.claim.documentId);
    if (!found) throw new errors.NotFoundError(NOT_FOUND);
    if (found.followVersion !== check.claim.version) throw createHttpError(410, GONE.revoked);
    return { ...found, expiresAt: check.claim.expiresAt };
  }

  return {
    /** The address of a new link to `report`'s page, valid for `FOLLOW_LINK_DAYS` from now. */
    linkTo(report: { readonly documentId: string; readonly followVersion?: number | null }): string {
      const expiresAt = new Date(now().getTime() + settingOf(strapi, 'followLinks').lifetimeMs);
      return linksOf(strapi).follow(signFollowToken({ documentId: report.documentId, version: report.followVersion ?? 0, expiresAt }, key()));
    },

    async open(token: string): Promise<OwnReport & { link: { expiresAt: string } }> {
      const { report, expiresAt } = await followedBy(token);
      return { ...report, link: { expiresAt: expiresAt.toISOString() } };
    },

    /** Ends every link issued so far to the report (the next message carries a new one). */
    async revoke(token: string): Promise<void> {
      const { report, followVersion } = await followedBy(token);
      // Conditional on the version read: two revocations at once bump it once. Reports made before
      // the column existed hold NULL, which reads as version 0.
      const current = followVersion === 0 ? { $or: [{ followVersion: 0 }, { followVersion: { $null: true } }] } : { followVersion };
      await strapi.db.query(UID.report).updateMany({ where: { documentId: report.documentId, ...current }, data: { followVersion: followVersion + 1 } });
    },

    async lookup(reference: string): Promise<ReportStatusView | null> {
      const record = await reports().findOne({
        where: { reference },
        populate: { category: { select: ['name'] }, replies: { select: ['kind', 'body', 'isPublic', 'createdAt'] } },
      });
      return record ? toReportStatus(record) : null;
    },
  };
};
