import { useOffboard } from '../provider/OffboardContext';

/** Stable hooks for host styles on every rendered part: `.ob-<name>`, `data-part`, `data-state`. */
export function part(name: string, state?: string) {
  return { className: `ob-${name}`, 'data-part': name, ...(state === undefined ? {} : { 'data-state': state }) };
}

/** A component's root: `.ob-root` scopes the stylesheet and `data-theme` picks its colours. */
export function useRootProps(name: string, className?: string) {
  const { theme } = useOffboard();
  return {
    className: ['ob-root', `ob-${name}`, className].filter(Boolean).join(' '),
    'data-part': name,
    'data-theme': theme,
  };
}
