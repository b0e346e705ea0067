/**
 * GeoReport v2 documents in both of the spec's formats, chosen by the address's suffix: XML (the
 * format the spec requires, and the one FixMyStreet's client reads) and JSON. One value renders
 * to both: a list is a JSON array and, in XML, an element of the list's name holding one element
 * per item, named as the spec names it (`services` → `service`, `service_requests` → `request`).
 */
import { escapeXml } from '../../common/domain/xml';

export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export type Open311Value = string | number | boolean | null | undefined | Open311Object | readonly Open311Value[];
export interface Open311Object {
  readonly [field: string]: Open311Value;
}

/** The element of each item of a list, by the list's element (GeoReport v2 and mySociety's updates). */
const ITEM_ELEMENT: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

export const MEDIA_TYPES: Record<Open311Format, string> = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' };

/** `services.xml` → `{ resource: 'services', format: 'xml' }`; no known suffix: null. */
export function splitFormat(name: string): { resource: string; format: Open311Format } | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const format = name.slice(dot + 1);
  return (OPEN311_FORMATS as readonly string[]).includes(format) ? { resource: name.slice(0, dot), format: format as Open311Format } : null;
}

function element(name: string, value: Open311Value): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name];
    if (!item) throw new Error(`No item element for the list ${name}`);
    return `<${name}>${value.map((entry: Open311Value) => element(item, entry)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Open311Object).filter(([, field]) => field !== undefined);
    return `<${name}>${fields.map(([field, entry]) => element(field, entry)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A GeoReport document: `root` is the XML root element (a list's name, or the object's). */
export function renderDocument(format: Open311Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** The spec's errors: `<errors><error><code/><description/></error></errors>`, or their JSON list. */
export const errorsDocument = (format: Open311Format, status: number, descriptions: readonly string[]) =>
  renderDocument(
    format,
    'errors',
    descriptions.map((description) => ({ code: status, description })),
  );
