/**
 * Serves tests/fixtures/pages on 127.0.0.1 for browser tests, plus a few endpoints the pages call:
 * /api/ok (200), /api/fail (500), /api/missing (404), /api/busy (503, retry later), /api/limited (429), /api/me (401),
 * /api/guarded (503 to anything that does not say it is a browser), /api/refused (422, a reason in JSON), /api/conflict
 * (409, already exists), /api/never (no answer, ever: the connection is held open), /cdn-error/* (a storage host's HTML error page, 404), /loop (a redirect to itself, for ever), /away?to=URL (a redirect to URL, another site's), /dropped (the connection closed unanswered), /cut-off (a page cut off part-way), /staging/* (pages behind the browser's sign-in prompt: STAGING_LOGIN), /get-only (a page whose server answers HEAD with 404), /members-only (404 without the cookie member=1) and /slow?ms=N; /telemetry/collect and
 * /v1/collect, telemetry collectors that fail at random (an error status, or a dropped connection); /spa/* routes to
 * the single-page shop; /live/stock, a stream of server-sent events, and /live/socket, a WebSocket, each pushing a
 * falling stock count every `?every=N` ms (150 by default), the socket also answering each message it gets with
 * "echo: " and the message. Any file asked for with `?attachment` comes as a download, with `?csp-report-only` under a security policy its inline scripts break (the browser reports to /csp-report, which is not found), with `?delay=N` N ms late, with
 * `?trickle=N` its second half N ms after its first, and with `?unending` its connection is held open after its last
 * byte (a document that never finishes loading).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.js': 'text/javascript', '.wav': 'audio/wav' };

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

/** The user name and password of /staging/ (HTTP basic authentication), as the browser sends them. */
export const STAGING_LOGIN = 'team:p@ss-9Kq';

export async function startFixtureServer(root: string = PAGES): Promise<FixtureServer> {
  // Promo codes good for one use (/api/redeem): the batches whose code has been taken.
  const redeemed = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (url.pathname === '/api/redeem') {
      // SAVE10 however it is typed, once per batch; after that, 409 (used).
      const batch = url.searchParams.get('batch') ?? '';
      if (url.searchParams.get('code')?.trim().toUpperCase() !== 'SAVE10') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"unknown"}');
      if (redeemed.has(batch)) return void res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"used"}');
      redeemed.add(batch);
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
    if (url.pathname === '/api/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (url.pathname === '/api/fail') return void res.writeHead(500).end('broken');
    if (url.pathname === '/api/missing') return void res.writeHead(404).end('not here');
    if (url.pathname === '/api/busy') return void res.writeHead(503, { 'retry-after': '120' }).end('busy');
    if (url.pathname === '/api/limited') return void res.writeHead(429).end('slow down');
    if (url.pathname === '/api/me') return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"not signed in"}');
    if (url.pathname === '/members-only') return void res.writeHead(/(^|;\s*)member=1(;|$)/.test(req.headers.cookie ?? '') ? 200 : 404, { 'content-type': 'text/html' }).end('<title>Your wishlist</title>');
    if (url.pathname === '/get-only') return void res.writeHead(req.method === 'GET' ? 200 : 404, { 'content-type': 'text/html' }).end('<title>Sizes</title>');
    if (url.pathname === '/api/refused') return void res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"voucher_used"}');
    if (url.pathname === '/api/conflict') return void res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"email_taken"}');
    if (url.pathname === '/api/never') return;
    if (url.pathname === '/api/guarded') return void res.writeHead(/^Mozilla\/5\.0 /.test(req.headers['user-agent'] ?? '') ? 200 : 503).end();
    if (url.pathname === '/telemetry/collect' || url.pathname === '/v1/collect') {
      const roll = Math.random();
      if (roll < 0.4) return void res.writeHead(503).end();
      if (roll < 0.6) return void req.socket.destroy();
      return void res.writeHead(204).end();
    }
    // A single-page app's routes all serve its one document.
    if (url.pathname.startsWith('/spa/') && extname(url.pathname) === '') url.pathname = '/spa/index.html';
    if (url.pathname.startsWith('/corpus-spa/') && extname(url.pathname) === '') url.pathname = '/spa-router.html';
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname.startsWith('/staging/') && req.headers.authorization !== `Basic ${Buffer.from(STAGING_LOGIN).toString('base64')}`) {
      return void res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"', 'content-type': 'text/plain' }).end('Unauthorized');
    }
    // A storage host's answer for a file it does not have: an HTML error page with 404.
    if (url.pathname.startsWith('/cdn-error/')) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404 Not Found</h1><p>NoSuchKey</p></body></html>');
    if (url.pathname === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (url.pathname === '/away') return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    // A server that drops the connection without a word, and one that drops it part-way through the page it announced.
    if (url.pathname === '/dropped') return void req.socket.destroy();
    if (url.pathname === '/cut-off') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': '20000' });
      res.write('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merino jumper</title></head><body><main><h1>Merino jumper</h1>');
      return void setTimeout(() => req.socket.destroy(), 200);
    }
    if (url.pathname === '/live/stock') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      let left = 1000;
      const timer = setInterval(() => res.write(`data: ${(left -= 1)}\n\n`), Number(url.searchParams.get('every') ?? 150));
      return void req.on('close', () => clearInterval(timer));
    }
    if (url.pathname === '/slow') {
      await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('ms') ?? 100)));
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('slow');
    }
    // `?delay=N`: the file comes N ms late, as a script from a far server does.
    if (url.searchParams.has('delay')) await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('delay'))));
    const path = normalize(join(root, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(path);
      // `?attachment`: the server says to save the file (a download no `download` attribute announced).
      const saved = url.searchParams.has('attachment') ? { 'content-disposition': `attachment; filename="${url.pathname.split('/').pop()}"` } : {};
      // `?csp-report-only`: a security policy the page breaks (inline script), reported by the browser to /csp-report.
      const policy = url.searchParams.has('csp-report-only') ? { 'content-security-policy-report-only': "script-src 'self'; report-uri /csp-report" } : {};
      const length = url.searchParams.has('cut') ? { 'content-length': String(body.length) } : {};
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...saved, ...policy, ...length });
      if (url.searchParams.has('unending')) return void res.write(body);
      // `?cut`: the connection drops halfway through the file it announced.
      if (url.searchParams.has('cut')) return void res.write(body.subarray(0, body.length >> 1), () => req.socket.destroy());
      // `?trickle=N`: the first half of the file at once, the rest N ms later (a large file over a slow line).
      if (url.searchParams.has('trickle')) {
        res.write(body.subarray(0, body.length >> 1));
        return void setTimeout(() => res.end(body.subarray(body.length >> 1)), Number(url.searchParams.get('trickle')));
      }
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // Upgraded connections are no longer the server's to close.
  const sockets = new Set<import('node:stream').Duplex>();
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (url.pathname !== '/live/socket') return void socket.destroy();
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    // Short text frames only, as the pages send them: a server's are unmasked, a browser's masked.
    const send = (text: string) => socket.write(Buffer.concat([Buffer.from([0x81, Buffer.byteLength(text)]), Buffer.from(text)]));
    let left = 1000;
    const timer = setInterval(() => send(String((left -= 1))), Number(url.searchParams.get('every') ?? 150));
    socket.on('data', (frame: Buffer) => {
      if ((frame[0]! & 0x0f) !== 1) return;
      const length = frame[1]! & 0x7f;
      const mask = frame.subarray(2, 6);
      const text = Buffer.from(frame.subarray(6, 6 + length).map((byte, i) => byte ^ mask[i % 4]!)).toString();
      send(`echo: ${text}`);
    });
    socket.on('close', () => clearInterval(timer));
    socket.on('error', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
