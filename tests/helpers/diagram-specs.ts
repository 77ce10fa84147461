import { diagramSpec, type DiagramSpec } from '../../src/pipeline/diagram/index.ts';

/** Diagram specs written for the diagram tests: valid ones, and broken ones from a note and from the pipeline. */
export function spec(code: string, author = false): DiagramSpec {
  return diagramSpec(code, { caption: '测试图', source: 'note.md', section: '某一节', author });
}

export const VALID = spec('sequenceDiagram\n  participant kubectl as kubectl\n  participant api as kube-apiserver\n  kubectl->>api: 1. 创建 Pod\n');
export const FLOW = spec('flowchart TD\n  s1["1. 编写定义文件"]\n  s2["2. 提交给<br/>kube-apiserver"]\n  s1 --> s2\n');
export const BROKEN_AUTHOR = spec('flowchart LR\n  A -->\n  ((( 不完整', true);
export const BROKEN_GENERATED = spec('sequenceDiagram\n  this is not mermaid ->>\n');
