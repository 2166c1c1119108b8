// Worker entry: Node does not carry the main thread's TypeScript loader into a worker, so register it here.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
