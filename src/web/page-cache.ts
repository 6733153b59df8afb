// Whole pages rendered once and sent many times (issue 13). A page is rendered with unguessable
// placeholders where the per-request values go (the CSRF token, the CSP nonce, the person), kept
// as the bytes between them, and on each request joined with that request's values in one pass.
import { randomBytes } from 'node:crypto';

/** The per-request values a kept page leaves a placeholder for. */
export const SLOTS = ['csrf', 'nonce', 'id', 'name', 'email'] as const;
export type Slot = (typeof SLOTS)[number];

// Letters and digits only, so HTML escaping, URL encoding and attribute quoting leave it whole;
// random per process, so no one can write it into a record and have it filled in.
const PREFIX = `bph${randomBytes(16).toString('hex')}`;

/** The placeholder rendered in place of each per-request value. */
export const PLACEHOLDER = Object.fromEntries(SLOTS.map((slot) => [slot, `${PREFIX}${slot}z`])) as Record<Slot, string>;

const FIND = new RegExp(`${PREFIX}(${SLOTS.join('|')})z`, 'g');

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** HTML-escapes as Nunjucks' autoescape does, so a kept page sends the same bytes a fresh render would. */
export function escapeHtml(value: string): string {
  return value.replace(/[&"'<>]/g, (c) => ESCAPES[c]!);
}

/** A rendered page as the bytes between its placeholders and which value goes in each gap. */
export interface KeptPage {
  /** One more than `slots`: the text before the first placeholder, between each, after the last. */
  parts: Buffer[];
  slots: Slot[];
  bytes: number;
}

/** Splits a page rendered with placeholders into the pieces `fill` joins. */
export function keep(html: string): KeptPage {
  const pieces = html.split(FIND);
  const parts: Buffer[] = [];
  const slots: Slot[] = [];
  pieces.forEach((piece, i) => (i % 2 === 0 ? parts.push(Buffer.from(piece, 'utf8')) : slots.push(piece as Slot)));
  return { parts, slots, bytes: parts.reduce((n, p) => n + p.length, 0) };
}

/** The page for one request: each placeholder replaced by its value, already escaped for HTML. */
export function fill(page: KeptPage, values: Record<Slot, string>): Buffer {
  if (page.slots.length === 0) return page.parts[0]!;
  const encoded = new Map<Slot, Buffer>();
  const chunks: Buffer[] = [page.parts[0]!];
  let length = page.bytes;
  page.slots.forEach((slot, i) => {
    let value = encoded.get(slot);
    if (!value) {
      value = Buffer.from(escapeHtml(values[slot]), 'utf8');
      encoded.set(slot, value);
    }
    chunks.push(value, page.parts[i + 1]!);
    length += value.length;
  });
  return Buffer.concat(chunks, length);
}

/**
 * Kept pages, least recently used first out, bounded by count and by bytes. Concurrent requests
 * for the same page share one render; a failed render is forgotten.
 */
export class PageStore {
  readonly #kept = new Map<string, KeptPage>();
  readonly #rendering = new Map<string, Promise<KeptPage>>();
  readonly #maxPages: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxPages: number, maxBytes: number) {
    this.#maxPages = maxPages;
    this.#maxBytes = maxBytes;
  }

  /** The kept page, counted as used, or undefined (rendering or not kept). */
  peek(key: string): KeptPage | undefined {
    const kept = this.#kept.get(key);
    if (kept) {
      this.#kept.delete(key);
      this.#kept.set(key, kept);
    }
    return kept;
  }

  /** The kept page, or `render()`'s, kept. */
  async get(key: string, render: () => Promise<string>): Promise<KeptPage> {
    const kept = this.peek(key);
    if (kept) return kept;
    let rendering = this.#rendering.get(key);
    if (!rendering) {
      rendering = render().then(keep);
      this.#rendering.set(key, rendering);
      rendering.then(
        (page) => {
          this.#rendering.delete(key);
          this.#add(key, page);
        },
        () => this.#rendering.delete(key),
      );
    }
    return rendering;
  }

  #add(key: string, page: KeptPage): void {
    if (page.bytes > this.#maxBytes) return;
    const replaced = this.#kept.get(key);
    if (replaced) this.#bytes -= replaced.bytes;
    this.#kept.delete(key);
    this.#kept.set(key, page);
    this.#bytes += page.bytes;
    for (const [oldest, old] of this.#kept) {
      if (this.#kept.size <= this.#maxPages && this.#bytes <= this.#maxBytes) break;
      this.#kept.delete(oldest);
      this.#bytes -= old.bytes;
    }
  }

  get size(): number {
    return this.#kept.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
