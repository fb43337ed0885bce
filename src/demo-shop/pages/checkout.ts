/**
 * `/checkout` (GET and POST) and `/checkout/done`. Shipped: a failed submit shows only "Form invalid" at the top
 * and clears every field; the phone field is blanked on blur. Fixed: values are kept and each error names the
 * field and how to fix it.
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
import { htmlReply, redirect, type Handler } from '../http.js';
import { page } from '../layout.js';
import type { Session } from '../session.js';
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
<p>${totals.lines.length} ${totals.lines.length === 1 ? 'item' : 'items'}${
    totals.discount ? html`, promo code applied` : ''
  }. You pay <strong id="checkout-total">${money(totals.total)}</strong>.</p>
<form method="post" action="/checkout" novalidate>
${CHECKOUT_FIELDS.map((spec) => field(spec, variant, shown[spec.id], variant === 'fixed' ? errors[spec.id] : undefined))}
<div class="actions"><button type="submit" class="primary">Place order</button></div>
</form>`;
  const script = variant === 'shipped' ? SHIPPED_PHONE_SCRIPT : undefined;
  return htmlReply(page({ variant, title: 'Checkout', body, script }));
}

export const checkout: Handler = ({ variant, session }) => {
  if (session.cart.length === 0) return redirect('/cart');
  return checkoutPage(variant, session, EMPTY, {});
};

export const placeOrder: Handler = ({ variant, session, body }) => {
  if (session.cart.length === 0) return redirect('/cart');
  const values = readValues(body);
  const errors = validate(values);
  if (Object.keys(errors).length > 0) return checkoutPage(variant, session, values, errors);
  session.cart = [];
  delete session.promo;
  session.placedOrder = NEXT_ORDER_NUMBER;
  return redirect('/checkout/done');
};

export const orderPlaced: Handler = ({ variant, session }) => {
  if (!session.placedOrder) return redirect('/cart');
  const body = html`<h1>Thank you, your order is placed</h1>
<p>Your order number is <strong>${session.placedOrder}</strong>. We'll email you when it is on its way.</p>
<p>This is a demo shop: no payment was taken and nothing will be sent.</p>
<div class="actions"><a class="secondary" href="/">Continue shopping</a></div>`;
  return htmlReply(page({ variant, title: 'Order placed', body }));
};
