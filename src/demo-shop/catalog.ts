/**
 * The demo shop's fixed data: three products and two past orders. Everything is constant so screenshots, counts
 * and effort scores are the same on every run (no clocks, no randomness).
 */

export interface Product {
  slug: string;
  name: string;
  /** Price in pence. */
  price: number;
  /** Fill colour of the generated product picture. */
  colour: string;
  description: string;
  details: string[];
}

export const SIZES = ['S', 'M', 'L'] as const;
export type Size = (typeof SIZES)[number];

export const PRODUCTS: readonly Product[] = [
  {
    slug: 'linen-shirt',
    name: 'Linen shirt',
    price: 4500,
    colour: '#d9c7a7',
    description:
      'A loose, breathable shirt in washed linen. It softens with every wash and keeps you cool on warm days by ' +
      'the water. Relaxed fit with a curved hem, so it looks right tucked in or worn loose.',
    details: ['100% linen', 'Machine wash at 30°C', 'Relaxed fit: if you are between sizes, choose the smaller one'],
  },
  {
    slug: 'harbour-jumper',
    name: 'Harbour jumper',
    price: 6500,
    colour: '#2f4a6d',
    description:
      'A heavy-knit jumper in soft lambswool with a ribbed collar and cuffs. Warm enough for a windy quay, ' +
      'light enough to wear all day. Regular fit that sits just below the waist.',
    details: ['100% lambswool', 'Hand wash cold, dry flat', 'Regular fit: take your usual size'],
  },
  {
    slug: 'rain-jacket',
    name: 'Rain jacket',
    price: 8900,
    colour: '#e2b33c',
    description:
      'A waterproof jacket with taped seams, a peaked hood and two deep pockets. Packs into its own pocket, so ' +
      'it fits in a bag for days when the weather turns. Roomy enough for a jumper underneath.',
    details: ['Waterproof recycled polyester', 'Wipe clean', 'Roomy fit: take your usual size'],
  },
];

export function findProduct(slug: string): Product | undefined {
  return PRODUCTS.find((product) => product.slug === slug);
}

/** The size guide table (centimetres), shown in the fixed variant. */
export const SIZE_GUIDE: ReadonlyArray<{ size: Size; chest: string; length: string }> = [
  { size: 'S', chest: '92-97', length: '72' },
  { size: 'M', chest: '98-103', length: '74' },
  { size: 'L', chest: '104-109', length: '76' },
];

export interface OrderLine {
  slug: string;
  name: string;
  size: Size;
  qty: number;
  /** Unit price in pence. */
  price: number;
}

export interface Order {
  number: string;
  invoiceNumber: string;
  placed: string;
  invoiceDate: string;
  dueDate: string;
  lines: OrderLine[];
  /** Delivery charge in pence. */
  delivery: number;
}

function line(slug: string, size: Size, qty = 1): OrderLine {
  const product = findProduct(slug);
  if (!product) throw new Error(`no product ${slug}`);
  return { slug, name: product.name, size, qty, price: product.price };
}

export const ORDERS: readonly Order[] = [
  {
    number: 'HC-10421',
    invoiceNumber: 'INV-10421',
    placed: '12 May 2025',
    invoiceDate: '12 May 2025',
    dueDate: '26 May 2025',
    lines: [line('linen-shirt', 'M'), line('harbour-jumper', 'M')],
    delivery: 0,
  },
  {
    number: 'HC-10388',
    invoiceNumber: 'INV-10388',
    placed: '28 April 2025',
    invoiceDate: '28 April 2025',
    dueDate: '12 May 2025',
    lines: [line('rain-jacket', 'L')],
    delivery: 0,
  },
];

export function findOrder(number: string): Order | undefined {
  return ORDERS.find((order) => order.number === number);
}

export function orderTotal(order: Order): number {
  return order.lines.reduce((sum, l) => sum + l.price * l.qty, 0) + order.delivery;
}

/** VAT included in a price at 20%, in pence. */
export function vatIncluded(pence: number): number {
  return Math.round(pence / 6);
}

/** The number of the order a checkout places; fixed so the confirmation page is the same on every run. */
export const NEXT_ORDER_NUMBER = 'HC-10422';

/** Who sends the invoices and where a customer can reach them. */
export const SELLER = {
  name: 'Harbour & Co',
  legalName: 'Harbour & Co Ltd',
  address: '1 Quay Street, Portsmouth PO1 2AB',
  email: 'hello@harbourandco.example',
  phone: '0800 000 0000',
  bank: { accountName: 'Harbour & Co Ltd', sortCode: '00-00-00', accountNumber: '00000000' },
} as const;
