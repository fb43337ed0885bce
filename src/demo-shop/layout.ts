/**
 * The HTML shell and CSS every page shares. The variants differ only where friction is planted: the viewport
 * meta (zoom locked in shipped), the size of the nav links and quantity buttons, the pale grey prices, the
 * description text size, the width of the promo banner and the look of the promo-code toggle.
 */
import { html, raw, type SafeHtml } from './html.js';
import { htmlReply, type Reply } from './http.js';
import type { ShopVariant } from './variant.js';

const BASE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:16px;
 line-height:1.5;color:#1d2430;background:#faf8f4}
header.site{background:#173a5e;color:#fff;padding:4px 16px;display:flex;flex-wrap:wrap;align-items:center;
 justify-content:space-between;gap:4px}
.brand{color:#fff;font-weight:700;font-size:20px;text-decoration:none;display:inline-flex;align-items:center;
 min-height:44px}
nav.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
nav.site a{color:#fff}
main{padding:16px;max-width:720px;margin:0 auto}
footer.site{padding:24px 16px;color:#4a5160;font-size:14px;text-align:center}
h1{font-size:28px;line-height:1.2;margin:8px 0 16px}
h2{font-size:22px;line-height:1.25;margin:24px 0 8px}
a{color:#0b5cad}
button,input,select{font:inherit}
label{display:block;font-weight:600;margin:16px 0 4px}
input,select{min-height:44px;width:100%;max-width:420px;padding:8px 10px;border:1px solid #6b7280;border-radius:6px;
 background:#fff;color:#1d2430}
.primary{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:10px 22px;border:0;
 border-radius:8px;background:#173a5e;color:#fff;font-weight:700;text-decoration:none;cursor:pointer}
.secondary{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 16px;
 border:2px solid #173a5e;border-radius:8px;background:#fff;color:#173a5e;font-weight:600;text-decoration:none;
 cursor:pointer}
.actions{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.promo-banner{background:#fde68a;color:#1d2430;padding:10px 16px;font-weight:600}
.products{list-style:none;padding:0;margin:0;display:grid;gap:16px}
.card{display:flex;gap:12px;align-items:center;background:#fff;border-radius:10px;padding:10px}
.card img{width:96px;height:96px;border-radius:8px;flex:none}
.card a{display:flex;align-items:center;min-height:44px;font-size:18px;font-weight:700}
.price{font-weight:700;font-size:20px;margin:4px 0}
.product-image{width:100%;max-width:360px;height:auto;border-radius:10px;display:block}
.qty{display:flex;align-items:center;gap:8px;margin:8px 0}
.qty output{min-width:24px;text-align:center}
.status{min-height:24px;margin:8px 0;font-weight:600;color:#14532d}
.alert{margin:8px 0;padding:8px 12px;border-left:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d}
.alert:empty{display:none}
.spinner::before{content:"";display:inline-block;width:12px;height:12px;margin-right:8px;border:2px solid #999;border-top-color:transparent;border-radius:50%}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #c9ccd3;padding:6px 10px;text-align:left}
dl.totals{max-width:420px;margin:16px 0}
dl.totals div{display:flex;justify-content:space-between;gap:16px;padding:2px 0}
dl.totals dt,dl.totals dd{margin:0}
.total{font-weight:700;font-size:20px}
.lines{list-style:none;padding:0}
.lines li{background:#fff;border-radius:8px;padding:10px;margin:0 0 8px}
.order-link{display:inline-flex;align-items:center;min-height:44px;font-weight:700}
.field-error{color:#b91c1c;font-weight:600;margin:4px 0 0}
.hint{color:#4a5160;margin:2px 0 0}
.long-print{color:#4a5160}
.amount-label{margin:16px 0 0;font-weight:600}
.amount-due{font-size:32px;line-height:1.2;margin:0 0 8px;font-weight:700}
.fine-print{font-size:12px;line-height:1.35}
.table-wrap{overflow-x:auto;max-width:100%}
.invoice table{font-size:14px}
.invoice th,.invoice td{padding:4px 6px}
[hidden]{display:none !important}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

const VARIANT_CSS: Record<ShopVariant, string> = {
  shipped: `
nav.site ul{flex-direction:column;align-items:flex-end}
nav.site a{display:block;font-size:12px;line-height:16px;padding:0}
.description,.details{font-size:10px;line-height:1.3}
.promo-banner{width:640px}
.qty{gap:2px}
.qty button{width:16px;height:16px;padding:0;font-size:11px;line-height:1;border:1px solid #6b7280;background:#fff;
 color:#1d2430}
.promo-toggle{background:none;border:0;padding:0;font-size:11px;color:#0b5cad;text-decoration:underline;cursor:pointer}
.price{color:#b4b9c1}
`,
  fixed: `
nav.site a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;
 padding:0 10px;font-size:16px}
.description,.details{font-size:16px}
.qty button{width:44px;height:44px;font-size:20px;border:2px solid #173a5e;border-radius:8px;background:#fff;
 color:#173a5e}
`,
};

const VIEWPORT: Record<ShopVariant, string> = {
  shipped: 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no',
  fixed: 'width=device-width, initial-scale=1',
};

export interface PageOptions {
  variant: ShopVariant;
  title: string;
  body: SafeHtml;
  /** Show the promo banner above the page (home and product pages). */
  banner?: boolean;
  /** A small inline script, written in this folder (never user input). */
  script?: string;
  /** Items in the visitor's cart, shown next to the Cart link (pages that know the session). */
  cartCount?: number;
}

export function page({ variant, title, body, banner = false, script, cartCount }: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="${VIEWPORT[variant]}">
<title>${title} | Harbour &amp; Co</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${raw(BASE_CSS + VARIANT_CSS[variant])}</style>
</head>
<body>
<header class="site">
<a class="brand" href="/">Harbour &amp; Co</a>
<nav class="site" aria-label="Main"><ul>
<li><a href="/cart">Cart${cartCount === undefined ? '' : html` (<span id="cart-count">${String(cartCount)}</span>)`}</a></li>
<li><a href="/orders">Your orders</a></li>
<li><a href="/help">Help</a></li>
</ul></nav>
</header>
${banner ? html`<aside class="promo-banner" aria-label="Summer offer">Summer offer: 10% off everything with code SAVE10. Free delivery on every order.</aside>` : ''}
<main id="main">
${body}
</main>
<footer class="site">Harbour &amp; Co, 1 Quay Street, Portsmouth. Demo shop for cx-shop.</footer>
${script ? raw(`<script>(function () {${script}})();</script>`) : ''}
</body>
</html>
`;
}

export function notFoundPage(variant: ShopVariant): SafeHtml {
  return page({
    variant,
    title: 'Page not found',
    body: html`<h1>Page not found</h1><p>We couldn't find that page. <a href="/">Go to the shop</a>.</p>`,
  });
}

/** A 404 answer with the shop's "Page not found" page. */
export function notFound(variant: ShopVariant): Reply {
  return htmlReply(notFoundPage(variant), 404);
}
