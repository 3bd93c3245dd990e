import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoResponse, MEDIA_HOSTS, SITE_HOSTS, type DemoFeedOptions } from './demo-feeds';
import { REACT_DEMO_SCRIPT_PATH, reactDemoBundle } from './demo-react/bundle';

/**
 * HTTPS server for the e2e tests and `npm start`: the demo feeds (demo-feeds.ts), the React demo
 * feed's script (demo-react/bundle.ts), and any page a test registers with `setPage`, served under
 * the real host names. Chromium reaches it through
 * `--host-resolver-rules` (hostResolverRules below) and accepts its self-signed certificate with
 * `--ignore-certificate-errors`. The certificate is made at start-up with the `openssl` CLI.
 */

export interface FixtureServer {
  port: number;
  /** https://127.0.0.1:<port>/ (the demo index) */
  origin: string;
  /** Serve `html` at this absolute URL (host + path; the query is ignored) until `clearPages()`. */
  setPage(url: string, html: string): void;
  clearPages(): void;
  /** Requests seen, as `host + path` (newest last); for debugging. */
  requests: string[];
  close(): Promise<void>;
}

export interface TlsPair {
  key: string;
  cert: string;
}

let cachedTls: TlsPair | null = null;

/** A self-signed certificate for every mapped host, made once per process with `openssl`. */
export function makeSelfSignedCert(): TlsPair {
  if (cachedTls) return cachedTls;
  const dir = mkdtempSync(join(tmpdir(), 'satchel-cert-'));
  try {
    const san = [...SITE_HOSTS, ...MEDIA_HOSTS, 'localhost'].map((h) => `DNS:${h}`).concat('IP:127.0.0.1').join(',');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '7',
        '-subj', '/CN=satchel-test', '-addext', `subjectAltName=${san}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    cachedTls = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return cachedTls;
  } catch (e) {
    const msg = (e as { code?: string }).code === 'ENOENT' ? 'the openssl CLI is not installed (apt-get install -y openssl)' : String(e);
    throw new Error(`fixture server: could not make a self-signed certificate: ${msg}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Value for Chromium's --host-resolver-rules: every site and media host to the server, nothing else resolves. */
export function hostResolverRules(port: number): string {
  const maps = [...SITE_HOSTS, ...MEDIA_HOSTS].map((h) => `MAP ${h} 127.0.0.1:${port}`);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

export async function startFixtureServer(opts: { port?: number; feeds?: DemoFeedOptions } = {}): Promise<FixtureServer> {
  const tls = makeSelfSignedCert();
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const keyOf = (u: URL) => `${u.hostname}${u.pathname}`;

  const server: Server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '127.0.0.1').replace(/:\d+$/, '');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `https://${host}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(keyOf(url));
    if (requests.length > 2000) requests.splice(0, 1000);
    if (url.hostname === 'www.linkedin.com' && url.pathname === REACT_DEMO_SCRIPT_PATH) {
      // The React demo feed's script, bundled on first use (demo-react/bundle.ts).
      reactDemoBundle().then(
        (js) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(js),
        (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`satchel fixture server: could not bundle the React demo: ${String(e)}`),
      );
      return;
    }
    const registered = pages.get(keyOf(url));
    const r = registered !== undefined
      ? { status: 200, contentType: 'text/html; charset=utf-8', body: registered }
      : demoResponse(url, opts.feeds);
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`satchel fixture server: nothing at ${url.href}`);
      return;
    }
    res.writeHead(r.status, { 'content-type': r.contentType, 'cache-control': 'no-store' }).end(r.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `https://127.0.0.1:${port}/`,
    setPage: (url, html) => void pages.set(keyOf(new URL(url)), html),
    clearPages: () => pages.clear(),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
