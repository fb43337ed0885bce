/** Every address the demo shop answers, and which handler answers it. */
import { findProduct } from './catalog.js';
import { fileReply, type Handler } from './http.js';
import { FAVICON_SVG, productSvg } from './images.js';
import { notFound } from './layout.js';
import { applyPromoRoute, cart, removeFromCart } from './pages/cart.js';
import { checkout, orderPlaced, placeOrder, startOrder, takePayment } from './pages/checkout.js';
import { help } from './pages/help.js';
import { home } from './pages/home.js';
import { invoice, invoiceDownload } from './pages/invoice.js';
import { order, orders, payInvoice } from './pages/orders.js';
import { addToCartRoute, product } from './pages/product.js';
import { returnConfirmed, returnForm, returnLabel, startReturn } from './pages/returns.js';

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  pattern: RegExp;
  handler: Handler;
  /** Assets need no visitor session (and should not create one). */
  asset?: boolean;
}

/** '/orders/:number/invoice.pdf' to a pattern whose named groups are the :params (one path segment each). */
function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function route(method: Route['method'], path: string, handler: Handler, asset = false): Route {
  return { method, path, pattern: compile(path), handler, asset };
}

const SVG = 'image/svg+xml';
const ASSET_CACHE = { 'cache-control': 'public, max-age=3600' };

const favicon: Handler = () => fileReply(FAVICON_SVG, SVG, ASSET_CACHE);

const productImage: Handler = ({ variant, params }) => {
  const match = /^([a-z-]+)\.svg$/.exec(params.file ?? '');
  const item = match ? findProduct(match[1] ?? '') : undefined;
  return item ? fileReply(productSvg(item), SVG, ASSET_CACHE) : notFound(variant);
};

export const ROUTES: readonly Route[] = [
  route('GET', '/', home),
  route('GET', '/product/:slug', product),
  route('POST', '/cart/add', addToCartRoute),
  route('GET', '/cart', cart),
  route('POST', '/cart/promo', applyPromoRoute),
  route('POST', '/cart/remove', removeFromCart),
  route('GET', '/checkout', checkout),
  route('POST', '/checkout', placeOrder),
  route('GET', '/checkout/done', orderPlaced),
  route('POST', '/api/order/start', startOrder),
  route('POST', '/api/payment', takePayment),
  route('GET', '/orders', orders),
  route('GET', '/orders/:number', order),
  route('GET', '/orders/:number/invoice', invoice),
  route('GET', '/orders/:number/invoice.pdf', invoiceDownload),
  route('GET', '/orders/:number/pay', payInvoice),
  route('GET', '/orders/:number/return', returnForm),
  route('POST', '/orders/:number/return', startReturn),
  route('GET', '/returns/:number', returnConfirmed),
  route('GET', '/returns/:number/label.pdf', returnLabel),
  route('GET', '/help', help),
  route('GET', '/favicon.ico', favicon, true),
  route('GET', '/favicon.svg', favicon, true),
  route('GET', '/img/:file', productImage, true),
];

export type RouteMatch = { route: Route; params: Record<string, string> } | 'not-found' | 'method-not-allowed';

export function matchRoute(method: string, pathname: string): RouteMatch {
  let pathMatched = false;
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) {
      try {
        params[key] = decodeURIComponent(value);
      } catch {
        return 'not-found';
      }
    }
    return { route: candidate, params };
  }
  return pathMatched ? 'method-not-allowed' : 'not-found';
}
