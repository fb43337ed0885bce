/**
 * The returns flow: `/orders/:number/return` (GET and POST), `/returns/:number` and its label. Shipped: a dense
 * 350-word policy, and Continue ends at "please call our returns team": no confirmation, no label. Fixed: a short
 * plain policy, then "Return confirmed" with a return number, a label to download and a way to reach a person.
 */
import { findOrder, SELLER } from '../catalog.js';
import { RETURNS_POLICY_FIXED, RETURNS_POLICY_SHIPPED } from '../copy.js';
import { html, money } from '../html.js';
import { htmlReply, pdfReply, redirect, type Handler } from '../http.js';
import { notFound, page } from '../layout.js';
import { returnLabelPdf } from '../return-label-pdf.js';

export const RETURN_REASONS = ['Too small', 'Too big', 'Not as described', 'Changed my mind'] as const;

/** R-10421-1: the order's digits and the item's position (from 1). */
export function returnNumber(orderNumber: string, item: number): string {
  return `R-${orderNumber.replace(/^HC-/, '')}-${item}`;
}

function parseReturnNumber(value: string) {
  const match = /^R-(\d+)-(\d+)$/.exec(value);
  const order = match ? findOrder(`HC-${match[1]}`) : undefined;
  const line = order && match ? order.lines[Number(match[2]) - 1] : undefined;
  return order && line ? { order, line } : undefined;
}

export const returnForm: Handler = (ctx) => {
  const found = findOrder(ctx.params.number ?? '');
  if (!found) return notFound(ctx.variant);
  const policy = ctx.variant === 'shipped' ? RETURNS_POLICY_SHIPPED : RETURNS_POLICY_FIXED;
  const body = html`<h1>Return an item</h1>
<p>Order ${found.number}, placed ${found.placed}.</p>
<h2>Returns policy</h2>
<div class="policy"><p>${policy}</p></div>
<form method="post" action="/orders/${found.number}/return">
<label for="item">Item</label>
<select id="item" name="item">${found.lines.map(
    (line, i) => html`<option value="${i + 1}">${line.name}, size ${line.size}</option>`,
  )}</select>
<label for="reason">Reason</label>
<select id="reason" name="reason">${RETURN_REASONS.map((reason) => html`<option>${reason}</option>`)}</select>
<div class="actions"><button type="submit" class="primary">Continue</button></div>
</form>`;
  return htmlReply(page({ variant: ctx.variant, title: 'Return an item', body }));
};

export const startReturn: Handler = (ctx) => {
  const found = findOrder(ctx.params.number ?? '');
  if (!found) return notFound(ctx.variant);
  if (ctx.variant === 'shipped') {
    const body = html`<h1>Return an item</h1>
<p>To complete your return, please call our returns team on 0800 000 0000 (Mon-Fri, 9am-5pm).</p>`;
    return htmlReply(page({ variant: ctx.variant, title: 'Return an item', body }));
  }
  const item = Math.trunc(Number(ctx.body.item ?? '1'));
  const reason = RETURN_REASONS.find((r) => r === ctx.body.reason) ?? RETURN_REASONS[0];
  if (!(item >= 1 && item <= found.lines.length)) return redirect(`/orders/${found.number}/return`);
  const number = returnNumber(found.number, item);
  ctx.session.returns = [...ctx.session.returns.filter((r) => r.number !== number), { number, reason }];
  return redirect(`/returns/${number}`);
};

export const returnConfirmed: Handler = ({ variant, session, params }) => {
  const number = params.number ?? '';
  const parsed = parseReturnNumber(number);
  const saved = session.returns.find((r) => r.number === number);
  if (variant === 'shipped' || !parsed || !saved) return notFound(variant);
  const { line } = parsed;
  const body = html`<h1>Return confirmed</h1>
<p>Your return number is <strong>${number}</strong>. We've emailed you a copy.</p>
<p>${line.name}, size ${line.size}. Reason: ${saved.reason}.</p>
<h2>What happens next</h2>
<ol>
<li>Download your label and print it, or show it on your phone at any drop-off point.</li>
<li>Pack the item and take it to a drop-off point within 30 days.</li>
<li>We refund ${money(line.price * line.qty)} to your card within 5 working days of getting it back.</li>
</ol>
<div class="actions">
<a class="primary" href="/returns/${number}/label.pdf">Download your return label</a>
<a class="secondary" href="/help#chat">Chat with us</a>
</div>
<p>Or call us free on ${SELLER.phone}, every day 8am-8pm.</p>`;
  return htmlReply(page({ variant, title: 'Return confirmed', body }));
};

export const returnLabel: Handler = async ({ variant, params }) => {
  const number = params.number ?? '';
  const parsed = parseReturnNumber(number);
  if (variant === 'shipped' || !parsed) return notFound(variant);
  return pdfReply(await returnLabelPdf(number, parsed.order, parsed.line), `return-label-${number}.pdf`);
};
