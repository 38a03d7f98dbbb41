/**
 * Launches Debian's Chromium headless through playwright-core (no browser download), or reports why not.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of the system Chromium, if installed. */
export function chromiumPath(): string | undefined {
  return candidates.find((path) => existsSync(path));
}

/** Launches headless Chromium with flags that keep it off the network. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
