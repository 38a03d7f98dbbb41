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

/** Launches headless Chromium with flags that keep it off the network; `lang` sets the browser's own language (file and date pickers). */
export async function launchChromium(executablePath: string, options: { lang?: string } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    // Headless Chromium on Linux takes its UI language from LANGUAGE (needs Debian's chromium-l10n; else English).
    ...(options.lang
      ? { env: { ...process.env, LANGUAGE: options.lang.split('-')[0]!, LANG: `${options.lang.replace('-', '_')}.UTF-8` } }
      : {}),
  });
}
