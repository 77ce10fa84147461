export { CHROMIUM, launchChromium as launchBrowser } from '../../src/pipeline/browser.ts';
