/** `/help`. Shipped: only a phone number, office hours only. Fixed: chat with a person, phone and email. */
import { SELLER } from '../catalog.js';
import { html } from '../html.js';
import { htmlReply, type Handler } from '../http.js';
import { page } from '../layout.js';

const CHAT_SCRIPT = `
var start = document.getElementById('chat-start');
var chatStatus = document.getElementById('chat-status');
start.addEventListener('click', function () {
  chatStatus.textContent = 'You are next in the queue. Sam from our team will be with you in about 2 minutes.';
});
`;

export const help: Handler = ({ variant }) => {
  if (variant === 'shipped') {
    const body = html`<h1>Help</h1>
<p>For all enquiries please call ${SELLER.phone} (Mon-Fri, 9am-5pm).</p>`;
    return htmlReply(page({ variant, title: 'Help', body }));
  }
  const body = html`<h1>Help</h1>
<p>Real people, every day from 8am to 8pm. Choose whatever suits you.</p>
<section id="chat" aria-labelledby="chat-title">
<h2 id="chat-title">Chat with us</h2>
<p>Usually answered in about 2 minutes.</p>
<div class="actions"><button type="button" class="primary" id="chat-start">Start a chat</button></div>
<p role="status" class="status" id="chat-status"></p>
</section>
<h2>Call us</h2>
<p>Free on <a href="tel:08000000000">${SELLER.phone}</a>.</p>
<h2>Email us</h2>
<p><a href="mailto:${SELLER.email}">${SELLER.email}</a>. We reply within one working day.</p>
<h2>Returns</h2>
<p>Start a return from the order in Your orders: you'll get a label straight away, no call needed.</p>`;
  return htmlReply(page({ variant, title: 'Help', body, script: CHAT_SCRIPT }));
};
