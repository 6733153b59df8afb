import { ROLES } from '../../core/policy.ts';
import { BOARD_KINDS, SECTORS } from '../../core/sectors.ts';
import { errors, id, json, slug, withVersion } from './openapi-parts.ts';
import { planPaths, planSchemas } from './openapi-plans.ts';
import { indicatorPaths, indicatorSchemas } from './openapi-indicators.ts';

function collection(name: string, schema: string, input: string, tag: string) {
  return {
    [`/api/v1/p/{slug}/${name}`]: {
      parameters: [slug],
      get: {
        tags: [tag],
        summary: `List ${name}`,
        responses: {
          200: {
            description: 'OK',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${schema}` } } } },
              },
            },
          },
          ...errors,
        },
      },
      post: {
        tags: [tag],
        summary: `Add to ${name} (admin)`,
        requestBody: { required: true, content: json(input) },
        responses: { 201: { description: 'Created', content: json(schema) }, ...errors },
      },
    },
    [`/api/v1/p/{slug}/${name}/{id}`]: {
      parameters: [slug, id],
      get: { tags: [tag], summary: `Read one of ${name}`, responses: { 200: { description: 'OK', content: json(schema) }, ...errors } },
      put: {
        tags: [tag],
        summary: `Change one of ${name} (admin); send the version you read, or get 409`,
        requestBody: { required: true, content: json(`${input}WithVersion`) },
        responses: { 200: { description: 'OK', content: json(schema) }, ...errors },
      },
    },
  };
}

/** The OpenAPI 3.1 description of `/api/v1`. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Baton API',
    version: '1',
    description:
      'Personal API tokens (`baton tokens create`, or API tokens in the app) are sent as `Authorization: Bearer …`. A token acts with its owner’s roles.',
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  paths: {
    '/api/v1/me': {
      get: {
        summary: 'The token’s owner and their partnerships',
        responses: { 200: { description: 'OK', content: json('Me') }, ...errors },
      },
    },
    '/api/v1/p/{slug}': {
      parameters: [slug],
      get: { summary: 'A partnership and your role in it', responses: { 200: { description: 'OK' }, ...errors } },
    },
    ...collection('agencies', 'Agency', 'AgencyInput', 'Agencies'),
    ...collection('boards', 'Board', 'BoardInput', 'Boards'),
    ...planPaths,
    ...indicatorPaths,
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Problem: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      Me: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          partnerships: {
            type: 'array',
            items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' }, role: { enum: [...ROLES] } } },
          },
        },
      },
      Agency: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          sector: { enum: Object.keys(SECTORS) },
          version: { type: 'integer' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      AgencyInput: {
        type: 'object',
        required: ['name', 'sector'],
        properties: { name: { type: 'string', maxLength: 200 }, sector: { enum: Object.keys(SECTORS) } },
      },
      AgencyInputWithVersion: withVersion('AgencyInput'),
      Board: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          kind: { enum: Object.keys(BOARD_KINDS) },
          purpose: { type: 'string' },
          version: { type: 'integer' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      BoardInput: {
        type: 'object',
        required: ['name', 'kind'],
        properties: {
          name: { type: 'string', maxLength: 200 },
          kind: { enum: Object.keys(BOARD_KINDS) },
          purpose: { type: 'string', maxLength: 2000 },
        },
      },
      BoardInputWithVersion: withVersion('BoardInput'),
      ...planSchemas,
      ...indicatorSchemas,
    },
  },
} as const;
