import { escapeHtml } from '../../common/domain/html';
import type { Locale } from '../../common/domain/messages';

/**
 * The HTML part of a mail, made from its text part so that the two always say the same: the
 * municipality's letterhead, the paragraphs, a block of "Label: value" lines as a table of facts, a
 * "Label: link" line as a button, and the signature. Only the links the mail's data carries as ours
 * become links: an address a citizen typed in a title stays text, so that no button of an official
 * mail leads anywhere else. Inline styles and layout tables, as mail programs need.
 */

export interface Letterhead {
  /** The municipality's name, in subjects, the header and the signature. */
  readonly municipality: string;
  /** The absolute address of its logo, atop the HTML part; empty: the name alone. */
  readonly logoUrl: string;
}

export interface MailLayout {
  readonly locale: Locale;
  readonly subject: string;
  readonly letterhead: Letterhead;
  /** The links of the mail's data: the only addresses that become links and buttons. */
  readonly links: ReadonlySet<string>;
  /** The signature's lines, the same as the text part's. */
  readonly signature: readonly string[];
}

const FONT = "'Titillium Web',Geneva,Tahoma,sans-serif";
const PRIMARY = '#0066cc';
const TEXT = '#1a1a1a';
const MUTED = '#5d7083';

/** A line of facts: a short label, a colon, a value. */
const FACT = /^([^:\n]{1,40}): (.+)$/;
/** A line that is a link with its label: shown as a button. */
const BUTTON = /^([^:\n]{1,60}): (https?:\/\/\S+)$/;
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/** A line of text, escaped, with our links linked and any other address left as text. */
function inline(line: string, links: ReadonlySet<string>): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    html += escapeHtml(line.slice(last, match.index));
    html += links.has(url) ? `<a href="${escapeHtml(url)}" style="color:${PRIMARY}">${escapeHtml(url)}</a>` : escapeHtml(url);
    last = match.index + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

const button = (label: string, url: string) =>
  `<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 18px;background:${PRIMARY};color:#ffffff;border-radius:4px;font-weight:600;text-decoration:none">${escapeHtml(label)}</a>`;

function factsTable(lines: readonly string[]): string {
  const rows = lines.map((line) => {
    const [, label, value] = FACT.exec(line) as RegExpExecArray;
    return `<tr><th scope="row" style="padding:4px 12px 4px 0;text-align:left;vertical-align:top;font-weight:600;color:${MUTED};white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0;vertical-align:top">${escapeHtml(value)}</td></tr>`;
  });
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-left:4px solid ${PRIMARY};padding-left:12px;font-size:15px">${rows.join('')}</table>`;
}

/** A paragraph of the text part: facts, or text and buttons in their order. */
function block(paragraph: string, links: ReadonlySet<string>): string {
  const lines = paragraph.split('\n');
  const isFact = (line: string) => FACT.test(line) && !/https?:\/\//.test(line);
  if (lines.length >= 2 && lines.every(isFact)) return factsTable(lines);
  const parts: string[] = [];
  let text: string[] = [];
  let buttons: string[] = [];
  const flush = () => {
    if (text.length) parts.push(`<p style="margin:0 0 16px">${text.join('<br>')}</p>`);
    if (buttons.length) parts.push(`<p style="margin:0 0 8px">${buttons.join('')}</p>`);
    text = [];
    buttons = [];
  };
  for (const line of lines) {
    const link = BUTTON.exec(line);
    if (link && links.has(link[2])) {
      if (text.length) flush();
      buttons.push(button(link[1], link[2]));
    } else {
      if (buttons.length) flush();
      text.push(inline(line, links));
    }
  }
  flush();
  return parts.join('\n');
}

/** The addresses in the values of a mail's links, one or several per value (a list of photos). */
export function linksIn(values: readonly (string | number | null | undefined)[]): Set<string> {
  return new Set(values.flatMap((value) => [...String(value ?? '').matchAll(URL_IN_TEXT)].map((match) => match[0])));
}

export function mailHtml(text: string, { locale, subject, letterhead, links, signature }: MailLayout): string {
  const body = text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => block(paragraph, links))
    .join('\n');
  const name = escapeHtml(letterhead.municipality);
  const logo = letterhead.logoUrl
    ? `<img src="${escapeHtml(letterhead.logoUrl)}" alt="" height="48" style="display:block;height:48px;width:auto;margin:0 0 8px;border:0">`
    : '';
  const signed = signature.map((line) => inline(line, links)).join('<br>');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f2f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:4px;font-family:${FONT};color:${TEXT}">
<tr><td style="background:${PRIMARY};padding:16px 24px;color:#ffffff;border-radius:4px 4px 0 0">${logo}<div style="font-size:20px;font-weight:700">${name}</div><div style="font-size:14px">Sportello Segnalazioni</div></td></tr>
<tr><td style="padding:24px 24px 8px;font-size:16px;line-height:1.5">
${body}
</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #d9dadb;font-size:14px;line-height:1.5;color:${MUTED}">${signed}</td></tr>
</table>
</td></tr></table>
</body></html>
`;
}
