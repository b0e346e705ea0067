import type { Core, Modules } from '@strapi/strapi';
import { UID } from '../common/domain/uids';
import { validationError } from '../common/errors';
import { parseCategoryQuestions } from './domain/category-questions';

/**
 * An editor's questions of a category are checked when saved, from the Content Manager or any
 * other writer, so that the service definitions and the requests' answers always read a valid list.
 */
export function categoryQuestionsGuard(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== UID.category || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: { questions?: unknown } }).data;
    if (data && 'questions' in data) {
      const parsed = parseCategoryQuestions(data.questions);
      if (!parsed.ok) throw validationError(parsed.errors);
      data.questions = parsed.value.length ? parsed.value : null;
    }
    return next();
  };
  strapi.documents.use(middleware);
}
