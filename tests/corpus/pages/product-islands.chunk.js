// The islands of product-islands-clean.html: the colour buttons and the add button, made to work.
let colour = 'Oat';
for (const button of document.querySelectorAll('[data-colour]')) {
  button.addEventListener('click', () => {
    colour = button.dataset.colour;
    for (const other of document.querySelectorAll('[data-colour]')) other.setAttribute('aria-pressed', String(other === button));
  });
}
document.querySelector('[data-island="add"]').addEventListener('click', async () => {
  const answer = await fetch('/api/ok', { method: 'POST', body: JSON.stringify({ item: 'wool-beanie', colour }) });
  document.getElementById('status').textContent = answer.ok ? `Added to your basket: wool beanie in ${colour.toLowerCase()}` : 'We could not add it. Please try again.';
  document.querySelector('header a[aria-label="Basket"]').textContent = 'Basket (1)';
});
