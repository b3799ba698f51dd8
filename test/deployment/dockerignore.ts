/** Whether a path would be left out of the build context, by .dockerignore's rules. */

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '*' && pattern[index + 1] === '*') {
      index++;
      if (pattern[index + 1] === '/') {
        index++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

export function parseDockerignore(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The last pattern that matches the path or a directory above it decides; `!` takes back. */
export function isIgnored(patterns: string[], path: string): boolean {
  const parts = path.split('/');
  let ignored = false;
  for (const line of patterns) {
    const negated = line.startsWith('!');
    const pattern = globToRegExp((negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, ''));
    if (parts.some((_, index) => pattern.test(parts.slice(0, index + 1).join('/')))) ignored = !negated;
  }
  return ignored;
}
