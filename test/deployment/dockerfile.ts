/** Just enough of a Dockerfile parser to check its rules: instructions, stages and what feeds them. */

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  /** The AS name, or the stage's index when it has none. */
  name: string;
  /** The image or stage it starts from, as written (ARGs not expanded). */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    // Comment lines are dropped even inside a continued instruction, as Docker does.
    if (line.startsWith('#') || (line === '' && !pending)) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1).trim() : line;
    pending = pending ? { text: `${pending.text} ${body}`, line: pending.line } : { text: body, line: index + 1 };
    if (continued) return;
    const [keyword = '', ...rest] = pending.text.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = undefined;
  });

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from = '', as, name] = instruction.args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      stages.push({ name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), from, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name = '', value = ''] = instruction.args.split('=');
        globalArgs[name] = value;
      }
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

export function stageNamed(dockerfile: Dockerfile, name: string): Stage | undefined {
  return dockerfile.stages.find((stage) => stage.name === name);
}

/** The stage and the stages it is built FROM, base first: what ends up in its image config and layers. */
export function chainOf(dockerfile: Dockerfile, name: string): Stage[] {
  const chain: Stage[] = [];
  let stage = stageNamed(dockerfile, name);
  while (stage) {
    chain.unshift(stage);
    stage = stageNamed(dockerfile, stage.from);
  }
  return chain;
}

export function instructionsOf(chain: Stage[], keyword: string): Instruction[] {
  return chain.flatMap((stage) => stage.instructions.filter((instruction) => instruction.keyword === keyword));
}

export interface CopyInstruction {
  from?: string;
  sources: string[];
  destination: string;
}

/** COPY's flags, sources and destination, from either the JSON or the plain form. */
export function parseCopy(instruction: Instruction): CopyInstruction {
  const words = instruction.args.trim().startsWith('[')
    ? (JSON.parse(instruction.args) as string[])
    : instruction.args.split(/\s+/);
  const flags = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
}

/** ENV in both forms, `ENV A=1 B=2` and the legacy `ENV A 1`, later ones winning. */
export function envOf(chain: Stage[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of instructionsOf(chain, 'ENV')) {
    if (!instruction.args.includes('=')) {
      const [name = '', ...value] = instruction.args.split(/\s+/);
      env[name] = value.join(' ');
      continue;
    }
    for (const match of instruction.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
      env[match[1] ?? ''] = (match[2] ?? '').replace(/^"|"$/g, '');
    }
  }
  return env;
}

/** Every stage whose files reach this one: its chain, and what those copy --from, transitively. */
export function stagesFeeding(dockerfile: Dockerfile, name: string, seen = new Set<string>()): Stage[] {
  const fed: Stage[] = [];
  for (const stage of chainOf(dockerfile, name)) {
    if (seen.has(stage.name)) continue;
    seen.add(stage.name);
    fed.push(stage);
    for (const copy of stage.instructions.filter((instruction) => instruction.keyword === 'COPY').map(parseCopy)) {
      if (copy.from && stageNamed(dockerfile, copy.from)) fed.push(...stagesFeeding(dockerfile, copy.from, seen));
    }
  }
  return fed;
}
