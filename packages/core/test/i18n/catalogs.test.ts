import {
  AUDIT_ACTIONS,
  ERROR_CODES,
  ERROR_MESSAGES,
  FORBIDDEN_MESSAGES,
  FORBIDDEN_REASONS,
  LAST_LICENSE_IN_COUNTRY_MESSAGE,
  OffboardError,
  PLAN_REASON_CODES,
  SCENARIOS,
  STEP_IDS,
  STEP_STATUSES,
  EFFECT_KEYS,
  forbidden,
} from '../../src';
import { describe, expect, it } from 'vitest';
import { createTranslator, en, es, formatMessage, resolveCatalog, type MessageKey } from '../../src/i18n';

const domainKeys: MessageKey[] = [
  ...ERROR_CODES.map((code) => `errors.${code}` as const),
  ...FORBIDDEN_REASONS.map((reason) => `forbidden.${reason}` as const),
  ...PLAN_REASON_CODES.map((code) => `reasons.${code}` as const),
  ...STEP_IDS.map((step) => `steps.${step}` as const),
  ...STEP_STATUSES.map((status) => `stepStatus.${status}` as const),
  ...SCENARIOS.map((scenario) => `scenarios.${scenario}` as const),
  ...AUDIT_ACTIONS.map((action) => `done.${action}` as const),
  ...EFFECT_KEYS.map((effect) => `effects.${effect}` as const),
];

describe('message catalogs', () => {
  it.each([
    ['English', en],
    ['Spanish', es],
  ])('%s words every error code, reason for a refusal, plan reason, step, status, scenario, change and effect', (_, catalog) => {
    for (const key of domainKeys) expect(catalog[key], key).toBeTruthy();
  });

  it('Spanish translates every English key, and nothing else', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const untranslated = (Object.keys(en) as MessageKey[]).filter((key) => JSON.stringify(en[key]) === JSON.stringify(es[key]));
    expect(untranslated).toEqual(['badge.license.active']);
  });

  it('R4: the English message is the article’s, word for word', () => {
    expect(en['errors.LAST_LICENSE_IN_COUNTRY']).toBe(
      "You must deactivate the phone numbers for this license's country before removing the last license in the country.",
    );
    expect(en['errors.LAST_LICENSE_IN_COUNTRY']).toBe(LAST_LICENSE_IN_COUNTRY_MESSAGE);
  });

  it('English words every error and every reason for FORBIDDEN as the core does, in one place', () => {
    for (const code of ERROR_CODES) expect(en[`errors.${code}`], code).toBe(ERROR_MESSAGES[code]);
    for (const reason of FORBIDDEN_REASONS) expect(en[`forbidden.${reason}`], reason).toBe(FORBIDDEN_MESSAGES[reason]);
  });

  it('explains a FORBIDDEN by its reason, and one without a known reason generically', () => {
    const english = createTranslator('en', resolveCatalog());
    const spanish = createTranslator('es', resolveCatalog(es));
    for (const reason of FORBIDDEN_REASONS) {
      expect(english.explain(forbidden(reason))).toBe(FORBIDDEN_MESSAGES[reason]);
      expect(spanish.explain(forbidden(reason))).toBe(es[`forbidden.${reason}`]);
    }
    expect(spanish.explain(forbidden('not-admin'))).toBe('Solo un administrador activo puede hacer esto.');
    expect(english.explain(new OffboardError('FORBIDDEN'))).toBe('You are not allowed to do this.');
    expect(spanish.explain(new OffboardError('UNAUTHENTICATED'))).toBe('Inicia sesión para continuar.');
  });

  it('R4: a step held back by step 3 names it by number and title, in each locale', () => {
    const afterStep = { code: 'AFTER_STEP', details: { step: 'check-phone-numbers', number: 3 } } as const;
    expect(createTranslator('en', resolveCatalog()).explain(afterStep)).toBe('Do step 3 first: Check phone numbers (last license in the country).');
    expect(createTranslator('es', resolveCatalog(es)).explain(afterStep)).toBe(`Primero, el paso 3: ${es['steps.check-phone-numbers']}.`);
  });

  it('picks plurals with Intl.PluralRules, exact counts first, and formats numbers for the locale', () => {
    const contacts = { '=0': 'no contacts', one: '{count} contact', other: '{count} contacts' };
    expect(formatMessage('en', contacts, { count: 0 })).toBe('no contacts');
    expect(formatMessage('en', contacts, { count: 1 })).toBe('1 contact');
    expect(formatMessage('en', contacts, { count: 50_000 })).toBe('50,000 contacts');
    expect(formatMessage('es', contacts, { count: 50_000 })).toBe('50.000 contacts');
    expect(formatMessage('en', 'Hello {name}, {missing}', { name: 'Ana' })).toBe('Hello Ana, {missing}');
  });

  it('explains refusals and plan reasons by code, never by their English message', () => {
    const spanish = createTranslator('es-MX', resolveCatalog(es));
    expect(spanish.explain(new OffboardError('LAST_ADMIN'))).toBe('No se puede desactivar al último administrador activo.');
    expect(spanish.explain({ code: 'CONTACTS_TO_REASSIGN', details: { contacts: 1 } })).toBe('1 contacto sigue perteneciendo a este usuario.');
    expect(spanish.explain({ code: 'OPEN_TASKS', details: { tasks: 0 } })).toBe('Este usuario no tiene tareas abiertas.');
    expect(spanish.country('CO')).toBe('Colombia');
    expect(spanish.list(['Ana', 'Carla', 'Elena'])).toBe('Ana, Carla y Elena');
    expect(spanish.date('2026-11-02T09:00:00.000Z')).toMatch(/2026/);
  });

  it('lets a host override any message and fall back to English for other languages', () => {
    const overridden = createTranslator('en', resolveCatalog({ 'menu.deactivateUser': 'Offboard {name}' }));
    expect(overridden.t('menu.deactivateUser', { name: 'Diego' })).toBe('Offboard Diego');
    expect(overridden.t('menu.activateUser')).toBe('Activate user');
    expect(createTranslator('fr', resolveCatalog()).t('common.cancel')).toBe('Cancel');
  });
});
