import type { Core } from '@strapi/strapi';
import { PUBLISHED_WHERE, toPublicCategory, type CategoryRecord, type PublicCategory } from '../domain/visibility';
import { UID } from '../uids';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active categories in the editors' order, with how many published reports each has. */
  async listPublic(): Promise<PublicCategory[]> {
    const categories = await strapi.documents(UID.category).findMany({
      filters: { active: true },
      sort: [{ position: 'asc' }, { name: 'asc' }],
      populate: { office: { fields: ['name'] } },
    });
    const counts = await Promise.all(
      categories.map((category) =>
        strapi.db.query(UID.report).count({ where: { category: { id: category.id }, ...PUBLISHED_WHERE } }),
      ),
    );
    return categories.map((category, index) => toPublicCategory(category as unknown as CategoryRecord, counts[index]));
  },

  /** An active category by slug or documentId, with its office; `null` when there is none. */
  async findActive(slugOrDocumentId: string) {
    return strapi.db.query(UID.category).findOne({
      where: { active: true, $or: [{ slug: slugOrDocumentId }, { documentId: slugOrDocumentId }] },
      populate: { office: true },
    });
  },
});
