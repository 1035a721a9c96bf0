import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it, vi } from 'vitest';

/** The React each run is meant to use, as the project pins it: the root's for 19, the harness's for 18. */
const pinned = (major: string) => {
  const file = new URL(major === '18' ? '../../react18/package.json' : '../../../package.json', import.meta.url);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return { ...manifest.devDependencies, ...manifest.dependencies };
};

describe('the React under test', () => {
  const expected = process.env.OFFBOARD_REACT_MAJOR!;

  it('is the version this project pins for the run (18.3 or 19.2), for the library and the renderer alike', () => {
    expect(expected).toMatch(/^(18|19)$/);
    const pins = pinned(expected);
    expect(version).toBe(pins.react);
    expect(domVersion).toBe(pins['react-dom']);
    expect(version.split('.')[0]).toBe(expected);
  });

  it('is the React that @testing-library/react renders with: only React 19 hands `ref` to a function component as a prop', () => {
    // React 18 strips `ref` from a function component's props (and says so on the console).
    const warning = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Probe(props: { ref?: unknown }) {
      return <p>{typeof props.ref}</p>;
    }
    render(<Probe ref={() => undefined} />);
    expect(screen.getByRole('paragraph')).toHaveTextContent(expected === '19' ? 'function' : 'undefined');
    warning.mockRestore();
  });
});
