import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ComposeService {
  image?: string;
  /** Set on optional services, which run only when one of these profiles is asked for. */
  profiles?: string[];
  build?: { context: string; target?: string };
  environment?: Record<string, string | null>;
  command?: string | string[];
  ports?: Array<string | { published?: string | number; target: string | number }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { ipam?: { config?: Array<{ subnet?: string }> } } | null>;
}

export interface ComposeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `docker-compose config` (Debian's, no engine needed) with only the given env file: a JWT_KEY
 * exported in the developer's shell must not hide one missing from the file.
 */
export function composeConfig(envFile: string): ComposeRun {
  const run = spawnSync(
    'docker-compose',
    ['--project-directory', ROOT, '--file', join(ROOT, 'docker-compose.yml'), '--env-file', envFile, 'config'],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
  );
  if (run.error) {
    throw new Error(`docker-compose did not run (${run.error.message}); .ci/run installs Debian's docker-compose`);
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function parseComposeConfig(stdout: string): ComposeConfig {
  return parse(stdout) as ComposeConfig;
}

/** depends_on in either form, as service → condition. */
export function dependenciesOf(service: ComposeService): Record<string, string | undefined> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]));
}

/** Published ports as host → container, from the short or the long syntax. */
export function publishedPorts(service: ComposeService): Array<{ host: number; container: number }> {
  return (service.ports ?? []).flatMap((port) => {
    if (typeof port === 'object') {
      return port.published === undefined ? [] : [{ host: Number(port.published), container: Number(port.target) }];
    }
    const parts = port.split(':');
    if (parts.length < 2) return [];
    return [{ host: Number(parts.at(-2)), container: Number(parts.at(-1)?.split('/')[0]) }];
  });
}

/** Volume mounts as source and target, named volumes and bind mounts alike. */
export function mountsOf(service: ComposeService): Array<{ source: string; target: string }> {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'object') return { source: volume.source ?? '', target: volume.target ?? '' };
    const [source = '', target = ''] = volume.split(':');
    return { source, target };
  });
}

export function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}
