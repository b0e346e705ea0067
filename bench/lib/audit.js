'use strict';
/**
 * What a fault benchmark checks after its run, on the database and in what the receivers got:
 * every report accounted for against what its client was answered, complete (photos, history,
 * notifications, one transaction), and every message it causes delivered exactly once.
 */

const MARKER = /\[bench ([0-9]+-[0-9]+)\]/;
const marked = (marker) => `[bench ${marker}]`;

/** Each report with what its transaction should have written beside it. */
async function reportsOf(db) {
  const { rows } = await db.query(`
    SELECT r.id, r.document_id, r.reference, r.description, r.channel, r.contact,
      (SELECT count(*) FROM segnalazioni_photos_report_lnk l WHERE l.report_id = r.id)::int AS photos,
      (SELECT count(*) FROM segnalazioni_photos_report_lnk l JOIN files_related_mph m
         ON m.related_id = l.photo_id AND m.related_type = 'plugin::segnalazioni.photo' WHERE l.report_id = r.id)::int AS photo_files,
      (SELECT count(*) FROM segnalazioni_history_entries_report_lnk l JOIN segnalazioni_history_entries h
         ON h.id = l.history_entry_id WHERE l.report_id = r.id AND h.action = 'submit')::int AS submits,
      (SELECT count(*) FROM segnalazioni_notifications_report_lnk l JOIN segnalazioni_notifications n
         ON n.id = l.notification_id WHERE l.report_id = r.id AND n.template IN ('report-received', 'report-receipt'))::int AS notifications
    FROM segnalazioni_reports r`);
  return rows;
}

/** Uploaded files no photo points to: stored by a request whose transaction never committed. */
async function orphanFiles(db) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM files f WHERE NOT EXISTS (SELECT 1 FROM files_related_mph m WHERE m.file_id = f.id)`);
  return rows[0].n;
}

async function outboxState(db) {
  const { rows } = await db.query(`SELECT status, count(*)::int AS n, max(attempts)::int AS most FROM segnalazioni_notifications GROUP BY status`);
  return Object.fromEntries(rows.map((row) => [row.status, { count: row.n, mostAttempts: row.most }]));
}

/** Waits until the outbox has nothing pending or being sent; resolves with how long that took. */
async function settled(db, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const state = await outboxState(db);
    if (!state.pending && !state.sending) return { ms: Date.now() - started, state };
    if (Date.now() - started > timeoutMs) return { ms: Date.now() - started, state, timedOut: true };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A complete report has its photos (each with its file), its submit entry and both its messages. */
const complete = (row, photos) => row.photos === photos && row.photo_files === photos && row.submits === 1 && row.notifications === 2;

/**
 * Web submissions against their reports and mails. `attempts`: what each client sent and was
 * answered (`status` a number, or 'timeout' / 'network' when no answer came); `citizens[i].email`
 * receives client i's receipts; `office` the office's address.
 */
function auditSubmissions({ attempts, reports, mails, office, citizens }) {
  const byMarker = new Map();
  for (const row of reports) {
    const marker = MARKER.exec(row.description)?.[1];
    if (!marker) continue;
    byMarker.set(marker, [...(byMarker.get(marker) ?? []), row]);
  }
  const count = (predicate) => attempts.filter(predicate).length;
  const rowsOf = (attempt) => byMarker.get(attempt.marker) ?? [];
  const mailsTo = new Map();
  for (const mail of mails) {
    const kind = /^Nuova segnalazione \[/.test(mail.subject) ? 'office' : /^Abbiamo ricevuto la tua segnalazione \[/.test(mail.subject) ? 'receipt' : null;
    const reference = /\[([^\]]+)\]/.exec(mail.subject)?.[1];
    if (!kind || !reference) continue;
    const key = `${kind} ${reference}`;
    mailsTo.set(key, [...(mailsTo.get(key) ?? []), mail]);
  }
  /** Distinct messages (by Message-ID) and copies that reached `to`: a copy again is the same message resent after a crash. */
  const delivered = (kind, reference, to) => {
    const copies = (mailsTo.get(`${kind} ${reference}`) ?? []).filter((mail) => mail.to.includes(to));
    return { messages: new Set(copies.map((mail) => mail.headers['message-id'])).size, copies: copies.length };
  };

  const answered = attempts.filter((attempt) => attempt.status === 201);
  const refused = attempts.filter((attempt) => typeof attempt.status === 'number' && attempt.status !== 201);
  const unknown = attempts.filter((attempt) => typeof attempt.status !== 'number');
  const known = new Set(attempts.map((attempt) => attempt.marker));
  const mailProblems = { officeMissing: 0, officeTwice: 0, receiptMissing: 0, receiptTwice: 0, copiesResent: 0 };
  for (const attempt of attempts) {
    for (const row of rowsOf(attempt)) {
      for (const [kind, to] of [
        ['office', office],
        ['receipt', citizens[attempt.client].email],
      ]) {
        const { messages, copies } = delivered(kind, row.reference, to);
        if (messages === 0) mailProblems[`${kind}Missing`] += 1;
        if (messages > 1) mailProblems[`${kind}Twice`] += 1;
        mailProblems.copiesResent += copies - messages;
      }
    }
  }
  const figures = {
    attempts: attempts.length,
    answered201: answered.length,
    lost201: count((attempt) => attempt.status === 201 && !rowsOf(attempt).some((row) => row.document_id === attempt.documentId)),
    duplicated: [...byMarker.values()].filter((rows) => rows.length > 1).length,
    incomplete: attempts.filter((attempt) => rowsOf(attempt).some((row) => !complete(row, attempt.photo ? 1 : 0))).length,
    refused: refused.length,
    refusedButStored: count((attempt) => typeof attempt.status === 'number' && attempt.status !== 201 && rowsOf(attempt).length > 0),
    unknown: unknown.length,
    unknownAbsent: count((attempt) => typeof attempt.status !== 'number' && rowsOf(attempt).length === 0),
    unknownComplete: count((attempt) => typeof attempt.status !== 'number' && rowsOf(attempt).length === 1),
    strayReports: [...byMarker.keys()].filter((marker) => !known.has(marker)).length,
    ...mailProblems,
  };
  const statuses = {};
  for (const attempt of refused.concat(unknown)) statuses[attempt.status] = (statuses[attempt.status] ?? 0) + 1;
  const problems = [
    'lost201',
    'duplicated',
    'incomplete',
    'refusedButStored',
    'strayReports',
    'officeMissing',
    'officeTwice',
    'receiptMissing',
    'receiptTwice',
  ].filter((name) => figures[name] > 0);
  return { figures, statuses, problems };
}

module.exports = { auditSubmissions, complete, marked, orphanFiles, outboxState, reportsOf, settled };
