import { Typography } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/**
 * A record's name in a list or card: a real link, so Tab reaches it, Enter opens it, and a middle click
 * or Ctrl+click opens it in a new tab; a plain click navigates inside the app without reloading.
 */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent<HTMLElement>) => {
    e.stopPropagation(); // the row's own click would open the same page a second time
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <Typography.Link href={to} onClick={onClick}>
      {children}
    </Typography.Link>
  );
}
