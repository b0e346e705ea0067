import type { Core } from '@strapi/strapi';
import { toOwnReport, type OwnPhoto, type OwnReport, type OwnReportRecord } from '../domain/visibility';
import { UID } from '../uids';
import { getService } from './get-service';
import type { StoredFile } from './photos';
import type { ModerationState } from '../domain/report-states';

interface PhotoWithFile {
  documentId: string;
  moderation: ModerationState;
  moderationReason?: string | null;
  position: number;
  file?: StoredFile | null;
}

const POPULATE = {
  category: { select: ['name', 'slug'] },
  replies: { select: ['kind', 'body', 'isPublic', 'createdAt'] },
  history: { select: ['action', 'fromStatus', 'toStatus', 'occurredAt'] },
  photos: { populate: { file: true } },
} as const;

/** A citizen's own reports, in every state, with signed links to their own photos. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ownPhotos = (photos: readonly PhotoWithFile[] = []): OwnPhoto[] => {
    const service = getService(strapi, 'photos');
    return [...photos]
      .sort((a, b) => a.position - b.position)
      .flatMap((photo) => {
        const file = photo.file;
        if (!file) return [];
        const sign = (url: string) => service.signedUrl(url, file.hash);
        const formats = Object.fromEntries(
          Object.entries(file.formats ?? {}).map(([name, format]) => [name, { url: sign(format.url), width: format.width, height: format.height }]),
        );
        return [{ ...photo, url: sign(file.url), width: file.width ?? null, height: file.height ?? null, formats }];
      });
  };

  const view = (record: OwnReportRecord & { photos?: PhotoWithFile[] }) => toOwnReport(record, ownPhotos(record.photos));

  return {
    async list(citizenId: number, { page, pageSize }: { page: number; pageSize: number }) {
      const where = { reporter: { id: citizenId } };
      const [records, total] = await Promise.all([
        strapi.db.query(UID.report).findMany({
          where,
          populate: POPULATE,
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(UID.report).count({ where }),
      ]);
      return {
        data: (records as (OwnReportRecord & { photos?: PhotoWithFile[] })[]).map(view),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    async findOne(citizenId: number, documentId: string): Promise<OwnReport | null> {
      const record = await strapi.db.query(UID.report).findOne({
        where: { documentId, reporter: { id: citizenId } },
        populate: POPULATE,
      });
      return record ? view(record as OwnReportRecord & { photos?: PhotoWithFile[] }) : null;
    },
  };
};
