/**
 * The templates `cx-shop init` writes: one per journey, commented for a CX person filling them in for
 * their own site. Each must stay a valid scenario (a test loads them).
 */
export const TEMPLATES: Record<string, (baseUrl: string) => string> = {
  'mobile-visit.yaml': (baseUrl) => `# A customer visits the shop on a phone and finds a product.
# Each step is one thing the customer does, named in their words. Change the names and
# locators below to match your site: cx-shop finds elements the way a customer does,
# by role and name, label, visible text or placeholder.
name: Find a product on a phone
journey: mobile-visit
device: Pixel 7                 # any Playwright device name, e.g. "iPhone 13", "Desktop Chrome"
baseUrl: ${baseUrl}
persona: First-time visitor from a social media ad
steps:
  - name: Open the home page
    goto: /
  - name: Open the first product
    tap: { role: link, name: Shop now }       # a link or button by its accessible name
    expect: { text: Add to cart }            # what the customer needs to see to go on
`,
  'promo-code.yaml': (baseUrl) => `# A returning customer applies the code from a newsletter at the cart.
name: Apply a promo code at the cart
journey: promo-code
device: Pixel 7
baseUrl: ${baseUrl}
persona: Returning customer with a code from the newsletter
budget: { findings: { high: 0 } }           # fail the run (exit 1) on any high-severity finding
steps:
  - name: Open the cart
    goto: /cart
  - name: Enter the code the way the email shows it
    type: { label: Promo code, text: SAVE10 }   # the field's label; code: true is guessed from it
    tap: { role: button, name: Apply }
    expect: { text: "10%" }
`,
  'returns.yaml': (baseUrl) => `# A customer returns an item from a recent order.
name: Return an item
journey: returns
device: Pixel 7
baseUrl: ${baseUrl}
steps:
  - name: Open my orders
    goto: /orders
  - name: Start a return
    tap: { role: link, name: Return an item }
  - name: Say why
    select: { label: Reason, option: Too small }
    tap: { role: button, name: Continue }
    expect: { text: Return confirmed }       # the customer needs a confirmation they can keep
`,
  'invoice.yaml': (baseUrl) => `# A customer reads an invoice and works out what to pay, by when and how.
name: Read an invoice
journey: invoice
device: Pixel 7
baseUrl: ${baseUrl}
steps:
  - name: Open the invoice
    goto: /orders
  - name: Read it
    read: { css: main }                     # the text read counts as reading time
    expect: { text: Amount due }
`,
};
