export { CHROMIUM, launchChromium as launchBrowser } from '../../src/site/browser.ts';
