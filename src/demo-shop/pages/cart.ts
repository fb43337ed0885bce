/**
 * `/cart`, `POST /cart/promo` and `POST /cart/remove`. Shipped: the "Have a promo code?" toggle is an 11px
 * text-link-style button at the very bottom, below a long information block; a failed apply only says "Error".
 * Fixed: the toggle is a full-size button right under the cart lines.
 */
import { cartTotals, formattedTotals, type CartTotals } from '../cart-totals.js';
import { CART_INFO } from '../copy.js';
import { html, money } from '../html.js';
import { htmlReply, jsonReply, redirect, textReply, type Handler } from '../http.js';
import { page } from '../layout.js';
import { appliedMessage, applyPromo } from '../promo.js';
import type { ShopVariant } from '../variant.js';

/** What the page says when the apply request itself fails (HTTP error). */
const REQUEST_FAILED: Record<ShopVariant, string> = {
  shipped: 'Error',
  fixed: "Sorry, we couldn't check your code just now. Please choose Apply again.",
};

function promoScript(variant: ShopVariant): string {
  return `
var failed = ${JSON.stringify(REQUEST_FAILED[variant])};
var toggle = document.getElementById('promo-toggle');
var form = document.getElementById('promo-form');
var input = document.getElementById('promo-code');
var okBox = document.getElementById('promo-status');
var alertBox = document.getElementById('promo-alert');
toggle.addEventListener('click', function () {
  var open = form.hidden;
  form.hidden = !open;
  toggle.setAttribute('aria-expanded', String(open));
  if (open) input.focus();
});
form.addEventListener('submit', async function (event) {
  event.preventDefault();
  okBox.textContent = '';
  alertBox.textContent = '';
  var response = await fetch(form.action, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ code: input.value }),
  });
  var text = await response.text();
  if (!response.ok) { alertBox.textContent = failed; return; }
  var data = JSON.parse(text);
  if (!data.ok) { alertBox.textContent = data.message; return; }
  okBox.textContent = data.message;
  document.getElementById('subtotal').textContent = data.totals.subtotal;
  document.getElementById('discount').textContent = data.totals.discount;
  document.getElementById('discount-row').hidden = false;
  document.getElementById('total').textContent = data.totals.total;
});
`;
}

function promoBlock(variant: ShopVariant, applied: boolean) {
  const toggleClass = variant === 'shipped' ? 'promo-toggle' : 'promo-toggle secondary';
  return html`<div class="promo">
<button type="button" class="${toggleClass}" id="promo-toggle" aria-expanded="${applied}" aria-controls="promo-form">Have a promo code?</button>
<form id="promo-form" method="post" action="/cart/promo" novalidate${applied ? '' : html` hidden`}>
<label for="promo-code">Promo code</label>
<input id="promo-code" name="code" autocomplete="off" spellcheck="false"${variant === 'fixed' ? html` autocapitalize="characters"` : ''}>
<div class="actions"><button type="submit" class="secondary">Apply</button></div>
<p role="status" class="status" id="promo-status">${applied ? appliedMessage(variant) : ''}</p>
<p role="alert" class="alert" id="promo-alert"></p>
</form>
</div>`;
}

function lines(totals: CartTotals) {
  return html`<ul class="lines">${totals.lines.map(
    (line, index) => html`<li>
<strong>${line.product.name}</strong><br>Size ${line.size}, quantity ${line.qty}: ${money(line.total)}
<form method="post" action="/cart/remove"><input type="hidden" name="index" value="${index}">
<button type="submit" class="secondary">Remove<span class="visually-hidden"> ${line.product.name}, size ${line.size}</span></button></form>
</li>`,
  )}</ul>`;
}

function summary(totals: CartTotals) {
  const shown = formattedTotals(totals);
  return html`<dl class="totals" id="order-summary">
<div><dt>Subtotal</dt><dd id="subtotal">${shown.subtotal}</dd></div>
<div id="discount-row"${totals.discount ? '' : html` hidden`}><dt>Discount</dt><dd id="discount">${shown.discount}</dd></div>
<div><dt>Delivery</dt><dd>Free</dd></div>
<div class="total"><dt>Total</dt><dd id="total">${shown.total}</dd></div>
</dl>`;
}

export const cart: Handler = ({ variant, session }) => {
  const totals = cartTotals(session);
  if (totals.lines.length === 0) {
    const body = html`<h1>Your cart</h1><p>Your cart is empty.</p>
<div class="actions"><a class="secondary" href="/">Continue shopping</a></div>`;
    return htmlReply(page({ variant, title: 'Your cart', body }));
  }
  const promo = promoBlock(variant, session.promo !== undefined);
  const info = CART_INFO.map(
    (section) => html`<h2>${section.heading}</h2>${section.paragraphs.map((p) => html`<p>${p}</p>`)}`,
  );
  const body = html`<h1>Your cart</h1>
${lines(totals)}
${variant === 'fixed' ? promo : ''}
${summary(totals)}
<div class="actions"><a class="primary" href="/checkout">Checkout</a></div>
<section class="long-print" aria-label="Delivery, returns and care">${info}</section>
${variant === 'shipped' ? promo : ''}`;
  return htmlReply(page({ variant, title: 'Your cart', body, script: promoScript(variant) }));
};

export const applyPromoRoute: Handler = ({ variant, session, body, wantsJson }) => {
  const outcome = applyPromo(variant, session, body.code ?? '');
  if (outcome.status >= 500) return textReply(outcome.message, outcome.status);
  if (!wantsJson) return redirect('/cart');
  return jsonReply({ ok: outcome.ok, message: outcome.message, totals: formattedTotals(cartTotals(session)) });
};

export const removeFromCart: Handler = ({ session, body }) => {
  const index = Number(body.index);
  if (Number.isInteger(index) && index >= 0 && index < session.cart.length) session.cart.splice(index, 1);
  if (session.cart.length === 0) delete session.promo;
  return redirect('/cart');
};
