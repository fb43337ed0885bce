/**
 * The demo storefront cx-shop bundles: "Harbour & Co", served with node:http on 127.0.0.1. The "shipped" variant
 * carries realistic friction in every journey (mobile visit, promo code, returns, invoice); "fixed" is the same
 * shop with that friction removed, so the same scenarios show the difference.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, readCookie, textReply, type Reply } from './http.js';
import { notFound } from './layout.js';
import { matchRoute } from './routes.js';
import { SESSION_COOKIE, SessionStore } from './session.js';
import type { ShopVariant } from './variant.js';

export type { ShopVariant } from './variant.js';
export { SHOP_VARIANTS, isShopVariant } from './variant.js';

export interface DemoShop {
  /** e.g. http://127.0.0.1:43817, without a trailing slash. */
  url: string;
  variant: ShopVariant;
  close(): Promise<void>;
}

export interface DemoShopOptions {
  /** Which version to serve; default "shipped" (the one with friction to find). */
  variant?: ShopVariant;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
}

async function respond(req: IncomingMessage, variant: ShopVariant, sessions: SessionStore) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const match = matchRoute(method, url.pathname);
  if (match === 'not-found') return { reply: notFound(variant) };
  if (match === 'method-not-allowed') {
    const reply = textReply('Method not allowed', 405);
    reply.headers.allow = method === 'GET' ? 'POST' : 'GET';
    return { reply };
  }
  if (match.route.asset) return { reply: await match.route.handler(assetContext(variant, match.params)) };
  const { id, session, isNew } = sessions.resolve(readCookie(req, SESSION_COOKIE));
  const body = method === 'POST' ? await readBody(req) : {};
  const wantsJson = (req.headers.accept ?? '').includes('application/json');
  const reply = await match.route.handler({ variant, session, params: match.params, body, wantsJson });
  const cookie = isNew ? `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` : undefined;
  return { reply, cookie };
}

function assetContext(variant: ShopVariant, params: Record<string, string>) {
  return { variant, params, session: { cart: [], returns: [] }, body: {}, wantsJson: false };
}

function write(res: ServerResponse, req: IncomingMessage, reply: Reply, cookie?: string): void {
  const headers: Record<string, string | number> = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...reply.headers,
    'content-length': Buffer.byteLength(reply.body),
  };
  if (cookie) headers['set-cookie'] = cookie;
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}

/** Starts the demo shop on 127.0.0.1; port 0 (default) picks a free port. */
export function startDemoShop(options: DemoShopOptions = {}): Promise<DemoShop> {
  const variant = options.variant ?? 'shipped';
  const sessions = new SessionStore();
  const server = createServer((req, res) => {
    respond(req, variant, sessions).then(
      ({ reply, cookie }) => write(res, req, reply, cookie),
      () => write(res, req, textReply('Internal Server Error', 500)),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        variant,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
