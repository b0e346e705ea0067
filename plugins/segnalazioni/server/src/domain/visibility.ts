/**
 * What the public may see. Every public API (REST, GraphQL, the portal) goes through these
 * functions, so a private field cannot leak through one door while another keeps it shut.
 */

export interface CategoryRecord {
  readonly documentId: string;
  readonly name: string;
  readonly slug: string;
  readonly description?: string | null;
  readonly office?: { readonly name: string } | null;
}

export interface PublicCategory {
  readonly documentId: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly office: { readonly name: string } | null;
  readonly reportCount: number;
}

export function toPublicCategory(category: CategoryRecord, publishedReports: number): PublicCategory {
  return {
    documentId: category.documentId,
    name: category.name,
    slug: category.slug,
    description: category.description ?? '',
    office: category.office ? { name: category.office.name } : null,
    reportCount: publishedReports,
  };
}
