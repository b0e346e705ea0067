import type { Core } from '@strapi/strapi';

/** How Strapi stores a relation: the join table and its two columns. */
export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** What our own SQL needs of a content type's table: its name, its columns' names, its relations' join tables. */
export interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
}

/** The table of a content type, as the database layer maps it (it answers an untyped record). */
export const metaOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid) as unknown as Meta;

/** An attribute's column: its own `columnName` when the schema maps one, else its name. */
export const columnOf = (meta: Meta, attribute: string) => meta.attributes[attribute]?.columnName ?? attribute;
