import type { Core } from '@strapi/strapi';
import { toPublicCategory, type CategoryRecord, type PublicCategory } from '../domain/visibility';
import { UID } from '../uids';
import { getService } from './get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active categories in the editors' order, with how many published reports each has; kept until the archive changes. */
  listPublic(): Promise<PublicCategory[]> {
    return getService(strapi, 'archive-version').remember('categories', async () => {
      const categories = await strapi.documents(UID.category).findMany({
        filters: { active: true },
        sort: [{ position: 'asc' }, { name: 'asc' }],
        populate: { office: { fields: ['name'] } },
      });
      const counts = await getService(strapi, 'archive').countByCategory();
      return categories.map((category) => toPublicCategory(category as unknown as CategoryRecord, counts.get(category.slug) ?? 0));
    });
  },

  /** An active category by slug or documentId, with its office; `null` when there is none. */
  async findActive(slugOrDocumentId: string) {
    return strapi.db.query(UID.category).findOne({
      where: { active: true, $or: [{ slug: slugOrDocumentId }, { documentId: slugOrDocumentId }] },
      populate: { office: true },
    });
  },
});
