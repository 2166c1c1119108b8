import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A link inside a list row whose click opens something: it opens its own target instead (the row's click
 * does not also fire), is reachable by keyboard, and opens in a new tab with a middle click.
 */
export const RowLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <Link to={to} onClick={(e) => e.stopPropagation()}>
    {children}
  </Link>
);
