import type { Core } from '@strapi/strapi';
import type { Action, Actor, ReportStatus } from './domain/lifecycle';
import type { JsonObject } from '../intake/domain/report-record';
import { UID } from '../common/domain/uids';

export interface HistoryDraft {
  readonly report: string;
  readonly action: Action;
  readonly actorType: Actor | 'system';
  readonly actorId?: string;
  readonly actorLabel?: string;
  readonly fromStatus: ReportStatus | null;
  readonly toStatus: ReportStatus | null;
  readonly details?: JsonObject;
}

/** Appends to a report's history; entries are never changed afterwards (see history-append-only). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Appends the entry; its documentId. */
  async record(entry: HistoryDraft): Promise<string> {
    const created = await strapi.documents(UID.historyEntry).create({
      // The Document Service takes an absent value, not null, for an empty column.
      data: {
        ...entry,
        fromStatus: entry.fromStatus ?? undefined,
        toStatus: entry.toStatus ?? undefined,
        details: entry.details ?? {},
        occurredAt: new Date().toISOString(),
      },
    });
    return created.documentId;
  },
});
