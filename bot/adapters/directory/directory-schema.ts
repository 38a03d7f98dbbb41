/**
 * zod schema of the directory file (YAML): units, people, Lotsen assignments.
 */
import { z } from 'zod';
import { roles } from '../../ports/directory.ts';

const id = z.string().regex(/^[\w.-]+$/, 'only letters, digits, "_", "-" and "." are allowed');

/** One person of the directory. */
export const personSchema = z
  .object({
    id,
    name: z.string().min(1),
    unit: id,
    roles: z.array(z.enum(roles)).default(['staff']),
    email: z.email().optional(),
    jid: z
      .string()
      .regex(/^[^@\s]+@[^@\s]+$/, 'expected a bare JID like name@domain')
      .optional(),
    aadObjectId: z.string().min(1).optional(),
    kiTrained: z.boolean().default(false),
    lotseTitle: z.enum(['Digitallotsin', 'Digitallotse']).optional(),
    plainLanguage: z.boolean().optional(),
  })
  .strict();

/** A person as read from the file. */
export type DirectoryPerson = z.infer<typeof personSchema>;

/** One directory file. */
export const directoryFileSchema = z
  .object({
    tenant: z.string().min(1).optional(),
    units: z.array(
      z
        .object({
          id,
          name: z.string().min(1),
          kind: z.enum(['dezernat', 'amt', 'sachgebiet', 'stabsstelle']),
          parent: id.optional(),
        })
        .strict(),
    ),
    people: z.array(personSchema).default([]),
    /** A CSV export with more people (path relative to the YAML file). */
    people_csv: z.string().min(1).optional(),
    lotsen: z.array(z.object({ unit: id, lotsen: z.array(id).min(1), deputies: z.array(id).default([]) }).strict()).default([]),
  })
  .strict();

/** The parsed content of a directory file. */
export type DirectoryFile = z.infer<typeof directoryFileSchema>;
