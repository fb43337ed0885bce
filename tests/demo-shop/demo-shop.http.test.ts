/** The demo shop over plain HTTP (no browser): routes, headers, sessions, determinism and the planted answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETURNS_POLICY_FIXED, RETURNS_POLICY_SHIPPED } from '../../src/demo-shop/copy.js';
import { html, raw } from '../../src/demo-shop/html.js';
import { startDemoShop, type DemoShop, type ShopVariant } from '../../src/demo-shop/server.js';

const shops = {} as Record<ShopVariant, DemoShop>;

beforeAll(async () => {
  [shops.shipped, shops.fixed] = await Promise.all([
    startDemoShop({ variant: 'shipped' }),
    startDemoShop({ variant: 'fixed' }),
  ]);
});

afterAll(async () => {
  await Promise.all(Object.values(shops).map((shop) => shop.close()));
});

/** A visitor with a cookie jar of one cookie. */
function visitor(variant: ShopVariant) {
  let cookie = '';
  return async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(shops[variant].url + path, { ...init, headers, redirect: 'manual' });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
}

const PAGES = [
  '/',
  '/product/linen-shirt',
  '/cart',
  '/orders',
  '/orders/HC-10421',
  '/orders/HC-10388/invoice',
  '/orders/HC-10421/return',
  '/orders/HC-10421/pay',
  '/help',
];

describe.each(['shipped', 'fixed'] as const)('%s', (variant) => {
  it('answers every page with 200 HTML, and 404 for unknown addresses', async () => {
    const get = visitor(variant);
    for (const path of PAGES) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect((await get('/product/nope')).status).toBe(404);
    expect((await get('/orders/HC-1/invoice.pdf')).status).toBe(404);
    expect((await get('/nowhere')).status).toBe(404);
    expect((await get('/favicon.ico')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('sets the session cookie once and serves the same page every time', async () => {
    const get = visitor(variant);
    const first = await get('/');
    expect(first.headers.get('set-cookie')).toMatch(/^cxsid=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const second = await get('/');
    expect(second.headers.get('set-cookie')).toBeNull();
    expect(await second.text()).toBe(await first.text());
  });

  it('makes the same invoice PDF bytes on every request', async () => {
    const get = visitor(variant);
    const one = await get('/orders/HC-10421/invoice.pdf');
    expect(one.headers.get('content-type')).toBe('application/pdf');
    expect(one.headers.get('content-disposition')).toBe('attachment; filename="invoice-HC-10421.pdf"');
    const bytes = Buffer.from(await one.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(await (await get('/orders/HC-10421/invoice.pdf')).arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('planted friction', () => {
  async function apply(variant: ShopVariant, code: string) {
    const get = visitor(variant);
    await get('/cart/add', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'slug=linen-shirt&size=M&qty=1',
    });
    const response = await get('/cart/promo', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return { status: response.status, body: response.status === 200 ? await response.json() : await response.text() };
  }

  it('shipped accepts only the exact code and crashes on a near miss; fixed forgives case and spaces', async () => {
    expect((await apply('shipped', 'SAVE10')).body).toMatchObject({ ok: true, totals: { total: '£40.50' } });
    expect((await apply('shipped', 'save10')).status).toBe(500);
    expect((await apply('shipped', 'SAVE10 ')).status).toBe(500);
    expect((await apply('fixed', 'save10\n')).body).toMatchObject({ ok: true, message: 'SAVE10 applied: 10% off' });
  });

  it('breaks the rain jacket picture only in shipped', async () => {
    const home = async (variant: ShopVariant) => (await visitor(variant)('/')).text();
    expect(await home('shipped')).toContain('/img/rain-jacket.jpg');
    expect((await visitor('shipped')('/img/rain-jacket.jpg')).status).toBe(404);
    expect(await home('fixed')).not.toContain('.jpg');
  });

  it('has a long legalistic returns policy in shipped and a short one in fixed', () => {
    const words = (text: string) => text.split(/\s+/).length;
    expect(words(RETURNS_POLICY_SHIPPED)).toBeGreaterThan(330);
    expect(words(RETURNS_POLICY_FIXED)).toBeLessThan(70);
  });

  it('offers the return label only in fixed', async () => {
    expect((await visitor('fixed')('/returns/R-10421-1/label.pdf')).headers.get('content-type')).toBe('application/pdf');
    expect((await visitor('shipped')('/returns/R-10421-1/label.pdf')).status).toBe(404);
  });
});

describe('html', () => {
  it('escapes interpolated values and keeps trusted markup', () => {
    expect(html`<p>${'<script>"x" & \'y\''}</p>${raw('<br>')}`.value).toBe(
      '<p>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;</p><br>',
    );
    expect(html`${['a', html`<b>b</b>`]}${null}${false}`.value).toBe('a<b>b</b>');
  });
});
