import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../core/passwords.ts';
import { ROLES } from '../../core/policy.ts';
import { BOARD_KINDS, SECTORS } from '../../core/sectors.ts';
import { optionalDate, requiredText as text, versionInput, withDateInputs } from '../../services/validation.ts';

const version = versionInput();
const optionalId = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.uuid({ error: 'Choose an agency from the list' }).nullable())
  .optional()
  .transform((v) => v ?? null);
const role = z.enum(ROLES, { error: 'Choose a role' });

export const newUserSchema = z
  .object({
    name: text('a full name', 200),
    email: z
      .string({ error: 'Enter an e-mail address' })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Enter an e-mail address in the correct format, like name@example.org' }).max(254)),
    role,
    agencyId: optionalId,
    password: z
      .string({ error: 'Enter a password' })
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
  })
  // Common, patterned or made of the person's own name or e-mail: the ones attackers try first.
  .superRefine((user, ctx) => {
    const problem = passwordProblem(user.password, user);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const membershipSchema = z.object({ role, agencyId: optionalId, version });

export const agencySchema = z.object({
  name: text('the agency’s name', 200),
  sector: z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS], { error: 'Choose a sector' }),
});
export const agencyEditSchema = agencySchema.extend({ version });

export const boardSchema = z.object({
  name: text('the board’s name', 200),
  kind: z.enum(Object.keys(BOARD_KINDS) as [keyof typeof BOARD_KINDS], { error: 'Choose the kind of board' }),
  purpose: z.string().trim().max(2000, 'Purpose must be 2000 characters or fewer').default(''),
});
export const boardEditSchema = boardSchema.extend({ version });

/** The audit log's filters, a query string: its dates from date inputs' boxes, or `from=YYYY-MM-DD` in a link. */
const auditFilterFields = z
  .object({
    person: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.uuid({ error: 'Choose a person from the list' }).optional()),
    type: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || undefined),
    from: optionalDate('the date from'),
    to: optionalDate('the date to'),
  })
  .refine((f) => typeof f.from !== 'string' || typeof f.to !== 'string' || f.from <= f.to, {
    message: 'The ‘to’ date must be the same as or after the ‘from’ date',
    path: ['to'],
  });
export const auditFilterSchema = withDateInputs(['from', 'to'], auditFilterFields);

export type NewUserInput = z.infer<typeof newUserSchema>;
export type AuditFilterInput = z.infer<typeof auditFilterSchema>;
