import { join } from 'node:path';
import ts from 'typescript';
import { K8S_DIR, type Manifest } from './load-manifests.js';

/**
 * Fields the Kubernetes API does not know, which kubectl's strict field validation refuses but
 * the models' validate() lets through (a `readinesProbe` would simply never probe). Each
 * manifest becomes an object literal typed by its kubernetes-models interface, and TypeScript's
 * excess-property check names every unknown field, however deep.
 */
export function unknownFieldProblems(manifests: Manifest[]): string[] {
  const file = join(K8S_DIR, 'test', '__manifests__.ts');
  const lines = manifests.map(
    (manifest, index) =>
      `export const m${index}: import('kubernetes-models/${manifest.apiVersion}/${manifest.kind}').I${manifest.kind} = ${JSON.stringify(manifest.model.toJSON())};`,
  );
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(file, lines.join('\n'), ts.ScriptTarget.ES2022, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, ...rest) => (name === file ? source : getSourceFile(name, ...rest));
  host.fileExists = (name) => name === file || fileExists(name);
  host.readFile = (name) => (name === file ? source.text : readFile(name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${manifests[line]?.source ?? '?'}: ${message}`;
  });
}
