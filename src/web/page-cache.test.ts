import { describe, expect, it } from 'vitest';
import { escapeHtml, fill, keep, PageStore, PLACEHOLDER, type Slot } from './page-cache.ts';

const VALUES: Record<Slot, string> = {
  csrf: 'token-1',
  nonce: 'nonce-1',
  id: 'user-1',
  name: 'Siân <O’Brien> & "Co"',
  email: 'a@b.example',
};

describe('keep and fill', () => {
  it('puts each request’s values where the placeholders were, escaped for HTML', () => {
    const page = keep(`<p>${PLACEHOLDER.name}</p><input value="${PLACEHOLDER.csrf}"><script nonce="${PLACEHOLDER.nonce}"></script>`);
    expect(fill(page, VALUES).toString()).toBe(
      '<p>Siân &lt;O’Brien&gt; &amp; &quot;Co&quot;</p><input value="token-1"><script nonce="nonce-1"></script>',
    );
  });

  it('fills the same placeholder every time it appears, and leaves a page without any as it was', () => {
    expect(fill(keep(`${PLACEHOLDER.id}-${PLACEHOLDER.id}`), VALUES).toString()).toBe('user-1-user-1');
    expect(fill(keep('<p>no one</p>'), VALUES).toString()).toBe('<p>no one</p>');
  });

  it('counts bytes, not characters', () => {
    expect(keep('£').bytes).toBe(2);
  });

  it.each([
    { value: `<a href="x">'&'</a>`, out: '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;' },
    { value: 'plain', out: 'plain' },
  ])('escapes $value as Nunjucks does', ({ value, out }) => {
    expect(escapeHtml(value)).toBe(out);
  });
});

describe('PageStore', () => {
  const html = (n: number) => async () => 'x'.repeat(n);

  it('renders a page once for concurrent requests and keeps it', async () => {
    const store = new PageStore(10, 1_000);
    let renders = 0;
    const render = async () => {
      renders++;
      return 'page';
    };
    await Promise.all([store.get('a', render), store.get('a', render)]);
    await store.get('a', render);
    expect(renders).toBe(1);
  });

  it('peeks at a kept page without rendering one', async () => {
    const store = new PageStore(10, 1_000);
    expect(store.peek('a')).toBeUndefined();
    await store.get('a', html(2));
    expect(store.peek('a')?.bytes).toBe(2);
  });

  it('forgets a render that failed', async () => {
    const store = new PageStore(10, 1_000);
    await expect(store.get('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await store.get('a', html(3))).bytes).toBe(3);
  });

  it('drops the least recently used page beyond its count', async () => {
    const store = new PageStore(2, 1_000);
    await store.get('a', html(1));
    await store.get('b', html(1));
    await store.get('a', html(1));
    await store.get('c', html(1));
    let rendered = false;
    await store.get('b', async () => ((rendered = true), 'x'));
    expect(rendered).toBe(true);
    expect(store.size).toBe(2);
  });

  it('keeps no more bytes than its limit, and never a page larger than it', async () => {
    const store = new PageStore(100, 10);
    await store.get('a', html(6));
    await store.get('b', html(6));
    expect([store.size, store.bytes]).toEqual([1, 6]);
    await store.get('c', html(11));
    expect([store.size, store.bytes]).toEqual([1, 6]);
  });
});
