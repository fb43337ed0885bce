/**
 * `/product/:slug` and `POST /cart/add`. Shipped: the Size guide button is a dead tap (no handler at all), the
 * description is 10px, the quantity buttons are 16x16 and tapping Add to cart throws an uncaught error from an
 * analytics call that was never loaded (the item is still added).
 */
import { SIZE_GUIDE, SIZES, findProduct, type Size } from '../catalog.js';
import { html, money } from '../html.js';
import { htmlReply, jsonReply, redirect, textReply, type Handler } from '../http.js';
import { notFound, page } from '../layout.js';
import { addToCart, itemCount } from '../session.js';
import type { ShopVariant } from '../variant.js';
import { productImageUrl } from './home.js';

const ADD_SCRIPT = `
var form = document.getElementById('add-form');
var statusBox = document.getElementById('add-status');
var qty = document.getElementById('qty');
var shown = document.getElementById('qty-value');
document.querySelectorAll('[data-step]').forEach(function (button) {
  button.addEventListener('click', function () {
    var next = Math.min(9, Math.max(1, Number(qty.value) + Number(button.dataset.step)));
    qty.value = String(next);
    shown.textContent = String(next);
  });
});
form.addEventListener('submit', async function (event) {
  event.preventDefault();
  statusBox.textContent = '';
  var response = await fetch(form.action, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(new FormData(form)),
  });
  await response.text();
  if (!response.ok) { statusBox.textContent = 'Sorry, that did not work. Please try again.'; return; }
  statusBox.textContent = 'Added to your cart';
  afterAdd();
});
`;

const AFTER_ADD: Record<ShopVariant, string> = {
  // The tracking snippet was removed from the page but this call was not: an uncaught TypeError on every add.
  shipped: `function afterAdd() {
  setTimeout(function () { window.hcAnalytics.track('add_to_cart', { sku: form.elements.slug.value }); }, 0);
}`,
  fixed: 'function afterAdd() {}',
};

const SIZE_GUIDE_SCRIPT = `
var guideButton = document.getElementById('size-guide-button');
var guide = document.getElementById('size-guide');
guideButton.addEventListener('click', function () {
  var open = guide.hidden;
  guide.hidden = !open;
  guideButton.setAttribute('aria-expanded', String(open));
});
`;

function sizeGuide(variant: ShopVariant) {
  // Shipped: the button was left in the template but its panel and handler never made it: nothing happens.
  if (variant === 'shipped') return html`<button type="button" class="secondary">Size guide</button>`;
  return html`<button type="button" class="secondary" id="size-guide-button" aria-expanded="false"
 aria-controls="size-guide">Size guide</button>
<div id="size-guide" hidden>
<h2>Size guide</h2>
<table>
<caption>Body measurements in centimetres</caption>
<thead><tr><th scope="col">Size</th><th scope="col">Chest (cm)</th><th scope="col">Length (cm)</th></tr></thead>
<tbody>${SIZE_GUIDE.map((row) => html`<tr><th scope="row">${row.size}</th><td>${row.chest}</td><td>${row.length}</td></tr>`)}</tbody>
</table>
</div>`;
}

export const product: Handler = ({ variant, params }) => {
  const item = findProduct(params.slug ?? '');
  if (!item) return notFound(variant);
  const body = html`
<h1>${item.name}</h1>
<img class="product-image" src="${productImageUrl(item, variant)}" alt="${item.name}" width="360" height="360">
<p class="price">${money(item.price)}</p>
<div class="description">
<p>${item.description}</p>
<ul class="details">${item.details.map((detail) => html`<li>${detail}</li>`)}</ul>
</div>
<form id="add-form" method="post" action="/cart/add">
<input type="hidden" name="slug" value="${item.slug}">
<label for="size">Size</label>
<select id="size" name="size">${SIZES.map((size) => html`<option>${size}</option>`)}</select>
<div class="actions">${sizeGuide(variant)}</div>
<div class="qty" role="group" aria-labelledby="qty-label">
<span id="qty-label">Quantity</span>
<output id="qty-value">1</output>
<button type="button" data-step="-1" aria-label="Decrease quantity">−</button>
<button type="button" data-step="1" aria-label="Increase quantity">+</button>
</div>
<input type="hidden" id="qty" name="qty" value="1">
<div class="actions"><button type="submit" class="primary">Add to cart</button></div>
<p role="status" class="status" id="add-status"></p>
</form>`;
  const script = ADD_SCRIPT + AFTER_ADD[variant] + (variant === 'fixed' ? SIZE_GUIDE_SCRIPT : '');
  return htmlReply(page({ variant, title: item.name, banner: true, body, script }));
};

export const addToCartRoute: Handler = ({ session, body, wantsJson }) => {
  const item = findProduct(body.slug ?? '');
  const size = SIZES.find((s) => s === body.size) as Size | undefined;
  const qty = Math.trunc(Number(body.qty ?? '1'));
  if (!item || !size || !(qty >= 1 && qty <= 9)) return textReply('Choose a product, a size and a quantity.', 400);
  addToCart(session, item.slug, size, qty);
  const count = itemCount(session.cart);
  return wantsJson ? jsonReply({ ok: true, count }) : redirect('/cart');
};
