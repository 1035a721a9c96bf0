import type { User } from '@offboard/core';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';

/** A user's license at a glance: its country, and whether it is active. */
export function LicenseBadge({ license }: { license: User['license'] }) {
  const messages = useMessages();
  const state = license ? license.status : 'none';
  const text = license ? messages.t(`badge.license.${license.status}`, { country: messages.country(license.country) }) : messages.t('badge.license.none');
  return <span {...part('license-badge', state)}>{text}</span>;
}
