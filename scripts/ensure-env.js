#!/usr/bin/env node
'use strict';
/**
 * Creates `.env` from `.env.example` on first run and fills every empty secret with a fresh random
 * value, so that nobody has to edit a file before the first start. Existing values are kept.
 */
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const random = () => randomBytes(24).toString('base64');
const secretValue = (name) => (name === 'APP_KEYS' ? [random(), random(), random(), random()].join(',') : random());

function ensureEnv(root = process.cwd()) {
  const envPath = path.join(root, '.env');
  const examplePath = path.join(root, '.env.example');
  const created = !fs.existsSync(envPath);
  let text = created ? fs.readFileSync(examplePath, 'utf8') : fs.readFileSync(envPath, 'utf8');
  const generated = [];

  for (const name of SECRETS) {
    const line = new RegExp(`^${name}=(.*)$`, 'm');
    const match = line.exec(text);
    if (match && match[1].trim() !== '') continue;
    const entry = `${name}=${secretValue(name)}`;
    text = match ? text.replace(line, entry) : `${text.replace(/\n?$/, '\n')}${entry}\n`;
    generated.push(name);
  }

  if (created || generated.length > 0) {
    fs.writeFileSync(envPath, text, { mode: 0o600 });
    console.log(created ? `Created .env with new secrets (${generated.join(', ')}).` : `Added secrets to .env: ${generated.join(', ')}.`);
  }
  return { created, generated };
}

if (require.main === module) ensureEnv();

module.exports = { ensureEnv, SECRETS, secretValue };
