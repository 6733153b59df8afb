import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../services/errors.ts';

/** The signed-in person as the audit log names them. */
export function actorOf(request: FastifyRequest): Actor {
  const user = request.user!;
  return { userId: user.id, label: `${user.name} <${user.email}>` };
}
