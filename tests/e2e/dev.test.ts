import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { projectCopy } from '../helpers/project-copy.ts';

const PORT = 4391;
let project: string;
let server: ChildProcess;
let browser: Browser;
let log = '';

beforeAll(async () => {
  project = projectCopy(join(FIXTURES, 'stability/sources'));
  // The server runs as a user starts it: without the test runner's variables (Astro reads VITEST and NODE_ENV).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$|MODE$)/.test(k)));
  server = spawn('npm', ['run', 'dev'], { cwd: project, env: { ...env, PORT: String(PORT), ASTRO_TELEMETRY_DISABLED: '1' }, detached: true });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const started = Date.now();
  while (!log.includes('[handbook] watching')) {
    if (Date.now() - started > 120_000) throw new Error(`npm run dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(project, { recursive: true, force: true });
});

/** Loads a URL of the dev server until its main text contains `text`. */
async function waitForText(path: string, text: string): Promise<number> {
  const page = await browser.newPage();
  const started = Date.now();
  try {
    for (;;) {
      const response = await page.goto(`http://localhost:${PORT}${path}`).catch(() => null);
      const body = response?.ok() ? await page.locator('main').textContent().catch(() => '') : '';
      if (body?.includes(text)) return Date.now() - started;
      if (Date.now() - started > 60_000) throw new Error(`${path} never showed «${text}»; last status ${response?.status()}\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await page.close();
  }
}

describe('npm run dev: notes added and edited while the server runs', () => {
  it('a dropped note becomes a page, and an edit shows up, with no restart by hand', async () => {
    await waitForText('/components/etcd/', '版本号实现多版本并发控制');
    const note = join(project, 'content/sources/helm.md');
    writeFileSync(note, '# Helm\n\nHelm 是 Kubernetes 的包管理工具，用 Chart 描述一组资源，一条命令就能安装和升级应用。\n');
    const added = await waitForText('/ecosystem/helm/', '包管理工具');
    writeFileSync(note, '# Helm\n\nHelm 是 Kubernetes 的软件包管理器，用 Chart 描述一组资源，一条命令就能安装和回滚应用。\n');
    const edited = await waitForText('/ecosystem/helm/', '软件包管理器');
    console.log(`npm run dev: new note served after ${added} ms, edit after ${edited} ms`);
    expect(log).toMatch(/\[handbook\] note helm\.md: ingested in \d+\.\d+ s/);
    writeFileSync(join(project, 'content/sources/broken.md'), Buffer.from([0, 1, 2, 3]));
    await expect.poll(() => log, { timeout: 20_000 }).toMatch(/\[handbook\] ✗ broken\.md: the file looks binary/);
    await waitForText('/components/etcd/', '版本号实现多版本并发控制');
    // A removed note's page is gone: its URL answers 404, the rest still serves.
    rmSync(note);
    await expect.poll(async () => (await fetch(`http://localhost:${PORT}/ecosystem/helm/`)).status, { timeout: 30_000, interval: 500 }).toBe(404);
    await waitForText('/components/etcd/', '版本号实现多版本并发控制');
  });
});
