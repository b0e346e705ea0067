import type { Core, Schema, UID } from '@strapi/strapi';
import type { JsonObject, JsonValue } from '../intake/domain/report-record';

/**
 * Rows as `strapi.db.query` gives them back, typed from the schemas (`types/generated`, made by
 * `strapi ts:generate-types`). `strapi.db.query` itself answers `any`; reading through `rowsOf`
 * instead says once, from the schema, what a row holds, so that a service reads its rows without a
 * cast and a schema change shows as a type error where a row is used.
 *
 * - a required column is always set, any other may be `null`; dates and times are ISO strings
 *   (the database layer's `fromDB`); enumerations are their values; Strapi stamps every row's
 *   `createdAt` and `updatedAt`;
 * - `select` narrows the row to the columns named; without it, every column;
 * - a relation is there only when populated: a list for a to-many relation, `null` when a to-one
 *   relation is empty.
 */

/** What a JSON column holds, where we know more than "JSON": the upload plugin's formats, our own details. */
interface JsonColumns {
  'plugin::upload.file': { formats: Record<string, ImageFormat> | null };
  'plugin::segnalazioni.history-entry': { details: JsonObject | null };
}

/** One resized copy of an uploaded image, as the upload plugin records it. */
export interface ImageFormat {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly ext?: string;
}

type Attribute<T extends UID.Schema, K> = K extends keyof Schema.Attributes<T> ? Schema.Attributes<T>[K] : never;

/** The columns `select` may name: the attributes stored in the row itself, and its ids. */
export type ColumnName<T extends UID.Schema> = Schema.NonPopulatableAttributeNames<T> | 'id' | 'documentId';
export type RelationName<T extends UID.Schema> = Schema.PopulatableAttributeNames<T>;

type ScalarValue<A> = A extends { type: 'enumeration'; enum: infer E extends string[] }
  ? E[number]
  : A extends { type: 'integer' | 'float' | 'decimal' }
    ? number
    : A extends { type: 'boolean' }
      ? boolean
      : A extends { type: 'json' }
        ? JsonValue
        : A extends { type: 'string' | 'text' | 'richtext' | 'email' | 'password' | 'uid' | 'biginteger' | 'date' | 'time' | 'datetime' | 'timestamp' }
          ? string
          : unknown;

type ColumnValue<T extends UID.Schema, K> = K extends 'id'
  ? number
  : K extends 'documentId' | 'createdAt' | 'updatedAt'
    ? string
    : T extends keyof JsonColumns
      ? K extends keyof JsonColumns[T]
        ? JsonColumns[T][K]
        : PlainColumnValue<Attribute<T, K>>
      : PlainColumnValue<Attribute<T, K>>;

type PlainColumnValue<A> = A extends { required: true } ? ScalarValue<A> : ScalarValue<A> | null;

type TargetOf<A> = A extends { type: 'relation'; target: infer U extends UID.ContentType } ? U : A extends { type: 'media' } ? 'plugin::upload.file' : never;

type IsToMany<A> = A extends { relation: 'oneToMany' | 'manyToMany' | 'manyWay' | 'morphMany' }
  ? true
  : A extends { type: 'media'; multiple: true }
    ? true
    : false;

/** What a query may ask for: the columns, the relations to load (each with a query of its own), filters. */
export interface RowQuery<T extends UID.Schema> {
  readonly select?: readonly ColumnName<T>[];
  readonly populate?: { readonly [R in RelationName<T>]?: true | RowQuery<TargetOf<Attribute<T, R>>> };
  /** Strapi's query filters (`$in`, `$or`, …), as `strapi.db.query` takes them. */
  readonly where?: Record<string, unknown>;
  readonly orderBy?: OrderBy | readonly OrderBy[];
  readonly limit?: number;
  readonly offset?: number;
}

type OrderBy = string | { readonly [column: string]: 'asc' | 'desc' };

type SelectedColumns<T extends UID.Schema, Q> = Q extends { readonly select: readonly (infer K)[] } ? K : ColumnName<T>;

type Populated<T extends UID.Schema, Q> = Q extends { readonly populate: infer P }
  ? { [R in keyof P & RelationName<T>]: RelationValue<Attribute<T, R>, P[R]> }
  : unknown;

type RelationValue<A, Q> = Q extends true ? Related<A, Row<TargetOf<A>>> : Related<A, Row<TargetOf<A>, Q>>;
type Related<A, V> = IsToMany<A> extends true ? V[] : V | null;

/** A row of `T` as the query `Q` reads it. */
export type Row<T extends UID.Schema, Q = unknown> = { [K in SelectedColumns<T, Q> & ColumnName<T>]: ColumnValue<T, K> } & Populated<T, Q>;

/** Typed reads of one content type's table, by `strapi.db.query` (which bypasses Document Service middlewares). */
export function rowsOf<T extends UID.ContentType>(strapi: Core.Strapi, uid: T) {
  const query = () => strapi.db.query(uid);
  return {
    findOne: <const Q extends RowQuery<T>>(params: Q): Promise<Row<T, Q> | null> => query().findOne(params),
    findMany: <const Q extends RowQuery<T>>(params: Q): Promise<Row<T, Q>[]> => query().findMany(params),
    count: (params: Pick<RowQuery<T>, 'where'> = {}): Promise<number> => query().count(params),
  };
}
