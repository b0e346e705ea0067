import type { PublicReport } from '../../archive/domain/visibility';
import { OPEN_STATUSES } from '../../workflow/domain/report-states';
import type { ReportStatus } from '../../workflow/domain/lifecycle';
import { romeDateTime } from '../../service-levels/domain/working-calendar';
import type { CategoryQuestion } from '../../intake/domain/category-questions';
import type { Open311Object } from './georeport-document';
import { isReference } from '../../intake/domain/reference';

/**
 * What the GeoReport v2 documents say of our categories and published reports
 * (wiki.open311.org/GeoReport_v2): a service is an active category, a service request a published
 * report, with its public fields only — the same the archive serves.
 */

/** GeoReport's two statuses: a report still with the office is open; closed is closed. */
export type GeoReportStatus = 'open' | 'closed';
export const geoReportStatus = (status: ReportStatus): GeoReportStatus => ((OPEN_STATUSES as readonly string[]).includes(status) ? 'open' : 'closed');

/** The statuses of ours a GeoReport status names. */
export const statusesOf = (status: GeoReportStatus): ReportStatus[] => (status === 'open' ? [...OPEN_STATUSES] : ['closed']);

/**
 * A service request's id is the report's reference (`7K3M-Q9XA`): it exists the moment the
 * request is posted and never changes, so a client that posted it (FixMyStreet keeps the id the
 * POST answers, and resolves no token later) follows it for good. A protocol number, written
 * `2026-000123` (a "/" cannot stand in a path), names the same report in lookups.
 */
export interface RequestIdentifiers {
  readonly references: readonly string[];
  readonly protocolNumbers: readonly string[];
}

/** The references and protocol numbers among service request ids; null for an id that is neither. */
export function identifiersOf(ids: readonly string[]): RequestIdentifiers | null {
  const references: string[] = [];
  const protocolNumbers: string[] = [];
  for (const id of ids) {
    const protocol = /^(\d{4})-(\d{6})$/.exec(id);
    if (protocol) protocolNumbers.push(`${protocol[1]}/${protocol[2]}`);
    else if (isReference(id.toUpperCase())) references.push(id.toUpperCase());
    else return null;
  }
  return { references, protocolNumbers };
}

/** What a commenter may say of a report's state in mySociety's updates (FixMyStreet's states, upper case). */
export const STATUS_HINTS = [
  'OPEN',
  'CLOSED',
  'FIXED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'INVESTIGATING',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
] as const;
export type StatusHint = (typeof STATUS_HINTS)[number];

/** The office reads what the commenter says of the state in Italian; the office decides what it is. */
export const STATUS_HINT_WORDS: Readonly<Record<StatusHint, string>> = {
  OPEN: 'ancora da risolvere',
  CLOSED: 'chiusa',
  FIXED: 'risolta',
  IN_PROGRESS: 'in lavorazione',
  ACTION_SCHEDULED: 'con un intervento programmato',
  INVESTIGATING: 'in verifica',
  DUPLICATE: 'un doppione di un’altra',
  NOT_COUNCILS_RESPONSIBILITY: 'non di competenza del Comune',
  NO_FURTHER_ACTION: 'da non proseguire',
  INTERNAL_REFERRAL: 'passata a un altro ufficio',
};

export interface ServiceCategory {
  readonly slug: string;
  readonly name: string;
  readonly description?: string | null;
  readonly office?: { readonly name: string } | null;
  readonly questions: readonly CategoryQuestion[];
}

/** A category as a service: `metadata` when it asks questions of its own (then it has a service definition). */
export const serviceOf = (category: ServiceCategory): Open311Object => ({
  service_code: category.slug,
  service_name: category.name,
  description: category.description ?? '',
  metadata: category.questions.length > 0,
  type: 'realtime',
  keywords: '',
  group: category.office?.name ?? '',
});

/** The category's questions as the service definition's attributes, in their order. */
export const serviceDefinitionOf = (category: ServiceCategory): Open311Object => ({
  service_code: category.slug,
  attributes: [...category.questions]
    .sort((a, b) => a.order - b.order)
    .map((question) => ({
      variable: true,
      code: question.code,
      datatype: question.datatype,
      required: question.required,
      datatype_description: question.hint ?? '',
      order: question.order,
      description: question.text,
      ...(question.values?.length ? { values: question.values.map(({ key, name }) => ({ key, name })) } : {}),
    })),
});

/** Updates a client reads at most per window (GeoReport's own bound for requests). */
export const MAX_UPDATES = 1000;

/**
 * A public reply as a service request update (mySociety's `servicerequestupdates`, which
 * FixMyStreet polls to follow a report): its id never changes, the status is the one the reply
 * leaves (a final answer closes), the text is the reply as published.
 */
export const requestUpdateOf = (
  reply: { readonly documentId: string; readonly kind: string; readonly body: string; readonly createdAt: string },
  reference: string,
): Open311Object => ({
  update_id: reply.documentId,
  service_request_id: reference,
  status: reply.kind === 'final' ? 'closed' : 'open',
  updated_datetime: romeDateTime(reply.createdAt),
  description: reply.body,
  media_url: '',
});

/** When the report last changed in public: published, a public reply, closed. */
function updatedAt(report: PublicReport): string {
  const instants = [report.publishedAt, report.closedAt, ...report.replies.map((reply) => reply.createdAt), report.submittedAt].filter(
    (instant): instant is string => typeof instant === 'string',
  );
  return instants.reduce((latest, instant) => (Date.parse(instant) > Date.parse(latest) ? instant : latest));
}

/**
 * A published report as a service request. `status_notes` is its latest public reply;
 * `expected_datetime` its current deadline, when the municipality shows deadlines; `media_url`
 * its first approved photo.
 */
export function serviceRequestOf(
  report: PublicReport & { readonly deadline?: { readonly due: string } | null },
  { reference, agency, absolute }: { readonly reference: string; readonly agency: string | null; readonly absolute: (path: string) => string },
): Open311Object {
  const latestReply = report.replies.at(-1);
  const photo = report.photos[0];
  return {
    service_request_id: reference,
    status: geoReportStatus(report.status),
    status_notes: latestReply?.body ?? '',
    service_name: report.category?.name ?? '',
    service_code: report.category?.slug ?? '',
    description: report.text ? `${report.title}\n\n${report.text}` : report.title,
    agency_responsible: agency ?? '',
    service_notice: report.protocolNumber ? `Protocollo n. ${report.protocolNumber}` : '',
    requested_datetime: romeDateTime(report.submittedAt),
    updated_datetime: romeDateTime(updatedAt(report)),
    expected_datetime: report.deadline ? romeDateTime(report.deadline.due) : '',
    address: report.address ?? '',
    address_id: '',
    zipcode: '',
    lat: report.latitude ?? '',
    long: report.longitude ?? '',
    media_url: photo ? (/^https?:/.test(photo.url) ? photo.url : absolute(photo.url)) : '',
  };
}
