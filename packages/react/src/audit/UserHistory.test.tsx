import { demoOrganisation } from '@offboard/core/fixtures';
import { es } from '@offboard/core/i18n';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithOffboard } from '../../test/renderWithOffboard';
import { UserHistory } from './UserHistory';

const demo = demoOrganisation();
const kept = (userId: string, kind: string) => demo.history.filter((record) => record.userId === userId && record.kind === kind).length;

describe('UserHistory', () => {
  it('R1: a deactivated user keeps every call, email, message, activity and metric, counted kind by kind', async () => {
    renderWithOffboard(<UserHistory userId="u-karla" />);
    expect(await screen.findByRole('heading', { name: 'History of Karla Jiménez' })).toBeInTheDocument();
    const summary = within(screen.getByRole('region', { name: 'Kept history' }));
    await expect.poll(() => summary.queryAllByRole('listitem').length).toBe(5);
    const counts = summary.getAllByRole('listitem').map((item) => [item.dataset.kind, Number(item.dataset.count)]);
    expect(counts).toEqual(['call', 'email', 'whatsapp', 'activity', 'metric'].map((kind) => [kind, kept('u-karla', kind)]));
    expect(counts.some(([, count]) => (count as number) > 0)).toBe(true);
  });

  it('R10: lists the audit entries about the user only', async () => {
    renderWithOffboard(<UserHistory userId="u-karla" />, { locale: 'es', messages: es });
    const list = await screen.findByRole('list', { name: 'Cambios sobre este usuario' });
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Usuario desactivado');
    expect(screen.queryByLabelText('Sobre')).toBeNull();
  });

  it('R12: a member sees the refusal and no history is asked for', async () => {
    const { adapter } = renderWithOffboard(<UserHistory userId="u-karla" />, { actorId: 'u-carla' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    expect(adapter.calls.listHistory ?? 0).toBe(0);
    expect(adapter.calls.listAuditLog ?? 0).toBe(0);
  });
});
