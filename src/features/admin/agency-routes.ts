import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from './record-routes.ts';

export function registerAgencyRoutes(app: FastifyInstance): void {
  const { admin } = app.services;
  registerRecordRoutes(app, {
    segment: 'agencies',
    permission: 'agencies:manage',
    list: admin.listAgencies,
    get: admin.getAgency,
    create: admin.createAgency,
    update: admin.updateAgency,
    values: (row) => ({ name: row.name, sector: row.sector, version: row.version }),
    defaults: {},
  });
}
