import { createRequire } from 'node:module';

/** Shortest password Baton accepts (NCSC guidance favours length over complexity rules). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Whose password it is: a password made of their own name or e-mail address is refused. */
export interface PasswordOwner {
  name?: string | undefined;
  email?: string | undefined;
}

let common: Set<string> | undefined;

/**
 * The 49,000 passwords seen most often in breaches (zxcvbn-ts's common list, MIT, maintained on
 * npm), read on first use: it takes a moment and most requests never need it.
 */
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set(dictionary['passwords-common']);
  }
  return common;
}

const folded = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** "password1234", "!Liverpool2024", "Qwerty 123": a common password with digits or symbols around it. */
function isCommon(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower) || list.has(folded(password))) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  return core.length >= 4 && list.has(core);
}

/** One unit over and over ("aaaaaaaaaaaa", "abcabcabcabc", "trustno1trustno1"). */
function isRepetition(password: string): boolean {
  return /^(.+?)\1+$/su.test(folded(password));
}

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];

/** A straight run up or down the alphabet, the digits or a keyboard row ("abcdefghijkl", "987654321098"). */
function isRun(password: string): boolean {
  const text = folded(password);
  if (text.length < 4) return false;
  return RUNS.some((run) => {
    const loop = run.repeat(Math.ceil(text.length / run.length) + 1);
    const back = [...loop].reverse().join('');
    return loop.includes(text) || back.includes(text);
  });
}

/** The owner's name and e-mail in pieces of 3 letters or more ("jo.bloggs@walsall.gov.uk" → bloggs, walsall). */
function ownerWords(owner: PasswordOwner): string[] {
  const [local = '', domain = ''] = (owner.email ?? '').toLowerCase().split('@');
  const pieces = [...(owner.name ?? '').split(/\s+/), ...local.split(/[._+-]/), local, domain.split('.')[0] ?? ''];
  return [...new Set(pieces.map(folded).filter((w) => w.length >= 3))].sort((a, b) => b.length - a.length);
}

/** True when, without the owner's name and e-mail, little or only something common is left. */
function isAboutOwner(password: string, owner: PasswordOwner): boolean {
  const words = ownerWords(owner);
  let rest = folded(password);
  const before = rest;
  for (const word of words) rest = rest.split(word).join('');
  if (rest === before) return false;
  return rest.length < 8 || commonPasswords().has(rest) || isRepetition(rest) || isRun(rest);
}

/**
 * Explains why a password is not acceptable, or returns undefined when it is: length, then the
 * NCSC's advice to refuse passwords attackers try first (common and breached ones, simple
 * patterns) and ones made of the person's own name or e-mail address.
 * @example passwordProblem('password1234') // 'This is one of the passwords most often …'
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (isCommon(password)) {
    return 'This is one of the passwords most often used and tried by attackers. Choose another, such as three random words.';
  }
  if (isRepetition(password) || isRun(password)) {
    return 'This password is a simple pattern (a repeated character or a run like abcdef or 123456). Choose another, such as three random words.';
  }
  if (isAboutOwner(password, owner))
    return 'This password is mostly the person’s name or e-mail address. Choose another, such as three random words.';
  return undefined;
}
