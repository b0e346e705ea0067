import { createHmac } from 'crypto';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { countersFor, decide, justExceeded, type Counter, type Decision, type LimitGroup, type Requester } from './domain/rate-limit';
import { getService } from '../common/get-service';
import { settingOf } from '../common/settings';

/** Made by database/migrations/2026.12.01T19.00.00.create-rate-limits.js. */
const TABLE = 'segnalazioni_rate_limits';
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/** Counters this process knows to be over their limit, so that a flood is refused without a write each. */
const MAX_KNOWN_BLOCKED = 10_000;

type Counted = { counter: Counter; hits: number };

/**
 * The abuse limits' store: counters in the database (one atomic upsert per request), so that
 * every server process counts the same requests. The rule is in accounts/domain/rate-limit.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const blocked = new LRUCache<string, true>({ max: MAX_KNOWN_BLOCKED });
  let sweeper: NodeJS.Timeout | null = null;

  const limits = () => settingOf(strapi, 'rateLimits');
  const now = () => getService(strapi, 'clock').now().getTime();
  // Keyed with the app's secret: the table names no address or email, not even by a guessable hash.
  const rowKey = (bucket: string) => {
    const [secret] = strapi.config.get('server.app.keys') as string[];
    return createHmac('sha256', secret).update(bucket).digest('hex');
  };

  /** Raises every counter by one and reads the new counts, in one statement where the database allows. */
  async function raise(counters: Counter[]): Promise<Counted[]> {
    const knex = strapi.db.connection;
    const rows = counters.map((counter) => ({ bucket: rowKey(counter.bucket), hits: 1, resets_at: counter.resetsAt }));
    let hitsByBucket: Map<string, number>;
    if (strapi.db.dialect.client === 'mysql') {
      // No RETURNING: LAST_INSERT_ID(expr) hands the new count back on the same connection.
      hitsByBucket = await knex.transaction(async (trx) => {
        const counted = new Map<string, number>();
        for (const row of rows) {
          await trx.raw(
            `INSERT INTO ${TABLE} (bucket, hits, resets_at) VALUES (?, LAST_INSERT_ID(1), ?) ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)`,
            [row.bucket, row.resets_at],
          );
          const [[{ hits }]] = (await trx.raw('SELECT LAST_INSERT_ID() AS hits')) as [[{ hits: number }]];
          counted.set(row.bucket, Number(hits));
        }
        return counted;
      });
    } else {
      const returned = (await knex(TABLE)
        .insert(rows)
        .onConflict('bucket')
        .merge({ hits: knex.raw('??.?? + 1', [TABLE, 'hits']) })
        .returning(['bucket', 'hits'])) as { bucket: string; hits: number | string }[];
      hitsByBucket = new Map(returned.map((row) => [row.bucket, Number(row.hits)]));
    }
    return counters.map((counter, index) => {
      const hits = hitsByBucket.get(rows[index].bucket);
      if (hits === undefined) throw new Error(`The rate limit store returned no count for ${counter.kind}`);
      return { counter, hits };
    });
  }

  /** Deletes the counters of windows that have ended. */
  const sweep = (): Promise<number> => strapi.db.connection(TABLE).where('resets_at', '<=', now()).delete();

  /** One line per counter at the request that first goes over it, not one per refusal. */
  function logFirstRefusals(group: LimitGroup, counted: Counted[], decision: Decision): void {
    if (decision.allowed) return;
    for (const { counter } of counted.filter(justExceeded)) {
      const retry = group === 'webhooks' ? '; Meta delivers refused deliveries again later' : '';
      strapi.log.warn(`Rate limit reached: ${group} per ${counter.kind}, refused until ${decision.retryAt.toISOString()}${retry}`);
    }
  }

  return {
    /** Counts one request of `group` by `requester` and decides whether it may go on. */
    async hit(group: LimitGroup, requester: Requester): Promise<Decision> {
      const at = now();
      const counters = countersFor(group, limits(), requester, at);
      const knownOver = counters.filter((counter) => blocked.has(counter.bucket));
      // Already over its limit in this window: the count can only grow until the window ends.
      if (knownOver.length > 0)
        return decide(
          knownOver.map((counter) => ({ counter, hits: Number.POSITIVE_INFINITY })),
          at,
        );

      const counted = await raise(counters);
      const decision = decide(counted, at);
      if (!decision.allowed) for (const counter of decision.refused) blocked.set(counter.bucket, true);
      logFirstRefusals(group, counted, decision);
      return decision;
    },

    sweep,

    start(): void {
      if (sweeper) return;
      sweeper = setInterval(() => {
        sweep().catch((error: Error) => strapi.log.warn(`Rate limit sweep failed: ${error.message}`));
      }, SWEEP_INTERVAL_MS);
      sweeper.unref();
    },

    stop(): void {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
    },
  };
};
