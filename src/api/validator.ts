import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

/** Errors reported per invalid request: enough to fix it, bounded so a huge document costs little. */
const MAX_ERRORS = 10;

/**
 * Request validation by the route's TypeBox schema. Bodies are checked as sent (a string is
 * not a number: no coercion); query strings and path parameters are text, converted to the
 * schema's types first ("20" -> 20) and given their defaults. Unknown fields fail where the
 * schema says additionalProperties: false (Fastify's default Ajv would silently drop them).
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  return (input: unknown) => {
    const value =
      httpPart === 'body' ? input : Value.Convert(schema, Value.Default(schema, Value.Clone(input)));
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
