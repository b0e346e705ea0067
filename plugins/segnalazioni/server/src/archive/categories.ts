import type { Core } from '@strapi/strapi';
import { toPublicCategory, type PublicCategory } from './domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { rowsOf } from '../common/rows';
import { parseCategoryQuestions, type CategoryQuestion } from '../intake/domain/category-questions';
import type { ServiceCategory } from '../open311/domain/georeport';

/** The questions a category holds; the editors' guard checked them when saved, so a bad one is a bug, not input. */
export function questionsOf(stored: unknown): CategoryQuestion[] {
  const parsed = parseCategoryQuestions(stored);
  if (!parsed.ok) throw new Error(`A category holds questions that do not parse: ${parsed.errors.map(({ message }) => message).join(' ')}`);
  return parsed.value;
}

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

  /** Active categories as services (Open311): with their office and their own questions; kept until the archive changes. */
  listServices(): Promise<ServiceCategory[]> {
    return getService(strapi, 'archive-version').remember('services', async () => {
      const categories = await rowsOf(strapi, UID.category).findMany({
        where: { active: true },
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
        populate: { office: { select: ['name'] } },
      });
      return categories.map((category) => ({
        slug: category.slug,
        name: category.name,
        description: category.description ?? '',
        office: category.office ? { name: category.office.name } : null,
        questions: questionsOf(category.questions),
      }));
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
