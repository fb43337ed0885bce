/** `/orders`, `/orders/:number` and `/orders/:number/pay`: the same in both variants. */
import { ORDERS, findOrder, orderTotal } from '../catalog.js';
import { html, money } from '../html.js';
import { htmlReply, type Handler } from '../http.js';
import { notFound, page } from '../layout.js';
import { itemCount } from '../session.js';


export const orders: Handler = ({ variant }) => {
  const body = html`<h1>Your orders</h1>
<ul class="lines">${ORDERS.map(
    (order) => html`<li>
<a class="order-link" href="/orders/${order.number}">${order.number}</a>
<p>Placed ${order.placed}. ${itemCount(order.lines)} ${itemCount(order.lines) === 1 ? 'item' : 'items'}, ${money(orderTotal(order))}.</p>
</li>`,
  )}</ul>`;
  return htmlReply(page({ variant, title: 'Your orders', body }));
};

export const order: Handler = (ctx) => {
  const found = findOrder(ctx.params.number ?? '');
  if (!found) return notFound(ctx.variant);
  const body = html`<h1>Order ${found.number}</h1>
<p>Placed ${found.placed}. Delivered.</p>
<ul class="lines">${found.lines.map(
    (line) => html`<li><strong>${line.name}</strong><br>Size ${line.size}, quantity ${line.qty}: ${money(line.price * line.qty)}</li>`,
  )}</ul>
<p class="total">Total ${money(orderTotal(found))}</p>
<div class="actions">
<a class="secondary" href="/orders/${found.number}/return">Return an item</a>
<a class="secondary" href="/orders/${found.number}/invoice">Invoice</a>
<a class="secondary" href="/orders/${found.number}/invoice.pdf">Download invoice (PDF)</a>
</div>`;
  return htmlReply(page({ variant: ctx.variant, title: `Order ${found.number}`, body }));
};

export const payInvoice: Handler = (ctx) => {
  const found = findOrder(ctx.params.number ?? '');
  if (!found) return notFound(ctx.variant);
  const body = html`<h1>Pay invoice ${found.invoiceNumber}</h1>
<p class="amount-due">${money(orderTotal(found))}</p>
<p>This is a demo shop: it takes no real payment. In a real shop, this page would take your card details.</p>
<div class="actions"><a class="secondary" href="/orders/${found.number}">Back to order ${found.number}</a></div>`;
  return htmlReply(page({ variant: ctx.variant, title: `Pay invoice ${found.invoiceNumber}`, body }));
};
