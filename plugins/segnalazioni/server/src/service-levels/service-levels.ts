import type { Core } from '@strapi/strapi';
import { DEFAULT_SERVICE_LEVELS, dueDatesAfter, type DueDates, type ServiceLevels } from './domain/service-levels';
import { BIELLA_URP_HOURS, nextOpening, parseWeeklyHours, type WorkingCalendar } from './domain/working-calendar';
import { PLUGIN_ID } from '../common/domain/uids';
import { settingOf } from '../common/settings';

export interface CategoryLevels {
  takeInChargeDays?: number | null;
  firstAnswerDays?: number | null;
  closeDays?: number | null;
}

export interface OfficeCalendar {
  name?: string;
  openingHours?: unknown;
}

/** Due dates for a report from its category's service levels and its office's calendar. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const calendarFor = (office?: OfficeCalendar | null): WorkingCalendar => {
    const config = settingOf(strapi, 'calendar');
    let hours = BIELLA_URP_HOURS;
    try {
      hours = parseWeeklyHours(office?.openingHours) ?? BIELLA_URP_HOURS;
    } catch (error) {
      strapi.log.warn(`[${PLUGIN_ID}] office "${office?.name}": ${(error as Error).message} Using the default hours.`);
    }
    return { hours, patronDay: config.patronDay, closures: config.closures };
  };

  const levelsOf = (category?: CategoryLevels | null): ServiceLevels => ({
    takeInChargeDays: category?.takeInChargeDays ?? DEFAULT_SERVICE_LEVELS.takeInChargeDays,
    firstAnswerDays: category?.firstAnswerDays ?? DEFAULT_SERVICE_LEVELS.firstAnswerDays,
    closeDays: category?.closeDays ?? DEFAULT_SERVICE_LEVELS.closeDays,
  });

  return {
    dueDates(step: 'submit' | 'take_in_charge' | 'reopen', at: Date, category?: CategoryLevels | null, office?: OfficeCalendar | null): DueDates {
      return dueDatesAfter(step, at, levelsOf(category), calendarFor(office));
    },

    /** When the office next opens: `at` itself while it is open. */
    nextOpening(at: Date, office?: OfficeCalendar | null): Date {
      return nextOpening(at, calendarFor(office));
    },
  };
};
