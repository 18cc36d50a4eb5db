import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** The one error shape of the API. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable code from the catalogue, e.g. CS_ERR_UNKNOWN_CLIENT' }),
      message: Type.String({ description: 'what went wrong and what to do' }),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { $id: 'Error', title: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error responses a route may give, by status, all in the one shape. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('Error')]));
}

export const Lang = Type.Union([Type.Literal('en'), Type.Literal('fr')], {
  default: 'en',
  description: 'language of labels and sentences',
});

/** SK_ID_CURR in a path: a positive integer within the real range of ids, 404 when unknown. */
export const ClientIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: 999_999_999, description: 'SK_ID_CURR' }) },
  { additionalProperties: false },
);
export type ClientIdParams = Static<typeof ClientIdParams>;

export const LangQuery = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });

export const TextSchema = Type.Object({ en: Type.String(), fr: Type.String() });

export const DecisionSchema = Type.Union([
  Type.Literal('accepted'),
  Type.Literal('refused'),
  Type.Literal('review'),
]);

export const RoleSchema = Type.Union([
  Type.Literal('advisor'),
  Type.Literal('client'),
  Type.Literal('admin'),
]);
