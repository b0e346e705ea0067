import type { Core } from '@strapi/strapi';
import { toPublicCategory, type PublicCategory } from './domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { rowsOf } from '../common/rows';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active categories in the editors' order, with how many published reports each has; kept until the archive changes. */
  listPublic(): Promise<PublicCategory[]> {
    return getService(strapi, 'archive-version').remember('categories', async () => {
      const categories = await rowsOf(strapi, UID.category).findMany({
        where: { active: true },
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
        populate: { office: { select: ['name'] } },
      });
      const counts = await getService(strapi, 'archive').countByCategory();
      return categories.map((category) => toPublicCategory(category, counts.get(category.slug) ?? 0));
    });
  },

  /** An active category by slug or documentId, with its office; `null` when there is none. */
  async findActive(slugOrDocumentId: string) {
    return rowsOf(strapi, UID.category).findOne({
      where: { active: true, $or: [{ slug: slugOrDocumentId }, { documentId: slugOrDocumentId }] },
      populate: { office: true },
    });
  },
});
