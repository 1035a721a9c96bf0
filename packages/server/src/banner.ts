import type { Caller, OffboardData } from '@offboard/core';

export const DEMO_SERVICE_ID = 'svc-directory';

export interface BannerInput {
  /** Where the contract is mounted, `http://127.0.0.1:8787/api/offboard`. */
  readonly baseUrl: string;
  readonly origin: string;
  readonly organisation: OffboardData;
  readonly description: string;
  readonly tokenFor: (caller: Caller) => string;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function who(user: OffboardData['users'][number]): string {
  const license = user.license ? `${user.license.status === 'active' ? 'licensed' : 'license inactive'} (${user.license.country})` : 'no license';
  return `${user.name} (${user.id}) — ${user.role}, ${user.status}, ${license}`;
}

/** What `npm run serve` prints: where everything is, and a ready-to-copy request for each identity. */
export function banner({ baseUrl, origin, organisation, description, tokenFor }: BannerInput): string {
  const curl = (token: string) => `    curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${baseUrl}/v1/users`;
  const lines = [
    `Offboard REST contract at ${baseUrl}`,
    `  serving   ${description}`,
    `  OpenAPI   ${baseUrl}/openapi.json`,
    `  health    ${origin}/healthz`,
    '',
    `Demo tokens for ${organisation.organisationId}. Anyone who reads them acts as these people: demo only.`,
  ];
  for (const user of organisation.users) {
    lines.push(`  ${who(user)}`, curl(tokenFor({ organisationId: organisation.organisationId, actorId: user.id, kind: 'user' })));
  }
  lines.push(
    `  Directory sync (${DEMO_SERVICE_ID}) — service identity: acts like an admin, only authenticate can make one`,
    curl(tokenFor({ organisationId: organisation.organisationId, actorId: DEMO_SERVICE_ID, kind: 'service' })),
    '',
    'Stop with Ctrl-C or SIGTERM: requests in flight finish first.',
  );
  return `${lines.join('\n')}\n`;
}
