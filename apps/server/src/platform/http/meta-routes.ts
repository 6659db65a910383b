import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLE_NAMES, SCOPES } from '../access/model.js';
import { ORGANISATION_KIND_NAMES } from '../identity/model.js';

const Names = Type.Record(Type.String(), Type.Object({ zh: Type.String(), en: Type.String() }));

/** Vocabulary the web app shows: roles, organisation kinds, token scopes, in both languages. */
export async function metaRoutes(app: FastifyInstance) {
  app.get('/api/meta', {
    config: { access: { allow: 'public' } },
    schema: { tags: ['meta'], summary: '词表 Roles, organisation kinds, token scopes', response: { 200: Type.Object({ roles: Names, organisationKinds: Names, scopes: Names }) } },
  }, async () => ({ roles: ROLE_NAMES, organisationKinds: ORGANISATION_KIND_NAMES, scopes: SCOPES }));
}
