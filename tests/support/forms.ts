/** A form as a page offers it: where it posts, and the values a browser would send untouched. */
export interface PageForm {
  action: string;
  fields: Record<string, string | string[]>;
}

const unescape = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x27;', "'")
    .replaceAll('&amp;', '&');

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) found[m[1]!.toLowerCase()] = unescape(m[2] ?? '');
  return found;
}

function add(fields: Record<string, string | string[]>, name: string, value: string) {
  const held = fields[name];
  fields[name] = held === undefined ? value : [held, value].flat();
}

/** The fields of one form's markup, as a browser would send them (checked boxes, chosen options). */
function fieldsOf(html: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  const elements = /<(input)\b([^>]*)>()|<(select|textarea)\b([^>]*)>([\s\S]*?)<\/(?:select|textarea)>/g;
  for (const m of html.matchAll(elements)) {
    const [element, tag, inner] = m[1] ? [m[1], m[2]!, ''] : [m[4]!, m[5]!, m[6]!];
    const a = attributes(tag);
    if (!a.name || a.name === '_csrf' || 'disabled' in a) continue;
    if (element === 'textarea') add(fields, a.name, unescape(inner));
    else if (element === 'select') {
      const options = [...inner.matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]!));
      const chosen = options.find((o) => 'selected' in o) ?? options[0];
      add(fields, a.name, chosen?.value ?? '');
    } else if (a.type === 'checkbox' || a.type === 'radio') {
      if ('checked' in a) add(fields, a.name, a.value ?? 'on');
    } else if (a.type !== 'submit' && a.type !== 'file') add(fields, a.name, a.value ?? '');
  }
  return fields;
}

/** Every form on a page that posts, by the path it posts to (its query string kept in `action`). */
export function postForms(html: string): Map<string, PageForm> {
  const forms = new Map<string, PageForm>();
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attributes(m[1]!);
    if ((a.method ?? 'get').toLowerCase() !== 'post' || !a.action) continue;
    forms.set(a.action.split(/[?#]/)[0]!, { action: a.action, fields: fieldsOf(m[2]!) });
  }
  return forms;
}
