/** Shortest password Baton accepts (NCSC guidance favours length over complexity rules). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Explains why a password is not acceptable, or returns undefined when it is.
 * @example passwordProblem('short') // 'Password must be at least 12 characters'
 */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  return undefined;
}
