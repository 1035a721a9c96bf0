/**
 * app/settings/users/page.tsx — a server component: it reads the session (here from the cookie
 * store Next.js passes it) and hands the client wrapper plain ids. In a Next.js app:
 *
 *   import { cookies } from 'next/headers';
 *   export default async function UsersPage() {
 *     return <SettingsUsers cookie={(await cookies()).get('sid')?.value} />;
 *   }
 */
import { currentSession } from '../../../session';
import { OffboardSettings } from './OffboardSettings';

export function SettingsUsers({ cookie }: { readonly cookie: string | undefined }) {
  const session = currentSession(cookie);
  if (!session) return <p>Sign in to manage users.</p>;
  return <OffboardSettings organisationId={session.organisationId} currentUserId={session.userId} />;
}
