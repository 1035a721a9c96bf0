/**
 * `npm run size`: min+gzip size of what a host ships, against the budgets, with @workos-inc/widgets'
 * UsersManagement bundled the same way as the reference. Exits 1 when a budget is missed, so CI
 * enforces them. Measures the built packages (dist/), as a host's bundler would see them.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** Peers of the kit (the host has them anyway) and its dependencies, for "own code" figures. */
const PEERS_AND_DEPENDENCIES = ['react', 'react-dom', 'xstate', '@xstate/react', '@tanstack/react-query', 'valibot', '@offboard/core', '@radix-ui/*'];

interface Bundle {
  readonly gzip: number;
  readonly text: string;
}

async function bundle(contents: string, external: readonly string[], loader: 'js' | 'css' = 'js'): Promise<Bundle> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader, sourcefile: `entry.${loader}` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: [...external],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const text = result.outputFiles.map((file) => file.text).join('\n');
  return { gzip: gzipSync(text, { level: 9 }).length, text };
}

export interface SizeRow {
  readonly name: string;
  readonly bytes: number;
  readonly budget?: number;
  readonly detail: string;
}

export async function measureSizes(): Promise<SizeRow[]> {
  const reactOnly = ['react', 'react-dom'];
  const components = 'OffboardProvider, UserActionsMenu, ManageLicenseDialog, ReassignContactsWizard, UsersScreen, OffboardingChecklist, TransferableTasks, OrphanedContactsNotice';
  const core = await bundle(`export * from '@offboard/core';`, PEERS_AND_DEPENDENCIES.filter((name) => name !== '@offboard/core'));
  const react = await bundle(`export * from '@offboard/react';`, PEERS_AND_DEPENDENCIES);
  const kitJs = await bundle(`export { ${components} } from '@offboard/react'; export { createHttpAdapter } from '@offboard/core';`, reactOnly);
  const kitCss = await bundle(`@import '@offboard/react/styles.css';`, [], 'css');
  const menuOnly = await bundle(`export { OffboardProvider, UserActionsMenu } from '@offboard/react'; export { createHttpAdapter } from '@offboard/core';`, reactOnly);
  // The audit viewers' own entry: its own code (peers and core external), and the whole-kit row
  // must not contain it (a host that does not show them ships none of it).
  const audit = await bundle(`export * from '@offboard/react/audit';`, PEERS_AND_DEPENDENCIES);
  const auditCore = await bundle(`export * from '@offboard/core/audit';`, PEERS_AND_DEPENDENCIES.filter((name) => name !== '@offboard/core'));
  const kitWithAudit = await bundle(`export { ${components} } from '@offboard/react'; export { AuditLog, UserHistory } from '@offboard/react/audit'; export { createHttpAdapter } from '@offboard/core';`, reactOnly);
  const workosJs = await bundle(`export { UsersManagement } from '@workos-inc/widgets';`, reactOnly);
  const workosCss = await bundle(`@import '@radix-ui/themes/styles.css'; @import '@workos-inc/widgets/styles.css';`, [], 'css');

  // Tree-shaking check: the wizard's own part names are in the whole kit but not in an app that
  // only has the menu.
  const wizardParts = ['contacts-step', 'contact-list', 'review-step'].map((name) => `"${name}"`);
  if (!wizardParts.every((name) => kitJs.text.includes(name))) throw new Error('the wizard markers are missing from the whole kit');
  const wizardLeft = wizardParts.filter((name) => menuOnly.text.includes(name));
  if (wizardLeft.length) throw new Error(`UserActionsMenu alone pulls in the wizard (found ${wizardLeft.join(', ')})`);

  if (['"audit-entry-toggle"', '"history-kinds"'].some((name) => kitJs.text.includes(name))) throw new Error('the whole kit pulls in the audit viewers');
  if (!kitWithAudit.text.includes('"audit-entry-toggle"')) throw new Error('the audit marker is missing from the audit entry');

  return [
    { name: '@offboard/core own code (main entry)', bytes: core.gzip, budget: 12 * KB, detail: 'peers and valibot external' },
    { name: '@offboard/react own code', bytes: react.gzip, budget: 25 * KB, detail: 'peers, core and dependencies external' },
    {
      name: 'whole kit with peers and CSS',
      bytes: kitJs.gzip + kitCss.gzip,
      budget: 90 * KB,
      detail: `every component + HTTP adapter + xstate, TanStack Query, Radix, valibot (${kb(kitJs.gzip)} JS + ${kb(kitCss.gzip)} CSS); react external`,
    },
    {
      name: '@offboard/react/audit own code',
      bytes: audit.gzip,
      detail: `AuditLog + UserHistory with @offboard/core/audit (${kb(auditCore.gzip)} of it); peers and core's main entry external`,
    },
    {
      name: 'whole kit + audit viewers, with peers and CSS',
      bytes: kitWithAudit.gzip + kitCss.gzip,
      detail: `what the audit entry adds to the whole kit: +${kb(kitWithAudit.gzip - kitJs.gzip)} JS`,
    },
    { name: 'app with only UserActionsMenu', bytes: menuOnly.gzip, detail: `provider + menu (+ its license dialog) + HTTP adapter with peers; wizard tree-shaken out` },
    {
      name: 'reference: @workos-inc/widgets UsersManagement',
      bytes: workosJs.gzip + workosCss.gzip,
      detail: `same bundling (${kb(workosJs.gzip)} JS + ${kb(workosCss.gzip)} CSS incl. @radix-ui/themes); react external`,
    },
  ];
}

export function sizeRowsOk(rows: readonly SizeRow[]): boolean {
  return rows.every((row) => row.budget === undefined || row.bytes <= row.budget);
}

export const formatSize = kb;
