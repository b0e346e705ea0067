import fs from 'fs';
import path from 'path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the only browser this project tests with (no browser downloads here). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const ARTIFACTS = path.resolve(__dirname, '../artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Where screenshots go, kept by CI as test artifacts. */
export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
