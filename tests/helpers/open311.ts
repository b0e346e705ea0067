import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

/**
 * GeoReport v2 as its specification writes it (wiki.open311.org/GeoReport_v2), for checking our
 * answers from outside: JSON Schemas of each response, and the XML form read back with a real
 * parser into the same objects.
 */

const text = { type: 'string' };
const textOrNull = { type: ['string', 'null'] };
const w3c = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)$' };
const emptyOr = (schema: object) => ({ anyOf: [{ const: '' }, schema] });

export const GEOREPORT_SCHEMAS = {
  discovery: {
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    additionalProperties: false,
    properties: {
      changeset: w3c,
      contact: text,
      key_service: text,
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          additionalProperties: false,
          properties: {
            specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
            url: { type: 'string', format: 'uri' },
            changeset: w3c,
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { enum: ['text/xml', 'application/json'] } },
          },
        },
      },
    },
  },
  services: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
      additionalProperties: false,
      properties: {
        service_code: { type: 'string', minLength: 1 },
        service_name: { type: 'string', minLength: 1 },
        description: text,
        metadata: { type: 'boolean' },
        type: { enum: ['realtime', 'batch', 'blackbox'] },
        keywords: text,
        group: text,
      },
    },
  },
  serviceDefinition: {
    type: 'object',
    required: ['service_code', 'attributes'],
    additionalProperties: false,
    properties: {
      service_code: text,
      attributes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
          additionalProperties: false,
          properties: {
            variable: { type: 'boolean' },
            code: text,
            datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
            required: { type: 'boolean' },
            datatype_description: textOrNull,
            order: { type: 'integer' },
            description: text,
            values: {
              type: 'array',
              items: { type: 'object', required: ['key', 'name'], additionalProperties: false, properties: { key: text, name: text } },
            },
          },
        },
      },
    },
  },
  requests: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_request_id', 'status', 'service_code', 'requested_datetime', 'updated_datetime'],
      additionalProperties: false,
      properties: {
        // Our ids are the reports' references (GeoReport leaves their form to the server).
        service_request_id: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$' },
        status: { enum: ['open', 'closed'] },
        status_notes: text,
        service_name: text,
        service_code: text,
        description: text,
        agency_responsible: text,
        service_notice: text,
        requested_datetime: w3c,
        updated_datetime: w3c,
        expected_datetime: emptyOr(w3c),
        address: text,
        address_id: text,
        zipcode: text,
        lat: emptyOr({ type: 'number', minimum: -90, maximum: 90 }),
        long: emptyOr({ type: 'number', minimum: -180, maximum: 180 }),
        media_url: emptyOr({ type: 'string', format: 'uri' }),
      },
    },
  },
  created: {
    type: 'array',
    minItems: 1,
    maxItems: 1,
    items: {
      type: 'object',
      required: ['service_request_id', 'service_notice', 'account_id'],
      additionalProperties: false,
      properties: {
        service_request_id: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$' },
        service_notice: text,
        account_id: textOrNull,
      },
    },
  },
  updates: {
    type: 'array',
    items: {
      type: 'object',
      required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'],
      additionalProperties: false,
      properties: {
        update_id: { type: 'string', minLength: 1 },
        service_request_id: { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$' },
        status: { enum: ['open', 'closed'] },
        updated_datetime: w3c,
        description: text,
        media_url: text,
      },
    },
  },
  errors: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['code', 'description'],
      additionalProperties: false,
      properties: { code: { type: 'integer', minimum: 400, maximum: 599 }, description: { type: 'string', minLength: 1 } },
    },
  },
} as const;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validators = Object.fromEntries(Object.entries(GEOREPORT_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)]));

/** The problems of `value` as the named GeoReport response (empty: valid). */
export function georeportProblems(name: keyof typeof GEOREPORT_SCHEMAS, value: unknown): string[] {
  const validate = validators[name];
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** The elements the spec repeats inside a list element. */
const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name, path) => Object.values(LIST_ITEMS).includes(name) && LIST_ITEMS[String(path).split('.').slice(-2, -1)[0]] === name,
});

type Node = string | Node[] | { [name: string]: Node };

/** An XML answer as the JSON one would be, every value as text (XML has no other): lists as arrays. */
export function xmlAsObjects(xml: string): { root: string; value: Node } {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error(`Not an XML document: ${xml.slice(0, 80)}`);
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const [root] = Object.keys(parsed).filter((key) => key !== '?xml');
  const convert = (name: string, node: unknown): Node => {
    if (LIST_ITEMS[name]) {
      const items = node === '' || node === undefined ? [] : ((node as Record<string, unknown>)[LIST_ITEMS[name]] as unknown[]);
      return (items ?? []).map((item) => convert(LIST_ITEMS[name], item));
    }
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, convert(key, value)]));
    return String(node ?? '');
  };
  return { root, value: convert(root, parsed[root]) };
}

/** A JSON answer with every value as text, to compare with its XML form. */
export function asText(value: unknown): Node {
  if (Array.isArray(value)) return value.map(asText);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asText(entry)]));
  return value === null || value === undefined ? '' : String(value);
}
