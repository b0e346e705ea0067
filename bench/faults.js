#!/usr/bin/env node
'use strict';
/**
 * bench/faults: the real server on PostgreSQL under load and faults (issue 11, "Load and faults").
 * Each scenario prints its figures and one PASS or FAIL line; the exit code is 1 when one fails.
 *
 *   node bench/faults.js [--scenario load,smtp-down,graph-down,kill] [--clients N] [--seconds S]
 *                        [--photo-share 0.5] [--graph-minutes 5] [--timeout-s 120] [--port 1411] [--env NAME=VALUE ...]
 *
 *   load        N citizens (200) submit for S seconds (60), half of them with a 2 MB photo.
 *   smtp-down   N citizens (50) submit S seconds (30) with SMTP up, then S seconds with SMTP down; SMTP comes back.
 *   graph-down  WhatsApp senders (N, 40) write while the Graph API fails for --graph-minutes; it comes back.
 *   kill        two servers on one database share N citizens (100) for S seconds (60); one gets kill -9 halfway
 *               (SMTP takes --smtp-delay-ms, 2000, a mail, so that it dies with mails half sent; the outbox's
 *               claim timeout is --claim-timeout-s, 60).
 *
 * "Lost": a 201 whose report is missing, or a report whose office mail or receipt never arrives.
 * A request that got no answer (timeout, connection reset) is "unknown": its report must be absent or complete.
 * Mails are told apart by Message-ID: a copy with the same one is the same mail sent again after a crash
 * (SMTP cannot tell a sender that died after the server took the mail), counted as `copiesResent`.
 * `--env` adds to the servers' environment (e.g. a rate limit this bench must lift).
 */
const os = require('os');
const { startMailReceiver } = require('../scripts/lib/mail-receiver');
const { auditSubmissions, marked, orphanFiles, outboxState, reportsOf, settled } = require('./lib/audit');
const { noisePhoto, registerCitizens } = require('./lib/citizens');
const { deliver, startGraphApi, waDelivery, waMessage, whatsappEnv } = require('./lib/meta');
const { compile, connect, freshDatabase, percentile, startServer, uploadsNow, uploadsSince } = require('./lib/server');

const argv = process.argv.slice(2);
const flag = (name) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const number = (name, fallback) => (flag(name) === undefined ? fallback : Number(flag(name)));
const EXTRA_ENV = Object.fromEntries(argv.flatMap((value, index) => (argv[index - 1] === '--env' ? [value.split(/=(.*)/s).slice(0, 2)] : [])));
const TIMEOUT_MS = number('timeout-s', 120) * 1000;
const PHOTO_SHARE = number('photo-share', 0.5);
const OFFICE = 'urp@comune.example.it';
const PORT = number('port', 1411);

/** The outbox tuned for a bench: polls each second, retries after 1 s doubling, rides out a long outage. */
const OUTBOX_ENV = { NOTIFICATION_POLL_MS: '1000', NOTIFICATION_RETRY_BASE_MS: '1000', NOTIFICATION_MAX_ATTEMPTS: '20', URP_EMAIL: OFFICE };

const TITLES = ['Buca in via Italia', 'Cassonetto rotto in piazza', 'Cartello stradale piegato', 'Lampione spento', 'Rami caduti nel parco'];
const CATEGORIES = ['dissesto-stradale', 'rifiuti', 'segnaletica', 'vandalismo-incuria', 'zone-verdi'];

const fmt = (ms) => (ms === undefined ? '     -' : `${(ms / 1000).toFixed(2).padStart(6)} s`);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function latencyLine(label, attempts) {
  const ms = attempts.filter((attempt) => attempt.status === 201).map((attempt) => attempt.ms);
  return `${label.padEnd(22)} n=${String(ms.length).padStart(5)}  p50 ${fmt(percentile(ms, 50))}  p90 ${fmt(percentile(ms, 90))}  p99 ${fmt(percentile(ms, 99))}  max ${fmt(ms.length ? Math.max(...ms) : undefined)}`;
}

/** Numbers every submission of the process, so that each report's marker names one attempt. */
let submissions = 0;

/** One web submission; never throws: what came back (or did not) is in the attempt. */
async function submitOne(url, citizen, client, k, photo) {
  const marker = `${client}-${submissions++}`;
  const form = new FormData();
  form.append(
    'data',
    JSON.stringify({
      title: `${TITLES[k % TITLES.length]} ${marker}`,
      description: `Segnalazione di prova ${marked(marker)}: il problema è visibile dalla strada e crea disagio ai passanti.`,
      category: CATEGORIES[(client + k) % CATEGORIES.length],
      address: `Via Roma ${k % 120}, Biella`,
      latitude: 45.56 + (k % 10) / 1000,
      longitude: 8.05 + (client % 10) / 1000,
    }),
  );
  if (photo) form.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'foto.jpg');
  const attempt = { marker, client, url, photo: Boolean(photo), startedAt: Date.now() };
  try {
    const response = await fetch(`${url}/api/segnalazioni/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${citizen.jwt}` },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = /** @type {{ data?: { documentId?: string }; error?: { message?: string } } | null} */ (await response.json().catch(() => null));
    Object.assign(attempt, { status: response.status, documentId: body?.data?.documentId, error: body?.error?.message });
  } catch (caught) {
    // fetch fails with an Error: a TimeoutError from the signal, or a TypeError whose cause has the socket's code.
    const error = /** @type {Error & { cause?: { code?: string } }} */ (caught);
    attempt.status = error.name === 'TimeoutError' ? 'timeout' : 'network';
    attempt.error = error.cause?.code ?? error.message;
  }
  attempt.ms = Date.now() - attempt.startedAt;
  return attempt;
}

/**
 * Every citizen submits again as soon as answered, for `seconds`; the first of them (PHOTO_SHARE,
 * half unless told) always with the photo. `target(client)` says which server a citizen's next request goes to.
 */
async function submitFor({ citizens, photo, seconds, target }) {
  const attempts = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    citizens.map(async (citizen, client) => {
      for (let k = 0; Date.now() < deadline; k++) {
        attempts.push(await submitOne(target(client), citizen, client, k, client < citizens.length * PHOTO_SHARE ? photo : null));
      }
    }),
  );
  return { attempts, seconds: (Date.now() - started) / 1000 };
}

function printRun(label, { attempts, seconds }) {
  const answered = attempts.filter((attempt) => attempt.status === 201).length;
  console.log(
    `${label}: ${attempts.length} submissions in ${seconds.toFixed(1)} s (the last answered after the window), ${answered} answered 201, ${(answered / seconds).toFixed(1)} reports/s`,
  );
  console.log(`  ${latencyLine('all', attempts)}`);
  console.log(
    `  ${latencyLine(
      'with a 2 MB photo',
      attempts.filter((attempt) => attempt.photo),
    )}`,
  );
  console.log(
    `  ${latencyLine(
      'text only',
      attempts.filter((attempt) => !attempt.photo),
    )}`,
  );
}

/** Audits the web submissions once the outbox is done, prints the figures, and says PASS or FAIL. */
/**
 * @param {string} name
 * @param {any} stack
 * @param {any[]} citizens
 * @param {any[]} attempts
 * @param {{ drainMs?: number; extra?: string[] }} [options]
 */
async function verdict(name, { db, mailbox, uploads }, citizens, attempts, { drainMs = 600000, extra = [] } = {}) {
  const drain = await settled(db, drainMs);
  await sleep(1500);
  const audit = auditSubmissions({ attempts, reports: await reportsOf(db), mails: mailbox.messages, office: OFFICE, citizens });
  const outbox = await outboxState(db);
  const orphans = await orphanFiles(db);
  const { unrecorded } = await uploads();
  console.log(
    `outbox drained ${drain.timedOut ? 'NOT within' : 'in'} ${(drain.ms / 1000).toFixed(1)} s after the load; rows by status: ${JSON.stringify(outbox)}`,
  );
  console.log(`accounting: ${JSON.stringify(audit.figures)}`);
  if (Object.keys(audit.statuses).length) console.log(`answers other than 201: ${JSON.stringify(audit.statuses)}`);
  console.log(`uploaded files no photo points to: ${orphans}; files in public/uploads the database does not know: ${unrecorded.length}`);
  const problems = [
    ...audit.problems,
    ...(drain.timedOut ? ['outbox not drained'] : []),
    ...(outbox.failed ? [`${outbox.failed.count} notifications failed`] : []),
    ...(orphans ? [`${orphans} uploaded files left without a photo`] : []),
    ...(unrecorded.length ? [`${unrecorded.length} files left in public/uploads unknown to the database`] : []),
    ...extra,
  ];
  console.log(`${problems.length ? 'FAIL' : 'PASS'} ${name}${problems.length ? `: ${problems.join(', ')}` : ''}  (load average now ${load()})\n`);
  return problems.length === 0;
}

/** A fresh database, an SMTP receiver and the servers asked for; `work` runs with them, all is removed after. */
async function withStack(name, { servers = 1, env = {}, smtpDelayMs = 0, quiet = false }, work) {
  const database = `sportello_bench_faults_${name.replace(/-/g, '_')}`;
  const fresh = await freshDatabase(database);
  const mailbox = await startMailReceiver({ maxMessages: 1_000_000, delayMs: smtpDelayMs });
  const started = [];
  const db = await connect(database);
  const before = await uploadsNow();
  const uploads = () => uploadsSince(database, before);
  try {
    for (let index = 0; index < servers; index++) {
      started.push(await startServer({ database, smtpPort: mailbox.port, port: PORT + index, env: { ...OUTBOX_ENV, ...env, ...EXTRA_ENV }, quiet }));
    }
    return await work({ db, mailbox, uploads, servers: started });
  } finally {
    await Promise.all(started.map((server) => server.stop()));
    await db.end();
    await uploads()
      .then((written) => written.remove())
      .catch((error) => console.error(`could not remove the uploads: ${error.message}`));
    await mailbox.close();
    await fresh.drop();
  }
}

const SCENARIOS = {
  async load({ photo }) {
    const clients = number('clients', 200);
    const seconds = number('seconds', 60);
    return withStack('load', {}, async (stack) => {
      const {
        mailbox,
        servers: [server],
      } = stack;
      const citizens = await registerCitizens(server.url, mailbox, clients);
      console.log(
        `${clients} citizens registered; ${Math.ceil(clients * PHOTO_SHARE)} send a ${(photo.length / 1e6).toFixed(2)} MB photo with each report; client timeout ${TIMEOUT_MS / 1000} s`,
      );
      const run = await submitFor({ citizens, photo, seconds, target: () => server.url });
      printRun(`${clients} citizens at once for ${seconds} s`, run);
      return verdict('load', stack, citizens, run.attempts);
    });
  },

  async 'smtp-down'({ photo }) {
    const clients = number('clients', 50);
    const seconds = number('seconds', 30);
    return withStack('smtp-down', {}, async (stack) => {
      const {
        db,
        mailbox,
        servers: [server],
      } = stack;
      const citizens = await registerCitizens(server.url, mailbox, clients);
      const up = await submitFor({ citizens, photo, seconds, target: () => server.url });
      printRun(`SMTP up, ${clients} citizens for ${seconds} s`, up);
      await settled(db, 600000);
      await mailbox.pause();
      const before = mailbox.messages.length;
      const down = await submitFor({ citizens, photo, seconds, target: () => server.url });
      printRun(`SMTP down, ${clients} citizens for ${seconds} s`, down);
      const waiting = await outboxState(db);
      const arrivedWhileDown = mailbox.messages.length - before;
      console.log(`while SMTP was down: ${arrivedWhileDown} mails arrived, outbox ${JSON.stringify(waiting)}`);
      await mailbox.resume();
      const ratio =
        percentile(
          down.attempts.filter((a) => a.status === 201).map((a) => a.ms),
          50,
        ) /
        percentile(
          up.attempts.filter((a) => a.status === 201).map((a) => a.ms),
          50,
        );
      console.log(`p50 with SMTP down / p50 with SMTP up: ${ratio.toFixed(2)}`);
      const extra = [
        ...(arrivedWhileDown > 0 ? ['mail arrived while SMTP was down'] : []),
        ...(down.attempts.some((a) => a.status !== 201) ? ['a submission failed while SMTP was down'] : []),
      ];
      return verdict('smtp-down', stack, citizens, [...up.attempts, ...down.attempts], { extra });
    });
  },

  async 'graph-down'() {
    const senders = number('clients', 40);
    const outageMs = number('graph-minutes', 5) * 60000;
    const graph = await startGraphApi();
    const image = await noisePhoto(800, 600);
    try {
      return await withStack('graph-down', { env: whatsappEnv(graph.url), quiet: true }, async ({ db, servers: [server] }) => {
        graph.setFailing(true);
        let failedCalls = 0;
        let outageEndedAt = 0;
        const outage = sleep(outageMs).then(() => {
          failedCalls = graph.requests.filter((request) => request.status !== 200).length;
          graph.setFailing(false);
          outageEndedAt = Date.now();
        });
        const redeliveries = { answered5xx: 0, duplicatesSent: 0 };
        /** Meta's side: delivers until answered 200 (it retries for days), and now and then delivers twice. */
        const deliverAsMeta = async (payload) => {
          for (;;) {
            const response = await deliver(server.url, payload).catch(() => null);
            if (response?.status === 200) break;
            redeliveries.answered5xx += 1;
            await sleep(3000);
          }
          if (Math.random() < 0.1) {
            redeliveries.duplicatesSent += 1;
            await deliver(server.url, payload);
          }
        };
        const numbers = Array.from({ length: senders }, (_, index) => `39333${String(1000000 + index)}`);
        await Promise.all(
          numbers.map(async (from, index) => {
            // Spread over the first half of the outage: a text, a place, and for one in four a photo.
            await sleep(Math.random() * (outageMs / 2));
            await deliverAsMeta(
              waDelivery([waMessage.text(`wamid.IN${index}a`, from, `Buca profonda in via Italia ${index}, pericolosa per le bici`, new Date())]),
            );
            await deliverAsMeta(
              waDelivery([waMessage.location(`wamid.IN${index}b`, from, new Date(), 45.56 + index / 10000, 8.05, undefined, `Via Italia ${index}, Biella`)]),
            );
            if (index % 4 === 0) {
              graph.addMedia(`media${index}`, image, 'image/jpeg');
              await deliverAsMeta(waDelivery([waMessage.image(`wamid.IN${index}c`, from, `media${index}`, new Date(), 'la foto')]));
            }
          }),
        );
        await outage;
        console.log(
          `Graph API failed for ${(outageMs / 60000).toFixed(1)} min: ${failedCalls} calls answered with Meta's outage errors; webhook answered non-200 ${redeliveries.answered5xx} times (Meta delivers again), ${redeliveries.duplicatesSent} deliveries sent twice; the server logged ${server.errorsLogged()} errors`,
        );
        const drain = await settled(db, 900000);
        const drainedAfterMs = Date.now() - outageEndedAt;
        const { rows: reports } = await db.query(
          `SELECT r.reference, r.contact, (SELECT count(*) FROM segnalazioni_photos_report_lnk l WHERE l.report_id = r.id)::int AS photos FROM segnalazioni_reports r WHERE r.channel = 'whatsapp'`,
        );
        const sent = graph.whatsappSent();
        const receipts = (report) => sent.filter((message) => message.to === report.contact && message.text.includes(report.reference)).length;
        const figures = {
          senders,
          reports: reports.length,
          reportsWithPhoto: reports.filter((report) => report.photos > 0).length,
          answersAccepted: sent.length,
          receiptsOnce: reports.filter((report) => receipts(report) === 1).length,
          receiptsMissing: reports.filter((report) => receipts(report) === 0).length,
          receiptsTwice: reports.filter((report) => receipts(report) > 1).length,
          sendersWithoutReport: numbers.filter((from) => !reports.some((report) => report.contact === from)).length,
          sendersWithTwoReports: numbers.filter((from) => reports.filter((report) => report.contact === from).length > 1).length,
        };
        const outbox = await outboxState(db);
        console.log(
          `outbox drained ${drain.timedOut ? 'NOT within' : 'in'} ${(drainedAfterMs / 1000).toFixed(1)} s after the Graph API came back; rows by status: ${JSON.stringify(outbox)}`,
        );
        console.log(`accounting: ${JSON.stringify(figures)}`);
        const problems = [
          ...['receiptsMissing', 'receiptsTwice', 'sendersWithoutReport', 'sendersWithTwoReports'].filter((name) => figures[name] > 0),
          ...(figures.answersAccepted !== figures.reports ? ['answers other than one receipt per report'] : []),
          ...(figures.reportsWithPhoto !== Math.ceil(senders / 4) ? ['a photo is missing'] : []),
          ...(drain.timedOut ? ['outbox not drained'] : []),
          ...(outbox.failed ? [`${outbox.failed.count} notifications failed`] : []),
        ];
        console.log(`${problems.length ? 'FAIL' : 'PASS'} graph-down${problems.length ? `: ${problems.join(', ')}` : ''}  (load average now ${load()})\n`);
        return problems.length === 0;
      });
    } finally {
      await graph.close();
    }
  },

  async kill({ photo }) {
    const clients = number('clients', 100);
    const seconds = number('seconds', 60);
    // Short, so that the bench sees the takeover, but longer than a send takes on a loaded machine.
    const claimTimeoutMs = number('claim-timeout-s', 60) * 1000;
    // SMTP takes a while per mail, so that the killed server has mails half sent.
    const smtpDelayMs = number('smtp-delay-ms', 2000);
    return withStack('kill', { servers: 2, smtpDelayMs, env: { NOTIFICATION_CLAIM_TIMEOUT_MS: String(claimTimeoutMs) } }, async (stack) => {
      const {
        db,
        mailbox,
        servers: [survivor, victim],
      } = stack;
      const citizens = await registerCitizens(survivor.url, mailbox, clients);
      let killedAt = null;
      // A load balancer: each citizen on one of the two servers; once one is gone, everybody on the other.
      const target = (client) => (client % 2 === 1 && killedAt === null ? victim.url : survivor.url);
      const started = Date.now();
      // Halfway, at a moment when mails are being sent (one of them, likely, by the server about to die).
      const killing = sleep((seconds * 1000) / 2).then(async () => {
        let rows = [];
        for (let tries = 0; tries < seconds * 2; tries++) {
          rows = (await db.query(`SELECT status, count(*)::int AS n FROM segnalazioni_notifications GROUP BY status`)).rows;
          if (rows.some((row) => row.status === 'sending')) break;
          await sleep(250);
        }
        killedAt = Date.now();
        await victim.kill();
        console.log(
          `kill -9 of the server on ${victim.url} (pid ${victim.pid}) at ${((killedAt - started) / 1000).toFixed(1)} s; outbox just before: ${JSON.stringify(Object.fromEntries(rows.map((row) => [row.status, row.n])))}`,
        );
      });
      const run = await submitFor({ citizens, photo, seconds, target });
      await killing;
      printRun(`${clients} citizens on two servers for ${seconds} s`, run);
      const onVictim = run.attempts.filter((attempt) => attempt.url === victim.url);
      console.log(
        `sent to the killed server: ${onVictim.length}, of which without an answer at the kill: ${onVictim.filter((attempt) => typeof attempt.status !== 'number').length}`,
      );
      const passed = await verdict('kill', stack, citizens, run.attempts);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM segnalazioni_notifications WHERE attempts > 1`);
      console.log(
        `notifications sent again after the kill (attempts > 1): ${rows[0].n}; claim timeout ${claimTimeoutMs / 1000} s, SMTP ${smtpDelayMs} ms a mail`,
      );
      return passed;
    });
  },
};

async function main() {
  const chosen = (flag('scenario') ?? Object.keys(SCENARIOS).join(',')).split(',');
  const unknown = chosen.filter((name) => !SCENARIOS[name]);
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; choose among ${Object.keys(SCENARIOS).join(', ')}`);
  compile();
  const photo = await noisePhoto();
  console.log(`\nbench/faults on PostgreSQL; ${os.cpus().length} cores, load average ${load()} (shared with other work), Node ${process.version}\n`);
  const results = [];
  for (const name of chosen) {
    console.log(`── ${name} ──`);
    results.push(await SCENARIOS[name]({ photo }));
  }
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
