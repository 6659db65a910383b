import { describe, expect, it } from 'vitest';
import { decide, hasRole, ROLE_NAMES, ROLES, SCOPES, type AccessRule, type Principal, type Role } from './model.js';

/** decide() alone: who may call a route, from the rule the route declares and the principal of the request. */

const person = (roles: Role[]): Principal => ({
  userId: '00000000-0000-4000-8000-000000000001', username: 'p', displayName: 'P', organisationId: null,
  roles, via: 'session', scopes: null, sessionIdHash: 'h',
});
const machine = (roles: Role[], scopes: string[] | null): Principal => ({
  userId: '00000000-0000-4000-8000-000000000002', username: 'm', displayName: 'M', organisationId: null,
  roles, via: 'token', scopes,
});

describe('decide(): the access rule of a route against the caller', () => {
  describe('public routes', () => {
    const rule: AccessRule = { allow: 'public' };

    it('let anonymous callers in', () => {
      expect(decide(rule, null)).toBe('allow');
    });

    it('let every signed-in role in', () => {
      for (const role of ROLES) expect(decide(rule, person([role]))).toBe('allow');
      expect(decide(rule, person([]))).toBe('allow');
    });

    it('let a token in, since a token never gets less than an anonymous caller', () => {
      expect(decide({ allow: 'public', scope: 'plan:read' }, machine(['enterprise'], ['plan:read']))).toBe('allow');
      expect(decide({ allow: 'public', scope: 'plan:read' }, machine(['enterprise'], ['admin:read']))).toBe('allow');
    });
  });

  describe('authenticated routes', () => {
    const rule: AccessRule = { allow: 'authenticated' };

    it('ask anonymous callers to sign in', () => {
      expect(decide(rule, null)).toBe('unauthenticated');
    });

    it('let any signed-in person in, whatever the role, even with no role at all', () => {
      for (const role of ROLES) expect(decide(rule, person([role]))).toBe('allow');
      expect(decide(rule, person([]))).toBe('allow');
    });

    it('refuse a token when the route names no scope', () => {
      expect(decide(rule, machine(['admin'], ['plan:read', 'admin:read']))).toBe('forbidden');
    });

    it('let a token in when the route names a scope the token holds', () => {
      expect(decide({ allow: 'authenticated', scope: 'plan:read' }, machine(['expert'], ['plan:read']))).toBe('allow');
      expect(decide({ allow: 'authenticated', scope: 'plan:read' }, machine(['expert'], ['admin:read']))).toBe('forbidden');
    });
  });

  describe('routes that name roles', () => {
    const rule: AccessRule = { allow: ['admin', 'taskforce'] };

    it('ask anonymous callers to sign in', () => {
      expect(decide(rule, null)).toBe('unauthenticated');
    });

    it('let in a person holding one of the roles', () => {
      expect(decide(rule, person(['admin']))).toBe('allow');
      expect(decide(rule, person(['taskforce']))).toBe('allow');
      expect(decide(rule, person(['expert', 'taskforce']))).toBe('allow');
    });

    it('refuse a person holding none of them', () => {
      for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'taskforce')) expect(decide(rule, person([role]))).toBe('forbidden');
      expect(decide(rule, person([]))).toBe('forbidden');
    });

    it('refuse everyone when the list is empty', () => {
      expect(decide({ allow: [] }, person([...ROLES]))).toBe('forbidden');
    });

    it('do not treat the admin role as a master key', () => {
      expect(decide({ allow: ['curator'] }, person(['admin']))).toBe('forbidden');
    });
  });

  describe('API tokens', () => {
    const rule: AccessRule = { allow: ['admin'], scope: 'admin:read' };

    it('reach a route only when they hold its scope and their owner holds one of its roles', () => {
      expect(decide(rule, machine(['admin'], ['admin:read']))).toBe('allow');
      expect(decide(rule, machine(['admin'], ['plan:read']))).toBe('forbidden');
      expect(decide(rule, machine(['taskforce'], ['admin:read']))).toBe('forbidden');
    });

    it('reach nothing protected when they carry no scopes', () => {
      expect(decide(rule, machine(['admin'], []))).toBe('forbidden');
      expect(decide(rule, machine(['admin'], null))).toBe('forbidden');
      expect(decide({ allow: 'authenticated' }, machine(['admin'], null))).toBe('forbidden');
    });

    it('never reach a write route that names no scope, whatever the owner may do', () => {
      expect(decide({ allow: ['admin'] }, machine(['admin'], Object.keys(SCOPES)))).toBe('forbidden');
    });
  });

  describe('sessions', () => {
    it('are not limited by scopes: a person may do all their roles allow', () => {
      expect(decide({ allow: ['admin'], scope: 'admin:read' }, person(['admin']))).toBe('allow');
      expect(decide({ allow: ['admin'] }, person(['admin']))).toBe('allow');
    });
  });

  describe('malformed rules', () => {
    it('deny when the roles are given as a bare string instead of a list', () => {
      // TypeScript forbids this; a rule built at run time (or in JavaScript) must still fail closed.
      expect(decide({ allow: 'admin' } as unknown as AccessRule, person(['admin']))).toBe('forbidden');
      expect(decide({ allow: 'enterprise,admin' } as unknown as AccessRule, person(['enterprise']))).toBe('forbidden');
    });

    it('deny when allow is missing', () => {
      expect(decide({} as unknown as AccessRule, person(['admin']))).toBe('forbidden');
      expect(decide({} as unknown as AccessRule, null)).toBe('unauthenticated');
    });
  });
});

describe('hasRole()', () => {
  it('is true when the principal holds one of the roles, false otherwise and for nobody', () => {
    expect(hasRole(person(['unit', 'expert']), 'expert')).toBe(true);
    expect(hasRole(person(['unit']), 'admin', 'taskforce')).toBe(false);
    expect(hasRole(null, 'admin')).toBe(false);
  });
});

describe('the vocabulary', () => {
  it('names every role in Chinese and English', () => {
    expect(Object.keys(ROLE_NAMES).sort()).toEqual([...ROLES].sort());
    for (const r of ROLES) {
      expect(ROLE_NAMES[r].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(ROLE_NAMES[r].en).toMatch(/[A-Za-z]/);
    }
  });

  it('names every scope in Chinese and English, as resource:verb', () => {
    for (const [s, n] of Object.entries(SCOPES)) {
      expect(s).toMatch(/^[a-z]+:[a-z]+$/);
      expect(n.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(n.en).toMatch(/[A-Za-z]/);
    }
  });
});
