import type { Core } from '@strapi/strapi';
import { byPosition } from '../photos/domain/photo-rules';
import { toOwnReport, type OwnPhoto, type OwnReport } from '../archive/domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { rowsOf, type Row } from '../common/rows';

const POPULATE = {
  category: { select: ['name', 'slug'] },
  replies: { select: ['kind', 'body', 'isPublic', 'createdAt'] },
  history: { select: ['action', 'fromStatus', 'toStatus', 'occurredAt'] },
  photos: { populate: { file: true } },
} as const;

type OwnRow = Row<typeof UID.report, { populate: typeof POPULATE }>;

/** A citizen's own reports, in every state, with signed links to their own photos: to them logged in, or to their follow link. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ownPhotos = (photos: OwnRow['photos']): OwnPhoto[] => {
    const service = getService(strapi, 'photos');
    return [...photos].sort(byPosition).flatMap((photo) => {
      const file = photo.file;
      if (!file) return [];
      const sign = (url: string) => service.signedUrl(url, file.hash);
      const formats = Object.fromEntries(
        Object.entries(file.formats ?? {}).map(([name, format]) => [name, { url: sign(format.url), width: format.width, height: format.height }]),
      );
      return [{ ...photo, url: sign(file.url), width: file.width ?? null, height: file.height ?? null, formats }];
    });
  };

  const view = (record: OwnRow) => toOwnReport(record, ownPhotos(record.photos));
  const reports = rowsOf(strapi, UID.report);

  return {
    async list(citizenId: number, { page, pageSize }: { page: number; pageSize: number }) {
      const where = { reporter: { id: citizenId } };
      const [records, total] = await Promise.all([
        reports.findMany({
          where,
          populate: POPULATE,
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        reports.count({ where }),
      ]);
      return {
        data: records.map(view),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /** A report as its reporter sees it, for its follow link, with the link version it is on. */
    async followed(documentId: string): Promise<{ report: OwnReport; followVersion: number } | null> {
      const record = await reports.findOne({ where: { documentId }, populate: POPULATE });
      return record ? { report: view(record), followVersion: record.followVersion ?? 0 } : null;
    },

    async findOne(citizenId: number, documentId: string): Promise<OwnReport | null> {
      const record = await reports.findOne({
        where: { documentId, reporter: { id: citizenId } },
        populate: POPULATE,
      });
      return record ? view(record) : null;
    },
  };
};
