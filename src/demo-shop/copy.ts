/** Longer fixed texts the pages share between variants: the cart's information block. */

/** Shown below the cart in both variants; in shipped the promo-code toggle sits underneath all of it. */
export const CART_INFO: ReadonlyArray<{ heading: string; paragraphs: string[] }> = [
  {
    heading: 'Delivery',
    paragraphs: [
      'Delivery is free on every order. We send parcels with a tracked courier and most arrive in two to four ' +
        'working days. You will get an email with a tracking link as soon as your order leaves our workshop.',
      'If nobody is home, the courier will try again the next working day or leave your parcel at a safe place ' +
        'you choose in the tracking link. Parcels that cannot be delivered after three tries come back to us and ' +
        'we refund you in full.',
    ],
  },
  {
    heading: 'Returns',
    paragraphs: [
      'You can return anything within 30 days of delivery, as long as it is unworn and has its labels. Returns ' +
        'are free. Start a return from Your orders and we will refund you within five working days of receiving it.',
    ],
  },
  {
    heading: 'Looking after your clothes',
    paragraphs: [
      'Linen softens with every wash: wash it at 30 degrees, hang it to dry and iron it while it is still a little ' +
        'damp. Wool needs less washing than you think; air it after wearing, and hand wash it cold when it needs it.',
      'Our rain jackets keep their waterproofing for years if you wipe them clean rather than washing them. If the ' +
        'water stops beading, a low tumble dry for twenty minutes brings it back.',
    ],
  },
  {
    heading: 'Our promise',
    paragraphs: [
      'We make a small range of clothes and make them well. Every piece is checked by hand before it is packed, and ' +
        'if anything goes wrong with it in the first year, we will repair or replace it.',
      'We pack in recycled paper, never plastic, and our workshop runs on renewable electricity. We would rather ' +
        'you bought one thing you love than three you do not.',
    ],
  },
];

/** Shipped: one dense, legalistic paragraph (about 350 words, very long sentences). */
export const RETURNS_POLICY_SHIPPED =
  'Notwithstanding any statutory rights which the Customer may have under the Consumer Contracts (Information, ' +
  'Cancellation and Additional Charges) Regulations 2013 or any successor legislation, and without prejudice to the ' +
  'generality of the foregoing, the Customer may, subject to the conditions set out herein and to the sole and ' +
  "absolute discretion of the Company in determining whether such conditions have been satisfied, request the return " +
  'of any Goods supplied pursuant to an Order within the Cancellation Period, being a period of fourteen (14) days ' +
  'commencing on the day following the day on which the Goods or, where the Order comprises multiple Goods delivered ' +
  'separately, the last of such Goods came into the physical possession of the Customer or of a third party (other ' +
  'than the carrier) indicated by the Customer, provided always that such Goods are returned in a condition ' +
  'substantially identical to that in which they were supplied, unworn, unwashed, unaltered and with all original ' +
  'tags, labels, packaging and accompanying documentation intact, and the Company shall be entitled to make a ' +
  'deduction from any reimbursement in respect of any diminution in the value of the Goods resulting from handling ' +
  'beyond that necessary to establish their nature, characteristics and functioning. Save where the Goods are ' +
  'faulty or not as described, the costs of returning the Goods shall be borne by the Customer, who shall be ' +
  'responsible for ensuring that the Goods are adequately packaged and that proof of postage is obtained and ' +
  'retained, and the Company accepts no liability whatsoever for Goods lost or damaged in transit to the Company. ' +
  'Reimbursement, where due, shall be effected using the same means of payment as the Customer used for the initial ' +
  'transaction, unless expressly agreed otherwise, within fourteen (14) days of the day on which the Company receives ' +
  'the Goods back or, if earlier, the day on which the Customer supplies evidence of having sent the Goods back. Returns ' +
  'which do not comply with the foregoing provisions may, at the election of the Company, be refused, returned to the ' +
  "Customer at the Customer's expense or retained for a period of twenty-eight (28) days, after which they shall be " +
  'deemed abandoned.';

/** Fixed: the same policy in plain words (about 60). */
export const RETURNS_POLICY_FIXED =
  'You can return anything within 30 days of delivery, as long as it is unworn and still has its labels. Returns ' +
  "are free. Choose the item and the reason below and we'll give you a return label to print or show at a drop-off " +
  "point. We'll refund you within 5 working days of getting it back.";
