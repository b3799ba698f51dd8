import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A replica's name in its consumer groups. It must stay the same when the same replica
 * restarts (the new process then finds what its predecessor held in its own pending list and
 * resumes at once) and differ between replicas alive at once. CONSUMER_NAME wins when set (a
 * StatefulSet's pod name); otherwise the host and the port the replica serves on, which is what
 * tells replicas apart on one machine (`npm start`) and is kept by a container restarted in its
 * pod. A process on port 0 (tests, several in one process) has no stable identity: it gets a
 * random one, and its entries are claimed by heartbeat when it dies.
 */
export function consumerName(service: string, port: number, configured?: string): string {
  if (configured) return `${service}-${configured}`;
  if (port > 0) return `${service}-${hostname()}-${port}`;
  return `${service}-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
