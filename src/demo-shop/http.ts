/** Small request and response helpers for the demo shop's node:http server. */
import type { IncomingMessage } from 'node:http';
import type { SafeHtml } from './html.js';
import type { ShopVariant } from './variant.js';
import type { Session } from './session.js';

/** What a route handler answers; the server writes it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Everything a route handler may use. */
export interface RequestContext {
  variant: ShopVariant;
  session: Session;
  /** Named parts of the path, e.g. `slug` from /product/:slug. */
  params: Record<string, string>;
  /** Form or JSON fields of a POST, all as strings. */
  body: Record<string, string>;
  /** The client asked for JSON (a fetch from the page's script). */
  wantsJson: boolean;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export function htmlReply(page: SafeHtml, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.value };
}

export function jsonReply(data: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(data) };
}

export function textReply(text: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/** 303 See Other: the browser follows it with a GET, the usual answer to a form POST. */
export function redirect(location: string): Reply {
  return { status: 303, headers: { location }, body: '' };
}

export function fileReply(body: string | Buffer, type: string, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { 'content-type': type, ...headers }, body };
}

export function pdfReply(pdf: Buffer, filename: string): Reply {
  return fileReply(pdf, 'application/pdf', { 'content-disposition': `attachment; filename="${filename}"` });
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a urlencoded or JSON body into string fields; anything else (or too large) gives no fields. */
export async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return {};
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const data: unknown = JSON.parse(text);
      if (!data || typeof data !== 'object') return {};
      return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
