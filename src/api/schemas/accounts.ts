import { Type } from '@sinclair/typebox';

import { RoleSchema } from './common.js';

export const Username = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{1,39}$',
  description: 'lower-case letters, digits, dot, dash, underscore; 2 to 40 characters',
});
export const Password = Type.String({ minLength: 8, maxLength: 200 });

export const AccountSchema = Type.Object(
  {
    username: Type.String(),
    role: RoleSchema,
    clientId: Type.Union([Type.Integer(), Type.Null()]),
    disabled: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { title: 'Account' },
);

export const MeSchema = Type.Object({
  username: Type.String(),
  role: RoleSchema,
  clientId: Type.Union([Type.Integer(), Type.Null()]),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const NewAccountBody = Type.Object(
  {
    username: Username,
    password: Password,
    role: RoleSchema,
    clientId: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999_999 })),
  },
  { additionalProperties: false },
);

export const UsernameParams = Type.Object({ username: Username }, { additionalProperties: false });
export const ResetBody = Type.Object({ password: Password }, { additionalProperties: false });
export const DisableBody = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
