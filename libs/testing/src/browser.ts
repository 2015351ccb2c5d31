import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (never a downloaded browser), or undefined when none is installed. */
export const chromiumPath = (): string | undefined => CANDIDATES.find((path) => path && existsSync(path));

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
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
    ],
  });
}

/**
 * Browser suites run when Chromium is installed, and always in CI (where a missing
 * browser is a failure, not a skip).
 */
export const describeInBrowser: jest.Describe =
  chromiumPath() || process.env.CI ? describe : (describe.skip as jest.Describe);
