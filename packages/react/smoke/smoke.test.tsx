import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { useActorRef, useSelector } from '@xstate/react';
import { createMachine } from 'xstate';
import { test, expect } from 'vitest';

const m = createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } });
function C() {
  const ref = useActorRef(m);
  const v = useSelector(ref, (s) => String(s.value));
  return <button onClick={() => ref.send({ type: 'GO' })}>{v} {React.version}</button>;
}
test('smoke', () => {
  render(<C />);
  console.log(screen.getByRole('button').textContent);
  expect(1).toBe(1);
});
