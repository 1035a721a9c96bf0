import { render, screen } from '@testing-library/react';
import { useId, version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

describe('the React under test', () => {
  it('is the major this project runs (18 or 19), for the library and the renderer alike', () => {
    const expected = process.env.OFFBOARD_REACT_MAJOR;
    expect(expected).toMatch(/^(18|19)$/);
    expect(version.split('.')[0]).toBe(expected);
    expect(domVersion.split('.')[0]).toBe(expected);
  });

  it('renders hooks through @testing-library/react with that same React', () => {
    function Probe() {
      return <p id={useId()}>React {version}</p>;
    }
    render(<Probe />);
    expect(screen.getByText(`React ${version}`)).toBeInTheDocument();
  });
});
