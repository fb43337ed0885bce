/**
 * `/checkout` (GET and POST), `/checkout/done` and the payment service the checkout page calls. Shipped: a failed
 * submit shows only "Form invalid" at the top and clears every field; the phone field is blanked on blur; the cart
 * is emptied before the payment goes through, and a payment failure shows the raw answer, wipes the form and leaves
 * a spinner turning. Fixed: values are kept, each error names the field and how to fix it, and a payment failure
 * says what happened, that nothing was charged, and leaves the customer free to try again.
 */
import { cartTotals } from '../cart-totals.js';
import { NEXT_ORDER_NUMBER } from '../catalog.js';
import {
  CHECKOUT_FIELDS,
  SHIPPED_PHONE_SCRIPT,
  fieldAttributes,
  readValues,
  validate,
  type CheckoutValues,
  type FieldSpec,
} from '../checkout-form.js';
import { html, money, raw } from '../html.js';
import { htmlReply, jsonReply, redirect, type Handler } from '../http.js';
import { page } from '../layout.js';
import { itemCount, type Session } from '../session.js';
import type { ShopVariant } from '../variant.js';

type Errors = Partial<Record<FieldSpec['id'], string>>;

const EMPTY: CheckoutValues = { name: '', email: '', phone: '', postcode: '', card: '' };

function attributes(attrs: Record<string, string>) {
  return Object.entries(attrs).map(([key, value]) => html` ${raw(key)}="${value}"`);
}

function field(spec: FieldSpec, variant: ShopVariant, value: string, error: string | undefined) {
  const describedBy = [spec.hint ? `${spec.id}-hint` : '', error ? `${spec.id}-error` : ''].filter(Boolean).join(' ');
  return html`<label for="${spec.id}">${spec.label}</label>
${spec.hint ? html`<p class="hint" id="${spec.id}-hint">${spec.hint}</p>` : ''}
<input id="${spec.id}" name="${spec.id}" value="${value}"${attributes(fieldAttributes(spec, variant))}${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }${error ? html` aria-invalid="true"` : ''}>
${error ? html`<p class="field-error" id="${spec.id}-error">${error}</p>` : ''}`;
}

function errorSummary(variant: ShopVariant, errors: Errors) {
  const messages = Object.values(errors);
  if (messages.length === 0) return html`<div role="alert" class="alert"></div>`;
  if (variant === 'shipped') return html`<div role="alert" class="alert">Form invalid</div>`;
  return html`<div role="alert" class="alert"><p><strong>Please check ${messages.length === 1 ? 'one thing' : `${messages.length} things`}:</strong></p>
<ul>${messages.map((message) => html`<li>${message}</li>`)}</ul></div>`;
}

function checkoutPage(variant: ShopVariant, session: Session, values: CheckoutValues, errors: Errors) {
  const totals = cartTotals(session);
  // Shipped: a failed submit renders the form again from scratch, throwing away what the customer typed.
  const shown = variant === 'shipped' ? EMPTY : values;
  const body = html`<h1>Checkout</h1>
${errorSummary(variant, errors)}
<div role="alert" class="alert" id="payment-error" tabindex="-1"></div>
<p>${totals.lines.length} ${totals.lines.length === 1 ? 'item' : 'items'}${
    totals.discount ? html`, promo code applied` : ''
  }. You pay <strong id="checkout-total">${money(totals.total)}</strong>.</p>
<form method="post" action="/checkout" novalidate>
${CHECKOUT_FIELDS.map((spec) => field(spec, variant, shown[spec.id], variant === 'fixed' ? errors[spec.id] : undefined))}
<p class="spinner" id="paying" role="status" hidden>Taking payment…</p>
<div class="actions"><button type="submit" class="primary">Place order</button></div>
</form>`;
  const script = variant === 'shipped' ? SHIPPED_PHONE_SCRIPT + SHIPPED_PAYMENT_SCRIPT : FIXED_PAYMENT_SCRIPT;
  return htmlReply(page({ variant, title: 'Checkout', body, script, cartCount: itemCount(session.cart) }));
}

/** Both variants take the payment from the page before the order is posted; a payment that goes through posts it. */
const PAYMENT_START = `
var form = document.querySelector('form[action="/checkout"]');
var button = form.querySelector('button[type="submit"]');
var paying = document.getElementById('paying');
var problem = document.getElementById('payment-error');
var paid = false;
function pay() {
  return fetch('/api/payment', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ card: form.card.value }) });
}
`;

/**
 * Shipped: the cart is emptied as soon as the customer presses Place order; a failed payment shows the answer as it
 * came, wipes the form, and the spinner and the disabled button stay. A network failure is not handled at all.
 */
const SHIPPED_PAYMENT_SCRIPT = `${PAYMENT_START}
form.addEventListener('submit', function (event) {
  if (paid) return;
  event.preventDefault();
  paying.hidden = false;
  button.disabled = true;
  fetch('/api/order/start', { method: 'POST', headers: { accept: 'application/json' } })
    .then(function (res) { return res.json(); })
    .then(function (order) { document.getElementById('cart-count').textContent = order.cartCount; return pay(); })
    .then(function (res) {
      if (!res.ok) return res.text().then(function (text) { problem.textContent = 'Error ' + res.status + ': ' + text; form.reset(); });
      paid = true;
      form.submit();
    });
});
`;

/** Fixed: a failed payment says what happened and what to do, keeps everything, and Place order works again. */
const FIXED_PAYMENT_SCRIPT = `${PAYMENT_START}
function failed() {
  paying.hidden = true;
  button.disabled = false;
  problem.textContent = "We couldn't take your payment: our payment service isn't answering. Nothing was charged, and your cart and details are kept. Please press Place order again in a minute.";
  problem.focus();
}
form.addEventListener('submit', function (event) {
  if (paid) return;
  event.preventDefault();
  problem.textContent = '';
  paying.hidden = false;
  button.disabled = true;
  pay().then(function (res) {
    if (!res.ok) return failed();
    paid = true;
    form.submit();
  }, failed);
});
`;

export const checkout: Handler = ({ variant, session }) => {
  if (session.cart.length === 0 && !session.pending) return redirect('/cart');
  return checkoutPage(variant, session, EMPTY, {});
};

export const placeOrder: Handler = ({ variant, session, body }) => {
  if (session.cart.length === 0 && !session.pending) return redirect('/cart');
  const values = readValues(body);
  const errors = validate(values);
  if (Object.keys(errors).length > 0) {
    // Shipped: the cart taken out at Place order comes back when the form is shown again.
    if (session.pending) session.cart = [...session.pending, ...session.cart];
    delete session.pending;
    return checkoutPage(variant, session, values, errors);
  }
  session.cart = [];
  delete session.pending;
  delete session.promo;
  session.placedOrder = NEXT_ORDER_NUMBER;
  return redirect('/checkout/done');
};

/** Shipped: Place order takes the cart out before the payment is taken (see SHIPPED_PAYMENT_SCRIPT). */
export const startOrder: Handler = ({ session }) => {
  if (session.cart.length > 0) session.pending = [...(session.pending ?? []), ...session.cart];
  session.cart = [];
  return jsonReply({ cartCount: 0 });
};

/** The payment service: this demo takes no money and approves every card; the order form checks the details. */
export const takePayment: Handler = () => jsonReply({ ok: true, reference: 'PAY-DEMO' });

export const orderPlaced: Handler = ({ variant, session }) => {
  if (!session.placedOrder) return redirect('/cart');
  const body = html`<h1>Thank you, your order is placed</h1>
<p>Your order number is <strong>${session.placedOrder}</strong>. We'll email you when it is on its way.</p>
<p>This is a demo shop: no payment was taken and nothing will be sent.</p>
<div class="actions"><a class="secondary" href="/">Continue shopping</a></div>`;
  return htmlReply(page({ variant, title: 'Order placed', body }));
};
