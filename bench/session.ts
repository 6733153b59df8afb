/** Cookie jar small enough for one bench visitor: name → value, from Set-Cookie headers. */
function absorbCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]!;
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The value of the hidden `_csrf` input in a page, whatever the attribute order. */
export function csrfFieldValue(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!/\bname\s*=\s*["']_csrf["']/i.test(tag)) continue;
    const value = tag.match(/\bvalue\s*=\s*"([^"]*)"|\bvalue\s*=\s*'([^']*)'/i);
    if (value) return decodeEntities(value[1] ?? value[2] ?? '');
  }
  return undefined;
}

/**
 * Signs in through the real sign-in form, as a browser would: GET /sign-in for the visitor cookie
 * and CSRF token, then POST the form. Returns the Cookie header (visitor + session) to send.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const page = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`GET /sign-in answered ${page.status}, expected 200`);
  absorbCookies(jar, page);
  if (!jar.has('baton_visitor')) throw new Error('GET /sign-in set no baton_visitor cookie');
  const csrf = csrfFieldValue(html);
  if (!csrf) throw new Error('GET /sign-in has no hidden _csrf input');

  const posted = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  await posted.arrayBuffer();
  if (posted.status !== 303) throw new Error(`POST /sign-in answered ${posted.status}, expected 303 (wrong password or CSRF?)`);
  absorbCookies(jar, posted);
  if (!jar.get('baton_session')) throw new Error('POST /sign-in set no baton_session cookie');
  return cookieHeader(jar);
}
