import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Paths requested so far (for tests that check what a page loaded). */
  requests: string[];
}

/**
 * Serves `dir` on loopback under `base` (like GitHub Pages serves a project site); with `gzip`,
 * text is compressed for clients that accept it, as Pages does.
 */
export async function serveStatic(dir: string, base = '/', options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('outside base');
      return;
    }
    let path = normalize(join(dir, decodeURIComponent(url.pathname.slice(base.length))));
    if (!path.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      createReadStream(join(dir, '404.html')).pipe(res);
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (options.gzip && /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      createReadStream(path).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
