import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canSeeReport, officeFilter, type StaffScope } from './domain/access';
import { REPORT_STATUSES, type ReportStatus } from '../workflow/domain/lifecycle';
import { overdueWhere } from '../service-levels/domain/service-levels';
import { toStaffReport, toStaffSummary, type StaffPhoto } from './domain/staff-view';
import { byPosition } from '../photos/domain/photo-rules';
import { UID } from '../common/domain/uids';
import { forbidden } from '../common/errors';
import { getService } from '../common/get-service';
import { rowsOf, type Row } from '../common/rows';
import { placeFilterOf } from '../archive/domain/place-filter';

export interface StaffListQuery {
  status?: ReportStatus;
  overdue?: boolean;
  /** Only reports with no category yet: URP's triage queue. */
  triage?: boolean;
  category?: string;
  office?: string;
  channel?: string;
  q?: string;
  /** Around `[latitude, longitude]`, within `radius` metres (100 by default). */
  near?: number[];
  radius?: number;
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
  const reports = rowsOf(strapi, UID.report);

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
    const place = placeFilterOf({ near: query.near, radius: query.radius });
    if (place) {
      // The square around the circle (2 × radius a side): what an officer looking for copies of a report needs, in one indexed seek.
      const { box } = place;
      conditions.push({ latitude: { $between: [box.minLatitude, box.maxLatitude] }, longitude: { $between: [box.minLongitude, box.maxLongitude] } });
    }
    if (query.q) {
      const q = query.q;
      conditions.push({
        // The report's words and names, and who sent it: staff find a report by the citizen's name, email or phone.
        $or: [
          { title: { $containsi: q } },
          { description: { $containsi: q } },
          { reference: { $containsi: q } },
          { protocolNumber: { $containsi: q } },
          { contactName: { $containsi: q } },
          { contactEmail: { $containsi: q } },
          { contact: { $containsi: q } },
          { reporter: { email: { $containsi: q } } },
          { reporter: { firstName: { $containsi: q } } },
          { reporter: { lastName: { $containsi: q } } },
        ],
      });
    }
    return { $and: conditions };
  }

  const photosOf = (photos: readonly Row<typeof UID.photo, { populate: { file: true } }>[]): StaffPhoto[] => {
    const signer = getService(strapi, 'photos');
    return [...photos].sort(byPosition).flatMap((photo) => {
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
        reports.findMany({
          where: where(scope, { ...filters, status }, now),
          populate: { category: { select: ['documentId', 'name', 'slug'] }, office: { select: ['documentId', 'name'] } },
          orderBy: SORTS[sort],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        reports.count({ where: where(scope, { ...filters, status }, now) }),
        reports.count({ where: where(scope, { ...filters, triage: true }, now) }),
        ...REPORT_STATUSES.map((each) => reports.count({ where: where(scope, { ...filters, status: each }, now) })),
      ]);
      return {
        data: records.map((record) => toStaffSummary(record, now)),
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
          counts: Object.fromEntries(REPORT_STATUSES.map((each, index) => [each, counts[index]])),
          // Reports with no category, in every status: the triage tab (`triage=true`).
          triage,
        },
      };
    },

    async findOne(scope: StaffScope, documentId: string) {
      const record = await reports.findOne({
        where: { documentId },
        populate: {
          category: { select: ['documentId', 'name', 'slug'] },
          office: { select: ['id', 'documentId', 'name'] },
          reporter: { select: ['email', 'firstName', 'lastName'] },
          duplicateOf: { select: ['documentId', 'reference', 'title'] },
          replies: { populate: { author: { select: ['firstname', 'lastname'] } } },
          history: true,
          photos: { populate: { file: true } },
        },
      });
      if (!record) throw new errors.NotFoundError('Segnalazione non trovata.');
      if (!canSeeReport(scope, record.office?.id)) throw forbidden('Questa segnalazione è di un altro ufficio.');
      const undelivered = await rowsOf(strapi, UID.notification).findMany({
        where: { report: record.id, status: 'failed' },
        select: ['channel', 'recipient', 'template', 'lastError', 'updatedAt'],
      });
      return toStaffReport(record, scope, photosOf(record.photos), getService(strapi, 'clock').now(), undelivered);
    },

    /** What the filters, the reassign menu and the reply editor offer. */
    async options() {
      const [categories, offices, replyTemplates] = await Promise.all([
        rowsOf(strapi, UID.category).findMany({ select: ['documentId', 'name', 'slug', 'active'], orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
        rowsOf(strapi, UID.office).findMany({ select: ['documentId', 'name', 'triage'], orderBy: { name: 'asc' } }),
        rowsOf(strapi, UID.replyTemplate).findMany({
          select: ['documentId', 'name', 'kind', 'body'],
          populate: { category: { select: ['documentId'] } },
          orderBy: { name: 'asc' },
        }),
      ]);
      return {
        categories,
        offices,
        replyTemplates: replyTemplates.map(({ documentId, name, kind, body, category }) => ({
          documentId,
          name,
          kind,
          body,
          category: category?.documentId ?? null,
        })),
      };
    },
  };
};
