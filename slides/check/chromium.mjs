// The system's Chromium (Debian: apt-get install -y chromium), driven by playwright-core: no
// browser is downloaded. Headless, offline by construction: every host name fails to resolve.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome'];

function findChromium() {
  const dirs = (process.env.PATH || '').split(':');
  for (const dir of dirs) {
    for (const name of CANDIDATES) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here: try the next place
      }
    }
  }
  throw new Error('Chromium is not installed (Debian: apt-get install -y chromium)');
}

/** A browser and one page of 1920x1080 CSS pixels: the lecture hall's projector. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || findChromium(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      // Chromium's own calls home (updates, sign-in) are not the decks' business: off.
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--no-pings', '--disable-domain-reliability',
      // Every host name fails to resolve: nothing a deck asks for can leave the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND', '--hide-scrollbars',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  return { browser, context, page: await context.newPage() };
}
