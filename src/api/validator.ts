import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

/** Errors reported per invalid request: enough to fix it, bounded so a huge document costs little. */
const MAX_ERRORS = 10;
const INTEGER = /^-?\d{1,16}$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Query strings and path parameters are text: a field the schema types as an integer or a
 * number is converted only when the text is exactly one ("12" -> 12; "12.5", "1e3" stay text
 * for an integer and fail), which is stricter than TypeBox's or Ajv's coercion.
 */
function convertText(schema: TSchema, input: unknown): unknown {
  const properties = (schema as { properties?: Record<string, TSchema> }).properties;
  if (!properties || typeof input !== 'object' || input === null) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    const type = properties[key]?.type;
    if (typeof value !== 'string') continue;
    if (type === 'integer' && INTEGER.test(value)) out[key] = Number(value);
    else if (type === 'number' && NUMBER.test(value)) out[key] = Number(value);
    else if (type === 'boolean' && (value === 'true' || value === 'false')) out[key] = value === 'true';
  }
  return Value.Default(schema, out);
}

/**
 * Request validation by the route's TypeBox schema. Bodies are checked as sent (a string is
 * not a number: no coercion); query strings and path parameters are converted as above and
 * given their defaults. Unknown fields fail where the schema says additionalProperties: false
 * (Fastify's default Ajv would silently drop them).
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  return (input: unknown) => {
    const value = httpPart === 'body' ? input : convertText(schema, input);
    if (check.Check(value)) return { value };
    const errors = [];
    for (const error of check.Errors(value)) {
      errors.push({
        instancePath: error.path,
        message: error.message,
        keyword: 'schema',
        schemaPath: '',
        params: {},
      });
      if (errors.length >= MAX_ERRORS) break;
    }
    return { error: errors };
  };
};
