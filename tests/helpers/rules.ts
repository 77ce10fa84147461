import { loadRules } from '../../src/pipeline/rules/index.ts';

/** The project's own rules files: tests run the pipeline as users do. */
export const CONTENT_DIR = new URL('../../content/', import.meta.url).pathname;
export const rules = loadRules(CONTENT_DIR);
