import type { JsonSchema } from './openapi-schemas';
import type { Method, OpenApiDocument, Operation } from './openapi-document';

/**
 * The OpenAPI document as a page a person reads: one section per group, each operation with its
 * parameters, body and answers, the schemas' fields listed. Rendered on the server from the same
 * document (one description, two forms), with no script: it reads the same in every browser.
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** The descriptions' only markup: `code`. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const METHODS: readonly Method[] = ['get', 'post', 'put'];

/** A schema in a few words: its type, its values, or the component it names. */
function typeOf(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').at(-1) as string;
    return `<a href="#schema-${name}">${name}</a>`;
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `<code>${escapeHtml(String(value))}</code>`).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeOf).join(' o ');
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (schema.type === 'array' && schema.items) return `elenco di ${typeOf(schema.items as JsonSchema)}`;
  return escapeHtml(String(schema.format ?? schema.type ?? 'valore'));
}

function fieldsTable(schema: JsonSchema, caption: string): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  if (Object.keys(properties).length === 0) return '';
  const rows = Object.entries(properties)
    .map(
      ([name, field]) =>
        `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${typeOf(field)}</td><td>${required.has(name) ? 'sì' : 'no'}</td><td>${prose(String(field.description ?? ''))}</td></tr>`,
    )
    .join('');
  return `<table><caption>${caption}</caption><thead><tr><th scope="col">Campo</th><th scope="col">Tipo</th><th scope="col">Sempre presente</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationSection(path: string, method: Method, operation: Operation): string {
  const parameters = operation.parameters?.length
    ? `<table><caption>Parametri</caption><thead><tr><th scope="col">Nome</th><th scope="col">Dove</th><th scope="col">Tipo</th><th scope="col">Obbligatorio</th><th scope="col">Descrizione</th></tr></thead><tbody>${operation.parameters
        .map(
          (parameter) =>
            `<tr><th scope="row"><code>${escapeHtml(parameter.name)}</code></th><td>${parameter.in}</td><td>${typeOf(parameter.schema)}</td><td>${parameter.required ? 'sì' : 'no'}</td><td>${prose(parameter.description)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const body = operation.requestBody
    ? Object.entries(operation.requestBody.content)
        .map(([type, { schema }]) => fieldsTable(schema, `Corpo della richiesta (<code>${escapeHtml(type)}</code>)`))
        .join('')
    : '';
  const responses = Object.entries(operation.responses)
    .map(([status, response]) => {
      const types = Object.entries(response.content ?? {})
        .map(([type, { schema }]) => `<code>${escapeHtml(type)}</code>: ${typeOf(schema)}`)
        .join('; ');
      return `<li><strong>${status}</strong> — ${prose(response.description)}${types ? ` (${types})` : ''}</li>`;
    })
    .join('');
  const access = operation.security ? '<p>Serve l’accesso del cittadino (<code>Authorization: Bearer …</code>).</p>' : '';
  return `<section id="${operation.operationId}" aria-labelledby="${operation.operationId}-title"><h3 id="${operation.operationId}-title"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3><p>${prose(operation.summary)}.</p>${operation.description ? `<p>${prose(operation.description)}</p>` : ''}${access}${parameters}${body}<h4>Risposte</h4><ul>${responses}</ul></section>`;
}

export function openApiPage(document: OpenApiDocument, jsonUrl: string): string {
  const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    METHODS.flatMap((method) => {
      const operation = byMethod[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  const groups = document.tags
    .map((tag) => {
      const own = operations.filter(({ operation }) => operation.tags.includes(tag.name));
      const id = `tag-${document.tags.indexOf(tag)}`;
      return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(tag.name)}</h2><p>${prose(tag.description)}</p>${own.map(({ path, method, operation }) => operationSection(path, method, operation)).join('')}</section>`;
    })
    .join('');
  const index = operations
    .map(
      ({ path, method, operation }) =>
        `<li><a href="#${operation.operationId}">${method.toUpperCase()} <code>${escapeHtml(path)}</code></a> — ${prose(operation.summary)}</li>`,
    )
    .join('');
  const schemas = Object.entries(document.components.schemas)
    .map(([name, schema]) => {
      const shown = (schema as JsonSchema).type === 'array' ? ((schema as JsonSchema).items as JsonSchema) : (schema as JsonSchema);
      const description = (schema as JsonSchema).description ?? shown.description;
      return `<section id="schema-${name}" aria-labelledby="schema-${name}-title"><h3 id="schema-${name}-title">${name}</h3>${description ? `<p>${prose(String(description))}</p>` : ''}${(schema as JsonSchema).type === 'array' ? '<p>Un elenco di oggetti con questi campi.</p>' : ''}${fieldsTable(shown, `I campi di ${name}`)}</section>`;
    })
    .join('');
  const server = document.servers[0]?.url ?? '';
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — API</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:72rem;margin:0 auto;padding:1rem}
a{color:#0059b3}code{font-family:ui-monospace,monospace;background:#f2f2f2;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #b3b3b3;padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{background:#e6ecf2}
section section{border-top:1px solid #d9d9d9;margin-top:1.5rem}.method{display:inline-block;min-width:3.5em;background:#003366;color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em}
</style></head>
<body><header><h1>${escapeHtml(document.info.title)}: le API</h1><p>${prose(document.info.description)}</p>
<p>Indirizzo di base: <code>${escapeHtml(server)}</code>. Versione ${escapeHtml(document.info.version)}. Il documento OpenAPI 3.1, per i programmi: <a href="${escapeHtml(jsonUrl)}">openapi.json</a>.</p></header>
<main><nav aria-label="Operazioni"><h2>Operazioni</h2><ul>${index}</ul></nav>${groups}<section aria-labelledby="schemas"><h2 id="schemas">Oggetti</h2>${schemas}</section></main></body></html>
`;
}
