import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's enum is `const`, which erasable TypeScript cannot import.
const ARGON2ID = 2;

/** Hashes a password with argon2id at the library's defaults (OWASP's minimum parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when no account matches, so a wrong e-mail takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nobody');
  return decoyHash;
}
