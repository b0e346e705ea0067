import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canSeeReport, officeFilter, type StaffScope } from '../domain/access';
import { REPORT_STATUSES, type ReportStatus } from '../domain/lifecycle';
import type { ModerationState } from '../domain/report-states';
import { overdueWhere } from '../domain/service-levels';
import { toStaffReport, toStaffSummary, type StaffPhoto, type StaffReportRecord, type UndeliveredNotice } from '../domain/staff-view';
import { UID } from '../uids';
import { forbidden } from '../errors';
import { getService } from './get-service';
import type { StoredFile } from './photos';

export interface StaffListQuery {
  status?: ReportStatus;
  overdue?: boolean;
  /** Only reports with no category yet: URP's triage queue. */
  triage?: boolean;
  category?: string;
  office?: string;
  channel?: string;
  q?: string;
  sort: 'newest' | 'oldest' | 'updated';
  page: number;
  pageSize: number;
}

const SORTS = {
  newest: [{ submittedAt: 'desc' }, { id: 'desc' }],
  oldest: [{ submittedAt: 'asc' }, { id: 'asc' }],
  updated: [{ updatedAt: 'desc' }, { id: 'desc' }],
} as const;

/** The panel's read side: the queue and one report, always within the member of staff's scope. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  function where(scope: StaffScope, query: Omit<StaffListQuery, 'sort' | 'page' | 'pageSize'>, now: Date) {
    const offices = officeFilter(scope);
    const conditions: Record<string, unknown>[] = [];
    if (offices) conditions.push({ office: { id: { $in: offices.length ? offices : [-1] } } });
    if (query.category) conditions.push({ category: { documentId: query.category } });
    if (query.office) conditions.push({ office: { documentId: query.office } });
    if (query.channel) conditions.push({ channel: query.channel });
    if (query.status) conditions.push({ status: query.status });
    if (query.overdue) conditions.push(overdueWhere(now));
    if (query.triage !== undefined) conditions.push({ category: { id: { $null: query.triage } } });
    if (query.q) {
      const q = query.q;
      conditions.push({
        $or: [{ title: { $containsi: q } }, { description: { $containsi: q } }, { reference: { $containsi: q } }, { protocolNumber: { $containsi: q } }],
      });
    }
    return { $and: conditions };
  }

  const photosOf = (
    photos: { documentId: string; moderation: ModerationState; moderationReason?: string | null; position: number; file?: StoredFile | null }[] = [],
  ): StaffPhoto[] => {
    const signer = getService(strapi, 'photos');
    return [...photos]
      .sort((a, b) => a.position - b.position)
      .flatMap((photo) => {
        if (!photo.file) return [];
        const file = photo.file;
        const thumbnail = file.formats?.thumbnail?.url ?? file.url;
        return [
          {
            documentId: photo.documentId,
            moderation: photo.moderation,
            moderationReason: photo.moderationReason ?? null,
            url: signer.signedUrl(file.url, file.hash),
            thumbnailUrl: signer.signedUrl(thumbnail, file.hash),
            width: file.width ?? null,
            height: file.height ?? null,
          },
        ];
      });
  };

  return {
    async list(scope: StaffScope, query: StaffListQuery) {
      const { sort, page, pageSize, status, ...filters } = query;
      const now = getService(strapi, 'clock').now();
      const [records, total, triage, ...counts] = await Promise.all([
        strapi.db.query(UID.report).findMany({
          where: where(scope, { ...filters, status }, now),
          populate: { category: { select: ['documentId', 'name', 'slug'] }, office: { select: ['documentId', 'name'] } },
          orderBy: SORTS[sort] as unknown as Record<string, 'asc' | 'desc'>[],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(UID.report).count({ where: where(scope, { ...filters, status }, now) }),
        strapi.db.query(UID.report).count({ where: where(scope, { ...filters, triage: true }, now) }),
        ...REPORT_STATUSES.map((each) => strapi.db.query(UID.report).count({ where: where(scope, { ...filters, status: each }, now) })),
      ]);
      return {
        data: (records as StaffReportRecord[]).map((record) => toStaffSummary(record, now)),
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil((total as number) / pageSize), total },
          counts: Object.fromEntries(REPORT_STATUSES.map((each, index) => [each, counts[index]])),
          // Reports with no category, in every status: the triage tab (`triage=true`).
          triage,
        },
      };
    },

    async findOne(scope: StaffScope, documentId: string) {
      const record = await strapi.db.query(UID.report).findOne({
        where: { documentId },
        populate: {
          category: { select: ['documentId', 'name', 'slug'] },
          office: { select: ['id', 'documentId', 'name'] },
          reporter: { select: ['email', 'firstName', 'lastName'] },
          replies: { populate: { author: { select: ['firstname', 'lastname'] } } },
          history: true,
          photos: { populate: { file: true } },
        },
      });
      if (!record) throw new errors.NotFoundError('Segnalazione non trovata.');
      if (!canSeeReport(scope, record.office?.id)) throw forbidden('Questa segnalazione è di un altro ufficio.');
      const undelivered = (await strapi.db.query(UID.notification).findMany({
        where: { report: record.id, status: 'failed' },
        select: ['channel', 'recipient', 'template', 'lastError', 'updatedAt'],
      })) as UndeliveredNotice[];
      return toStaffReport(record as StaffReportRecord, scope, photosOf(record.photos), getService(strapi, 'clock').now(), undelivered);
    },

    /** What the filters, the reassign menu and the reply editor offer. */
    async options() {
      const [categories, offices, replyTemplates] = await Promise.all([
        strapi.db.query(UID.category).findMany({ select: ['documentId', 'name', 'slug', 'active'], orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
        strapi.db.query(UID.office).findMany({ select: ['documentId', 'name', 'triage'], orderBy: { name: 'asc' } }),
        strapi.db.query(UID.replyTemplate).findMany({
          select: ['documentId', 'name', 'kind', 'body'],
          populate: { category: { select: ['documentId'] } },
          orderBy: { name: 'asc' },
        }),
      ]);
      return {
        categories,
        offices,
        replyTemplates: (replyTemplates as { documentId: string; name: string; kind: string; body: string; category?: { documentId: string } | null }[]).map(
          ({ documentId, name, kind, body, category }) => ({ documentId, name, kind, body, category: category?.documentId ?? null }),
        ),
      };
    },
  };
};
