#!/usr/bin/env node
'use strict';
/**
 * The local mail catcher: every mail the system sends, readable in a browser, with no SMTP account.
 * SMTP on MAIL_CATCHER_SMTP_PORT (1025), web on MAIL_CATCHER_WEB_PORT (1080), loopback only.
 */
const http = require('http');
const { startMailReceiver } = require('./lib/mail-receiver');
const { portOf } = require('./lib/port');

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const page = (title, body, refresh = false) => `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f5f6f7}
header{background:#06c;color:#fff;padding:1rem 1.5rem}header h1{margin:0;font-size:1.25rem}
main{padding:1rem 1.5rem;max-width:70rem}table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.5rem .75rem;border-bottom:1px solid #dde}a{color:#0047a3}
.meta{background:#fff;padding:1rem;margin-bottom:1rem}iframe{width:100%;height:70vh;border:1px solid #dde;background:#fff}
pre{white-space:pre-wrap;background:#fff;padding:1rem}
</style></head><body><header><h1>Posta in uscita di Sportello Segnalazioni</h1></header><main>${body}</main></body></html>`;

function listPage(messages) {
  if (messages.length === 0) return page('Posta ricevuta', '<p>Nessuna mail ancora. La pagina si aggiorna da sola.</p>', true);
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<tr><td>${m.receivedAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}</td>
<td>${escapeHtml(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(senza oggetto)')}</a></td></tr>`,
    )
    .join('');
  return page(
    'Posta ricevuta',
    `<p>${messages.length} mail. La pagina si aggiorna ogni 5 secondi.</p>
<table><thead><tr><th>Ricevuta</th><th>A</th><th>Oggetto</th></tr></thead><tbody>${rows}</tbody></table>`,
    true,
  );
}

function messagePage(m) {
  const content = m.html ? `<iframe sandbox title="Testo della mail" srcdoc="${escapeHtml(m.html)}"></iframe>` : `<pre>${escapeHtml(m.text)}</pre>`;
  return page(
    m.subject,
    `<p><a href="/">← Tutta la posta</a></p><div class="meta"><strong>${escapeHtml(m.subject)}</strong><br>
Da: ${escapeHtml(m.from)}<br>A: ${escapeHtml(m.to.join(', '))}<br>Ricevuta: ${m.receivedAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}</div>
${content}${m.html ? `<h2>Testo semplice</h2><pre>${escapeHtml(m.text)}</pre>` : ''}`,
  );
}

async function startMailCatcher({ smtpPort = 1025, webPort = 1080, host = '127.0.0.1' } = {}) {
  const receiver = await startMailReceiver({ host, port: smtpPort });
  const web = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html', listPage(receiver.messages));
    if (url.pathname === '/api/messages') return send(200, 'application/json', JSON.stringify(receiver.messages));
    const match = /^\/messages\/(\d+)$/.exec(url.pathname);
    const message = match && receiver.messages.find((m) => m.id === Number(match[1]));
    if (message) return send(200, 'text/html', messagePage(message));
    return send(404, 'text/html', page('Non trovata', '<p>Mail non trovata. <a href="/">Tutta la posta</a></p>'));
  });
  await new Promise((resolve, reject) => {
    web.once('error', reject);
    web.listen(webPort, host, () => resolve(undefined));
  });
  return {
    url: `http://localhost:${portOf(web)}`,
    smtpPort: receiver.port,
    async close() {
      await new Promise((resolve) => web.close(resolve));
      await receiver.close();
    },
  };
}

if (require.main === module) {
  const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025);
  const webPort = Number(process.env.MAIL_CATCHER_WEB_PORT || 1080);
  startMailCatcher({ smtpPort, webPort }).then(
    (catcher) => console.log(`Mail catcher: SMTP on 127.0.0.1:${catcher.smtpPort}, mails at ${catcher.url}`),
    (error) => {
      console.error(`Mail catcher could not start: ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { startMailCatcher };
