/** Debian's Chromium unless CHROMIUM_PATH says otherwise; no browser is ever downloaded. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
