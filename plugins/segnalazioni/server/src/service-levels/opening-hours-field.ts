import type { Core, Modules } from '@strapi/strapi';
import { OPENING_HOURS_FIELD, PLUGIN_ID, UID } from '../common/domain/uids';
import { validationError } from '../common/errors';
import { parseWeeklyHours } from './domain/working-calendar';

/**
 * An office's working hours: a JSON custom field that the Content Manager edits a line per day
 * (admin/src/components/OpeningHoursInput.tsx), checked when saved by any writer, so that the
 * deadlines always read hours they understand.
 */
export function registerOpeningHours(strapi: Core.Strapi): void {
  strapi.customFields.register({ name: OPENING_HOURS_FIELD, plugin: PLUGIN_ID, type: 'json' });
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== UID.office || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: { openingHours?: unknown } }).data;
    if (data && 'openingHours' in data) {
      try {
        parseWeeklyHours(data.openingHours);
      } catch (error) {
        throw validationError([{ message: (error as Error).message }]);
      }
    }
    return next();
  };
  strapi.documents.use(middleware);
}
