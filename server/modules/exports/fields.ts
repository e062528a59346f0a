/**
 * How the open-data export describes itself: each table is a zod object whose every field carries its description.
 * The same schema types the rows the export writes, names the CSV columns and generates the README, so the README
 * cannot describe a field the data lacks, or miss one it has (EXPORT3).
 */
import { z } from 'zod';

/** The export's layout version: raised whenever a table or field changes meaning, is renamed or removed. */
export const EXPORT_SCHEMA_VERSION = 1;

/** One table of the export: its name (the CSV file is `<name>.csv`), what a row is, and its fields. */
export interface ExportTable<Shape extends z.ZodRawShape = z.ZodRawShape, Name extends string = string> {
  name: Name;
  description: string;
  row: z.ZodObject<Shape>;
}

/** A row of a table. */
export type RowOf<T extends ExportTable> = z.infer<T['row']>;

/** Declares a table. */
export function table<const Name extends string, Shape extends z.ZodRawShape>(name: Name, description: string, shape: Shape): ExportTable<Shape, Name> {
  return { name, description, row: z.strictObject(shape) };
}

const described = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

/** Field builders: each takes the field's description. Nullable ones read as an empty CSV cell when null. */
export const f = {
  id: (d: string) => described(z.string(), d),
  text: (d: string) => described(z.string(), d),
  textOrNull: (d: string) => described(z.string().nullable(), d),
  int: (d: string) => described(z.int(), d),
  intOrNull: (d: string) => described(z.int().nullable(), d),
  bool: (d: string) => described(z.boolean(), d),
  /** ISO 8601 timestamp (UTC) or calendar day, as a string. */
  time: (d: string) => described(z.string(), d),
  timeOrNull: (d: string) => described(z.string().nullable(), d),
  texts: (d: string) => described(z.array(z.string()), d),
  enumOf: <const V extends readonly [string, ...string[]]>(values: V, d: string) => described(z.enum(values), d),
  enumOrNull: <const V extends readonly [string, ...string[]]>(values: V, d: string) => described(z.enum(values).nullable(), d),
  /** Structured data kept as given (JSON in CSV cells). */
  json: (d: string) => described(z.unknown(), d),
};

const BADGES = ['citizen', 'organisation', 'official', 'staff'] as const;
type Badge = (typeof BADGES)[number];
type PersonText<P extends string> = `${P}Id` | `${P}Name` | `${P}Role`;

/** The fields of a contribution's author (or a moderator) under a prefix (`author`, `moderator`): id, name and badge. */
export type PersonShape<P extends string> = { [K in PersonText<P>]: z.ZodString } & { [K in `${P}Badge`]: z.ZodEnum<{ [B in Badge]: B }> } & {
  [K in `${P}Register`]: z.ZodNullable<z.ZodString>;
};
/** Those fields' values. */
export type PersonRow<P extends string> = { [K in PersonText<P>]: string } & { [K in `${P}Badge`]: Badge } & { [K in `${P}Register`]: string | null };

/** The badge fields of a person, under a prefix, described as `who`. */
export function personFields<P extends string>(prefix: P, who: string): PersonShape<P> {
  return {
    [`${prefix}Id`]: f.id(`User id of ${who}`),
    [`${prefix}Name`]: f.text(`Public display name of ${who}`),
    [`${prefix}Badge`]: f.enumOf(BADGES, `Badge of ${who}: citizen, organisation, official (parliamentarian, government) or staff (moderator, administrator)`),
    [`${prefix}Role`]: f.text(`Account role of ${who}: citizen, organisation, parliamentarian, government, moderator or admin`),
    [`${prefix}Register`]: f.textOrNull(`Interest-representative register number of ${who}, for an organisation that gave one`),
  } as PersonShape<P>;
}

/** The tombstone fields of a hideable contribution. */
export const hiddenFields = {
  hiddenReason: f.textOrNull('Set when a moderator hid this contribution: the public reason (its text fields are then empty)'),
  hiddenAt: f.timeOrNull('When it was hidden'),
};

/** A contributor as the API presents one, flattened under a prefix. */
export function flattenPerson<P extends string>(
  prefix: P,
  person: { id: string; displayName: string; kind: Badge; role: string; organisationRegister: string | null },
): PersonRow<P> {
  return {
    [`${prefix}Id`]: person.id,
    [`${prefix}Name`]: person.displayName,
    [`${prefix}Badge`]: person.kind,
    [`${prefix}Role`]: person.role,
    [`${prefix}Register`]: person.organisationRegister,
  } as PersonRow<P>;
}

/** A tombstone as the two hidden fields. */
export function flattenTombstone(tombstone: { reason: string; hiddenAt: string } | null): { hiddenReason: string | null; hiddenAt: string | null } {
  return { hiddenReason: tombstone?.reason ?? null, hiddenAt: tombstone?.hiddenAt ?? null };
}
