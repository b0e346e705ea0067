import type { Core } from '@strapi/strapi';
import base, { rateLimitsFromEnv } from '../../plugins';

/** Limits high enough for any test: a test that checks one sets it low through RATE_LIMIT_*. */
const OUT_OF_THE_WAY = 1_000_000;

// Tests register, log in and submit many times from 127.0.0.1 in a few seconds: the limits are for the real world.
export default (ctx: Core.Config.Shared.ConfigParams) => {
  const config = base(ctx);
  const minute = 60_000;
  return {
    ...config,
    segnalazioni: {
      ...config.segnalazioni,
      config: {
        ...config.segnalazioni.config,
        rateLimits: rateLimitsFromEnv(ctx.env, {
          reports: { windowMs: minute, perCitizen: OUT_OF_THE_WAY, perIp: OUT_OF_THE_WAY },
          registrations: { windowMs: minute, perIp: OUT_OF_THE_WAY },
          logins: { windowMs: minute, perIp: OUT_OF_THE_WAY },
          staffLogins: { windowMs: minute, perIp: OUT_OF_THE_WAY, perEmail: OUT_OF_THE_WAY },
          accountEmails: { windowMs: minute, perIp: OUT_OF_THE_WAY, perEmail: OUT_OF_THE_WAY },
          webhooks: { windowMs: minute, perIp: OUT_OF_THE_WAY },
          open311: { windowMs: minute, perIp: OUT_OF_THE_WAY },
          places: { windowMs: minute, perIp: OUT_OF_THE_WAY },
          lookups: { windowMs: minute, perIp: OUT_OF_THE_WAY },
          ratings: { windowMs: minute, perIp: OUT_OF_THE_WAY },
        }),
      },
    },
  };
};
