import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from './record-routes.ts';

export function registerBoardRoutes(app: FastifyInstance): void {
  const { admin } = app.services;
  registerRecordRoutes(app, {
    segment: 'boards',
    permission: 'boards:manage',
    list: admin.listBoards,
    get: admin.getBoard,
    create: admin.createBoard,
    update: admin.updateBoard,
    values: (row) => ({ name: row.name, kind: row.kind, purpose: row.purpose, version: row.version }),
    defaults: {},
  });
}
