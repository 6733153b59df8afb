import type { Permission } from '../../core/policy.ts';

/**
 * What every `/api/v1` route declares: the permission the tenant guard checks (reading the
 * partnership by default) and the rate limit a token gets.
 */
export function apiRoute(permission: Permission = 'partnership:read') {
  return { config: { permission, rateLimit: { max: 600, timeWindow: '1 minute' } } };
}
