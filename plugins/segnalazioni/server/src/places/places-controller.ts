import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../common/get-service';
import { orThrow } from '../common/errors';
import { settingOf } from '../common/settings';
import { parseBoundingBox } from './domain/territory';
import { parsePlaceSearch, parseReverse } from './domain/nominatim';

const OFF = 'La ricerca degli indirizzi non è attiva su questo sito: scrivere l’indirizzo.';

/** Address search and the address at a point, for the portal's map (through our server, never from the browser). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const geocoder = () => getService(strapi, 'geocoder');
  const whenOn = () => {
    if (!geocoder().enabled()) throw new errors.NotFoundError(OFF);
  };
  /** A busy or unreachable geocoder is a 503 that says when to try again. */
  const answered = async <T>(ctx: Context, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const seconds = (error as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds;
      if (typeof seconds === 'number') ctx.set('Retry-After', String(seconds));
      throw error;
    }
  };

  return {
    async search(ctx: Context) {
      whenOn();
      const { q } = orThrow(parsePlaceSearch(ctx.query));
      ctx.body = { data: await answered(ctx, () => geocoder().search(q)), meta: {} };
    },

    async reverse(ctx: Context) {
      whenOn();
      const { lat, lng } = orThrow(parseReverse(ctx.query, parseBoundingBox(settingOf(strapi, 'territory'))));
      ctx.body = { data: await answered(ctx, () => geocoder().reverse(lat, lng)), meta: {} };
    },
  };
};
