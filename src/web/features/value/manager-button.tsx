import { Button, type ButtonProps, Tooltip } from 'antd';

/**
 * A button only admins and managers may press (the server checks the same). Others see it disabled,
 * with why in a tooltip on a span around it: a disabled button gets no mouse events.
 */
export function ManagerButton({
  manager,
  why,
  disabled,
  style,
  ...props
}: ButtonProps & { manager: boolean; why: string }) {
  const button = (
    <Button
      {...props}
      disabled={!manager || disabled}
      style={manager ? style : { ...style, pointerEvents: 'none' }}
    />
  );
  if (manager) return button;
  return (
    <Tooltip title={why}>
      <span style={{ cursor: 'not-allowed', display: 'inline-block' }}>{button}</span>
    </Tooltip>
  );
}
