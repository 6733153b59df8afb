/**
 * The JSON bodies the API describes (its OpenAPI document), for the route fuzz test: which fields a
 * route's body has, down into lists of records, and a body of plausible values to vary one at a time.
 */
type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
};
type Document = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

/** A place in a body: `['observations', 0, 'qualityNote']`. */
export type FieldPath = (string | number)[];

function resolve(doc: Document, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').at(-1)!]!);
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map((s) => resolve(doc, s));
  return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) };
}

/** The body schema of `method url`, the URL matched against the document's path templates. */
export function bodySchema(doc: Document, method: string, url: string): Schema | undefined {
  const path = url.split('?')[0]!;
  for (const [template, operations] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const schema = operations[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
    if (pattern.test(path) && schema) return resolve(doc, schema);
  }
  return undefined;
}

/** Every field of a body, a list of records by its first record's fields. */
export function fieldPaths(doc: Document, schema: Schema, at: FieldPath = []): FieldPath[] {
  const paths: FieldPath[] = [];
  for (const [name, raw] of Object.entries(resolve(doc, schema).properties ?? {})) {
    const field = resolve(doc, raw);
    paths.push([...at, name]);
    const item = field.items && resolve(doc, field.items);
    if (item?.properties) paths.push(...fieldPaths(doc, item, [...at, name, 0]));
  }
  return paths;
}

/** A plausible value for each field: an enum's first choice, a real date, a number, some words. */
export function plausible(doc: Document, schema: Schema): unknown {
  const s = resolve(doc, schema);
  const type = [s.type].flat()[0];
  if (s.enum) return s.enum[0];
  if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, plausible(doc, v)]));
  if (type === 'array') return s.items ? [plausible(doc, s.items)] : [];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  if (s.format === 'date') return '2020-04-01';
  return 'Fuzz test';
}

/** A copy of `body` with `value` at `path`. */
export function withValueAt(body: unknown, path: FieldPath, value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof path[path.indexOf(key) + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

/** A body with `value` in every field, lists of records holding one record of them. */
export function everyField(doc: Document, schema: Schema, value: unknown): unknown {
  return fieldPaths(doc, schema).reduce<unknown>((body, path) => {
    const isList = fieldPaths(doc, schema).some((p) => p.length > path.length && p.slice(0, path.length).join('.') === path.join('.'));
    return isList ? body : withValueAt(body, path, value);
  }, {});
}
