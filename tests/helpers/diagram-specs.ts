import { diagramSpec, type DiagramSpec } from '../../src/pipeline/diagram/index.ts';

/** Diagram specs written for the diagram tests: valid ones, and broken ones from a note and from the pipeline. */
export function spec(code: string, author = false): DiagramSpec {
  return diagramSpec(code, { caption: '测试图', source: 'note.md', section: '某一节', author });
}

export const VALID = spec('sequenceDiagram\n  participant kubectl as kubectl\n  participant api as kube-apiserver\n  kubectl->>api: 1. 创建 Pod\n');
export const FLOW = spec('flowchart TD\n  s1["1. 编写定义文件"]\n  s2["2. 提交给<br/>kube-apiserver"]\n  s1 --> s2\n');
export const BROKEN_AUTHOR = spec('flowchart LR\n  A -->\n  ((( 不完整', true);
export const BROKEN_GENERATED = spec('sequenceDiagram\n  this is not mermaid ->>\n');

/**
 * Diagrams of every kind one-render.ts draws once, with the features notes use (subgraphs, edge
 * labels, classes and styles of their own, notes, loops and alternatives, activations, numbering,
 * composite states, relations), and kinds it draws twice.
 */
export const ONE_RENDER_SET: DiagramSpec[] = [
  spec('flowchart TD\n  A[提交 Deployment] --> B{镜像存在?}\n  B -- 是 --> C[(etcd)]\n  B -. 否 .-> D([拉取失败])\n  subgraph 控制平面\n    C --> E[[调度器]]\n  end\n  E ==> F>节点]\n  F --- G((kubelet))\n  classDef warn fill:#fde2e2,stroke:#c0392b\n  class D warn\n  style G fill:#e8f5e9\n  linkStyle 0 stroke:#2e86de\n', true),
  spec('graph LR\n  user[用户] -->|kubectl apply| api[kube-apiserver]\n  api --> ctrl[controller-manager]\n  api --> sched[scheduler]\n  subgraph node1 [工作节点]\n    kubelet --> cri[容器运行时]\n  end\n  sched --> kubelet\n', true),
  spec('sequenceDiagram\n  autonumber\n  actor 用户\n  participant API as kube-apiserver\n  participant E as etcd\n  用户->>+API: 创建 Pod\n  API->>E: 写入\n  E-->>API: 成功\n  Note over API,E: 持久化完成\n  alt 准入通过\n    API-->>用户: 201 Created\n  else 被拒绝\n    API--x用户: 403\n  end\n  loop 每 10 秒\n    API-)E: 心跳\n  end\n  rect rgb(230, 240, 255)\n    用户->>API: 查看状态\n  end\n  opt 失败时\n    Note right of 用户: 重试\n  end\n  deactivate API\n', true),
  spec('stateDiagram-v2\n  [*] --> Pending\n  Pending --> Running: 调度成功\n  Running --> Succeeded\n  Running --> Failed: 容器退出非零\n  state Running {\n    [*] --> Ready\n    Ready --> NotReady: 探针失败\n  }\n  state fork_state <<fork>>\n  Failed --> fork_state\n  fork_state --> [*]\n  note right of Pending: 等待调度\n', true),
  spec('classDiagram\n  class Pod {\n    +String name\n    +start() bool\n  }\n  class Container\n  Pod "1" *-- "many" Container : 包含\n  Pod <|-- StaticPod\n  Pod ..> Volume : 挂载\n  note for Pod "最小调度单位"\n', true),
  spec('erDiagram\n  NAMESPACE ||--o{ POD : contains\n  POD ||--|{ CONTAINER : runs\n  POD {\n    string name\n    string phase\n  }\n', true),
];
/** Kinds and forms drawn twice and merged: a kind outside one-render.ts's list, and a diagram that sets its own theme. */
export const TWO_RENDER_SET: DiagramSpec[] = [
  spec('pie title 资源占用\n  "CPU" : 40\n  "内存" : 60\n', true),
  spec("%%{init: {'themeVariables': {'primaryColor': '#ffcc00'}}}%%\nflowchart LR\n  A[开始] --> B[结束]\n", true),
];
