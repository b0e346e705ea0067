/** The Document Service actions that change stored documents. */
export const DOCUMENT_WRITES: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);
