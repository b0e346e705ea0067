import type { MapSettings } from '../../server/src/places/domain/map-settings';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import type { Action, ReportStatus } from '../../server/src/workflow/domain/lifecycle';
import type { PositionChoice } from '../../server/src/workflow/domain/public-place';
import type { ReplyKind } from '../../server/src/workflow/domain/report-states';
import type { StaffReport, StaffSummary } from '../../server/src/staff/domain/staff-view';

export type { Action, PositionChoice, ReportStatus };

/** A report in the queue and on its page: the server's staff view (staff/domain/staff-view.ts), not a copy of it. */
export type ReportSummary = StaffSummary;
export type ReportDetail = StaffReport;
export type ReportPhoto = StaffReport['photos'][number];

export interface QueueResponse {
  data: ReportSummary[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number }; counts: Record<ReportStatus, number>; triage: number };
}

export interface Options {
  categories: { documentId: string; name: string; slug: string; active: boolean }[];
  offices: { documentId: string; name: string; triage: boolean }[];
  /** Whether this member of staff may file reports for citizens at the URP desk. */
  desk: boolean;
  /** Whether this member of staff triages (the queue of reports with no category yet). */
  triage: boolean;
  replyTemplates: { documentId: string; name: string; kind: ReplyKind; body: string; category: string | null }[];
  /** Tiles and where the maps open, as the portal has them. */
  map: MapSettings;
}

interface ApiError {
  response?: { data?: { error?: { message?: string; details?: { errors?: { path?: string | string[]; message?: string }[] } } } };
  message?: string;
}

/** The error message the server wrote for a person, or the request's own. */
export const errorMessage = (error: unknown) => (error as ApiError)?.response?.data?.error?.message ?? (error as ApiError)?.message ?? String(error);

/** The server's messages by form field (`details.errors` of a 400), for showing each beside its field. */
export function fieldErrors(error: unknown): Record<string, string> {
  const listed = (error as ApiError)?.response?.data?.error?.details?.errors ?? [];
  const byField: Record<string, string> = {};
  for (const { path, message } of listed) {
    const field = (Array.isArray(path) ? path[0] : path?.split('.')[0]) || 'data';
    if (message) byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
  }
  return byField;
}

/** Loads `path` (with `params`) and reloads when they change; `reload` runs it again on demand. */
export function useResource<T>(path: string | null, params?: Record<string, unknown>) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const key = JSON.stringify([path, params]);
  const load = React.useCallback(async () => {
    if (!path) return;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const response = await get<T>(path, { params });
      setState({ data: response.data, error: null, loading: false });
    } catch (error) {
      setState({ data: null, error: errorMessage(error), loading: false });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  React.useEffect(() => {
    void load();
  }, [load]);
  return { ...state, reload: load, setData: (data: T) => setState({ data, error: null, loading: false }) };
}

export function useAct(documentId: string) {
  const { post } = useFetchClient();
  return (action: Action, body: Record<string, unknown> = {}) =>
    post<{ data: ReportDetail | null; meta?: { leftScope?: boolean } }>(`/segnalazioni/reports/${documentId}/actions/${action}`, body).then(
      (response) => response.data,
    );
}
