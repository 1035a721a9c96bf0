import { AUDIT_CSV_COLUMNS } from '@offboard/core/audit';
import { demoOrganisation, generateOrganisation, withGeneratedAuditLog } from '@offboard/core/fixtures';
import { es } from '@offboard/core/i18n';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithOffboard } from '../../test/renderWithOffboard';
import { AuditLog } from './AuditLog';

const big = withGeneratedAuditLog(generateOrganisation({ contacts: 500, users: 30 }), { entries: 100_000, spacingMinutes: 5 });
const bigAdmin = big.users.find((user) => user.role === 'admin' && user.status === 'active')!;

/** What the viewer handed to the browser as a download: the Blob behind each object URL. */
let downloads: Blob[];
beforeEach(() => {
  downloads = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloads.push(blob);
    return `blob:test/${downloads.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

const entryButtons = () => within(screen.getByRole('list', { name: 'Audit entries, newest first' })).getAllByRole('button');

describe('AuditLog', () => {
  it('R12: a member sees the admin-only refusal, and the log is never asked for', async () => {
    const { adapter } = renderWithOffboard(<AuditLog />, { actorId: 'u-carla' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    expect(screen.queryByRole('list')).toBeNull();
    expect(adapter.calls.listAuditLog ?? 0).toBe(0);
  });

  it('R12: someone no longer active sees the refusal, not a crash', async () => {
    renderWithOffboard(<AuditLog />, { actorId: 'u-karla' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account is not active in this organisation.');
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
  });

  it('R10: lists who did what to whom, newest first, in Spanish too', async () => {
    renderWithOffboard(<AuditLog />, { locale: 'es', messages: es });
    const list = await screen.findByRole('list', { name: 'Entradas de auditoría, las más recientes primero' });
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/Ana.*Usuario desactivado.*Karla/);
    expect(rows[1]).toHaveTextContent(/Bruno.*Licencia desactivada.*Marta/);
    expect(screen.getByText('2 entradas')).toBeInTheDocument();
  });

  it('R10: a row names its people from the first paint, never an id waiting for a name', async () => {
    const painted: string[] = [];
    const watch = new MutationObserver(() => {
      for (const row of document.querySelectorAll('[data-part="audit-entry-toggle"]')) painted.push(row.textContent ?? '');
    });
    watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    const { adapter } = renderWithOffboard(<AuditLog />);
    // The people answer after the log, as a slower read would on a real network.
    const listUsers = adapter.listUsers.bind(adapter);
    adapter.listUsers = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return listUsers(...args);
    };
    await screen.findByRole('list', { name: 'Audit entries, newest first' });
    watch.disconnect();
    expect(painted.length).toBeGreaterThan(0);
    expect(painted.filter((text) => /u-(ana|karla|bruno|marta)/.test(text))).toEqual([]);
  });

  it('R10: if the people cannot be read, rows still show, by id', async () => {
    const { adapter } = renderWithOffboard(<AuditLog />);
    adapter.failNext('listUsers', { when: 'before', code: 'SERVER_ERROR' });
    const [karla] = within(await screen.findByRole('list', { name: 'Audit entries, newest first' })).getAllByRole('button');
    expect(karla).toHaveTextContent(/u-ana.*User deactivated.*u-karla/);
  });

  it('renders a window of rows, not 100,000, from one page read', async () => {
    const { adapter } = renderWithOffboard(<AuditLog />, { data: big, actorId: bigAdmin.id });
    expect(await screen.findByText('100,000 entries', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(entryButtons().length).toBeLessThan(30);
    expect(entryButtons()[0]!.closest('li')).toHaveAttribute('aria-setsize', '100000');
    expect(adapter.calls.listAuditLog).toBe(1);
    // Building a 100,000-entry backend (validated and copied) is most of this test's time.
  }, 30_000);

  it('opens an entry to its reason and effects, one at a time', async () => {
    const { user } = renderWithOffboard(<AuditLog />);
    await screen.findByRole('list', { name: 'Audit entries, newest first' });
    const [karla, marta] = entryButtons();
    await user.click(karla!);
    expect(karla).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(karla!.getAttribute('aria-controls')!)!;
    expect(details).toHaveTextContent('No reason was given.');
    const effects = within(details).getAllByRole('listitem').map((item) => item.textContent);
    expect(effects).toEqual([
      'License in Spain deactivated.',
      'A paid seat was freed.',
      'Sign-in was revoked; history was kept.',
      '1 open session ended.',
      '3 open tasks became transferable.',
      '10 contacts were left orphaned.',
    ]);
    await user.click(marta!);
    expect(karla).toHaveAttribute('aria-expanded', 'false');
    expect(marta).toHaveAttribute('aria-expanded', 'true');
  });

  it('moves between entries with the arrow keys, one entry in the tab order', async () => {
    const { user } = renderWithOffboard(<AuditLog />);
    await screen.findByRole('list', { name: 'Audit entries, newest first' });
    const [first, second] = entryButtons();
    expect(first).toHaveAttribute('tabindex', '0');
    expect(second).toHaveAttribute('tabindex', '-1');
    first!.focus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
  });

  it('filters by action, and by days, refusing a range the wrong way round', async () => {
    const { user } = renderWithOffboard(<AuditLog />);
    await screen.findByRole('list', { name: 'Audit entries, newest first' });
    await user.selectOptions(screen.getByLabelText('Action'), 'license.deactivated');
    await expect.poll(() => entryButtons().length).toBe(1);
    expect(entryButtons()[0]).toHaveTextContent('License deactivated');

    await user.selectOptions(screen.getByLabelText('Action'), '');
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    // The demo's entries are 40 and 20 days before DEMO_NOW (2026-…): a range in 2001 holds none.
    await user.type(from, '2001-01-01');
    await user.type(to, '2001-01-31');
    expect(await screen.findByText('No entry matches these filters.')).toBeInTheDocument();
    await user.clear(to);
    await user.type(to, '2000-12-01');
    expect(await screen.findByRole('alert')).toHaveTextContent('The last day is before the first.');
    expect(to).toHaveAttribute('aria-invalid', 'true');
  });

  it('filters by who acted', async () => {
    const { user } = renderWithOffboard(<AuditLog />);
    await screen.findByRole('list', { name: 'Audit entries, newest first' });
    const who = screen.getByLabelText('Who');
    await expect.poll(() => within(who).queryAllByRole('option').length).toBeGreaterThan(1);
    await user.selectOptions(who, 'u-bruno');
    await expect.poll(() => entryButtons().length).toBe(1);
    expect(entryButtons()[0]).toHaveTextContent('Marta');
  });

  it('exports the filtered log as RFC 4180 CSV and as JSON, read page by page', async () => {
    const data = withGeneratedAuditLog(demoOrganisation(), { entries: 1_234, spacingMinutes: 1 });
    const { user, adapter } = renderWithOffboard(<AuditLog pageSize={50} />, { data });
    await screen.findByText('1,236 entries');
    const before = adapter.calls.listAuditLog ?? 0;
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Exported 1,236 entries.');
    // 1,236 entries in pages of 500: three reads, however the list itself is paged.
    expect((adapter.calls.listAuditLog ?? 0) - before).toBe(3);
    const csv = await downloads[0]!.text();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(downloads[0]!.type).toBe('text/csv;charset=utf-8');
    // People are named beside their ids, inactive ones included (the demo's oldest entry: Bruno took Marta's license).
    expect(lines.at(-2)).toMatch(/^1,[^,]+,u-bruno,Bruno Díaz,license\.deactivated,user,u-marta,Marta Castillo,/);
    // The generated notes include a formula: it is defused, inside its quotes.
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    await expect.poll(() => downloads.length).toBe(2);
    const json = JSON.parse(await downloads[1]!.text()) as { seq: number }[];
    expect(json).toHaveLength(1_236);
    expect(json[0]!.seq).toBe(1_236);
    expect(json.at(-1)!.seq).toBe(1);
    expect((HTMLAnchorElement.prototype.click as ReturnType<typeof vi.fn>).mock.calls.length).toBe(2);
  });
});
