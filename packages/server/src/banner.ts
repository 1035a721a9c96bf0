import type { Caller, User } from '@offboard/core';

export const DEMO_SERVICE_ID = 'svc-directory';

export interface BannerInput {
  /** Where the contract is mounted, `http://127.0.0.1:8787/api/offboard`. */
  readonly baseUrl: string;
  /** Where the SCIM 2.0 bridge is mounted, `http://127.0.0.1:8787/scim/v2`: the base URL an identity provider is given. */
  readonly scimUrl: string;
  readonly origin: string;
  readonly organisationId: string;
  /** Its users as the backend has them now: a user deactivated before a restart is shown inactive. */
  readonly users: readonly User[];
  readonly description: string;
  readonly tokenFor: (caller: Caller) => string;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function who(user: User): string {
  const license = user.license ? `${user.license.status === 'active' ? 'licensed' : 'license inactive'} (${user.license.country})` : 'no license';
  return `${user.name} (${user.id}) — ${user.role}, ${user.status}, ${license}`;
}

/** What `npm run serve` prints: where everything is, and a ready-to-copy request for each identity. */
export function banner({ baseUrl, scimUrl, origin, organisationId, users, description, tokenFor }: BannerInput): string {
  const curl = (token: string) => `    curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${baseUrl}/v1/users`;
  const lines = [
    `Offboard REST contract at ${baseUrl}`,
    `  serving   ${description}`,
    `  OpenAPI   ${baseUrl}/openapi.json`,
    `  health    ${origin}/healthz`,
    '',
    `Demo tokens for ${organisationId}. Anyone who reads them acts as these people: demo only.`,
  ];
  for (const user of users) {
    lines.push(`  ${who(user)}`, curl(tokenFor({ organisationId, actorId: user.id, kind: 'user' })));
  }
  const serviceToken = tokenFor({ organisationId, actorId: DEMO_SERVICE_ID, kind: 'service' });
  // How an identity provider finds a user before it deactivates them: by userName, their email.
  const email = users.find((user) => user.email !== null)?.email;
  const scimExample = email ? `${scimUrl}/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}` : `${scimUrl}/Users`;
  lines.push(
    `  Directory sync (${DEMO_SERVICE_ID}) — service identity: acts like an admin, only authenticate can make one`,
    curl(serviceToken),
    '',
    `SCIM 2.0 at ${scimUrl} — give an identity provider (Okta, Microsoft Entra) this base URL and the ${DEMO_SERVICE_ID} token:`,
    `  SCIM token ${serviceToken}`,
    `  SCIM API   ${scimUrl}/openapi.json`,
    `    curl -H ${shellQuote(`Authorization: Bearer ${serviceToken}`)} ${shellQuote(scimExample)}`,
    '',
    'Stop with Ctrl-C or SIGTERM: requests in flight finish first.',
  );
  return `${lines.join('\n')}\n`;
}
