import type { Browser } from 'playwright-core';
import { CHROMIUM } from './chromium-path.ts';

export { CHROMIUM };

/** Flags a closed network needs: no sandbox as root, no background connections that would be refused. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts headless Chromium with those flags. Playwright is loaded only then: a build with every diagram drawn already never pays for it. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
