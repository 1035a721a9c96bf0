import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithOffboard } from '../../test/renderWithOffboard';
import { UsersScreen } from '../components/UsersScreen/UsersScreen';

describe('UsersScreen → UserHistory', () => {
  it('R1: the inactive list offers each row its kept history, through the host', async () => {
    const onShowHistory = vi.fn();
    const { user } = renderWithOffboard(<UsersScreen onShowHistory={onShowHistory} />);
    await screen.findByRole('button', { name: 'Actions for Diego Rojas' });
    // Active users have no history button: it is what the inactive list offers.
    expect(screen.queryByRole('button', { name: /^History of/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Inactive' }));
    await user.click(await screen.findByRole('button', { name: 'History of Karla Jiménez' }));
    expect(onShowHistory).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-karla', status: 'inactive' }));
  });

  it('offers no history button when the host gives no callback', async () => {
    const { user } = renderWithOffboard(<UsersScreen />);
    await user.click(await screen.findByRole('button', { name: 'Inactive' }));
    await screen.findByRole('button', { name: 'Actions for Karla Jiménez' });
    expect(screen.queryByRole('button', { name: /^History of/ })).toBeNull();
  });
});
