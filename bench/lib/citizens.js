'use strict';
// Citizens and their photos for the benchmarks: registered, confirmed and logged in through the real API.
const sharp = require('sharp');

const PASSWORD = 'Password123!';

/** A JPEG of `width`×`height` random noise: it compresses badly, as a real phone photo of gravel does (1900×1425 ≈ 2 MB). */
function noisePhoto(width = 1900, height = 1425) {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (Math.random() * 256) | 0;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

const postJson = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Runs `work` on every item, at most `limit` at once. */
async function inBatches(items, limit, work) {
  const results = [];
  for (let start = 0; start < items.length; start += limit) results.push(...(await Promise.all(items.slice(start, start + limit).map(work))));
  return results;
}

/**
 * Registers `count` citizens, confirms each through the link of its mail, logs each in.
 * @returns {Promise<{ email: string, jwt: string }[]>} in the order of their numbers
 */
async function registerCitizens(url, mailbox, count) {
  const numbers = Array.from({ length: count }, (_, index) => index);
  await inBatches(numbers, 20, async (index) => {
    const response = await postJson(`${url}/api/auth/local/register`, {
      username: `bench${index}`,
      email: `bench${index}@example.it`,
      password: PASSWORD,
      firstName: 'Bench',
      lastName: String(index),
    });
    if (!response.ok) throw new Error(`register: ${response.status} ${await response.text()}`);
  });
  const isConfirmation = (mail) => /registrazione/i.test(mail.subject);
  const deadline = Date.now() + 300000;
  let mails = await mailbox.waitFor(isConfirmation, { count, timeoutMs: 300000 });
  // A copy sent twice counts twice: wait until every citizen has one.
  while (new Set(mails.map((mail) => mail.to[0])).size < count) {
    mails = await mailbox.waitFor(isConfirmation, { count: mails.length + 1, timeoutMs: Math.max(0, deadline - Date.now()) });
  }
  if (mails.length > count) console.log(`registration: ${mails.length - count} confirmation mails arrived twice`);
  const links = new Map(
    mails.map((mail) => {
      const link = /https?:\/\/\S+email-confirmation\?confirmation=[0-9a-f]+/.exec(mail.text);
      if (!link) throw new Error(`registration: no confirmation link in the mail to ${mail.to[0]}`);
      return [mail.to[0], link[0]];
    }),
  );
  return inBatches(numbers, 10, async (index) => {
    const email = `bench${index}@example.it`;
    await fetch(links.get(email), { redirect: 'manual' });
    const login = await postJson(`${url}/api/auth/local`, { identifier: email, password: PASSWORD });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    return { email, jwt: /** @type {{ jwt: string }} */ (await login.json()).jwt };
  });
}

module.exports = { noisePhoto, registerCitizens };
