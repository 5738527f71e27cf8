// Launches Debian's Chromium through playwright-core (no browser download needed).
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {{ headless?: boolean }} options */
export function launchChromium({ headless = true } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless, args: ARGS });
}
