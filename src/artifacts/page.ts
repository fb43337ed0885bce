/**
 * The page as the customer sees it at the end of a step: the viewport set-up, what can be tapped, how big the
 * text is, the form fields, the images and the links. Recorded by the page-snapshot probe; judged by the page rules.
 */
import type { Box } from './types.js';

/** An element as a person would name it (`button "Apply"`), and as a developer would find it (a CSS path). */
export interface ElementRef {
  element: string;
  selector: string;
  text: string;
  /** In document coordinates (scrolling does not change it). */
  box: Box;
}

export interface FieldInfo extends ElementRef {
  tag: string;
  type: string;
  inputMode: string | null;
  autocomplete: string | null;
  name: string;
  /** The accessible label text, or null when the field has none (a placeholder is not a label). */
  label: string | null;
  /**
   * Whether the customer can see that label (a <label> or the element aria-labelledby names, drawn and not clipped
   * for screen readers only); false for an aria-label or title alone. Absent in artifacts saved before it was kept.
   */
  labelShown?: boolean;
  placeholder: string | null;
  /**
   * How many other fields to type in share its form (or the part of the page its Continue belongs to); 0 for a field
   * that is not typed in, and for a search's fields. Absent in artifacts saved before it was kept.
   */
  typingPeers?: number;
  /** Whether the field holds a value (the value itself is not kept: it may be a password). */
  filled: boolean;
  /** How many characters it holds: what the customer would type again if it were wiped. */
  length: number;
  /** Which form the field belongs to (index into forms), or -1. */
  form: number;
  /**
   * Whether the field sits in the frame every page of the site shares (its header, footer, navigation or a sidebar)
   * rather than the page's own content: a site search or a newsletter sign-up. Absent in artifacts saved before it
   * was kept.
   */
  inFrame?: boolean;
}

export interface PageSnapshot {
  url: string;
  /** Changes when the page shows something else: used to judge each page state once. */
  signature: string;
  viewport: { width: number; height: number };
  viewportMeta: string | null;
  scrollWidth: number;
  /** Where the customer's view is, in document coordinates. */
  scroll: { x: number; y: number };
  /**
   * How far bars held on the screen cover it from its top and bottom edges, in CSS pixels (a fixed or sticky header,
   * a bottom "Add to bag" bar, a cookie bar): what the page scrolls under them is out of the customer's sight.
   * Absent in artifacts saved before it was measured.
   */
  covered?: { top: number; bottom: number };
  text: { chars: number; legibleChars: number; smallSamples: Array<{ selector: string; text: string; px: number }> };
  /**
   * What can be tapped; `inline` marks links inside running text, which WCAG 2.5.8 exempts from the size rule;
   * `disabled` marks a control the customer cannot use now.
   */
  /** `pinned`: inside a box held on the screen as the page scrolls (a sticky header, a fixed bottom bar). */
  targets: Array<ElementRef & { inline: boolean; disabled?: true; pinned?: true }>;
  /** Signs that the page is still working (a spinner, a progress bar, "Loading…"), at most 5. */
  busy?: ElementRef[];
  /** The elements that stick out furthest past the right edge of the viewport, widest first (at most 3). */
  overflowing: ElementRef[];
  fields: FieldInfo[];
  /** The page's forms, then the parts of it that act as one for fields in no form (see the snapshot). */
  forms: Array<{ selector: string; visibleFields: number }>;
  /** `advert`: the picture is an advertisement's (see the snapshot); absent in artifacts saved before it was kept. */
  images: Array<ElementRef & { src: string; broken: boolean; advert?: boolean }>;
  /** `box`: where the link is in the page (absent in artifacts saved before it was kept). */
  links: Array<{ href: string; element: string; selector: string; box?: Box }>;
  /** The visible text of the page, as the customer would read it (at most 20,000 characters). */
  pageText: string;
  /**
   * The text of the page's own content: its <main>, or without one the page less its header, footer, navigation and
   * sidebars (at most 20,000 characters). Absent in artifacts saved before it was kept.
   */
  mainText?: string;
  /** tel:, mailto: and chat links, and buttons or links that offer a chat: ways to reach a person. */
  contactLinks: string[];
}
