import report from '../../content/ingest-report.json?raw';

/** Publishes the ingest report at <base>/ingest-report.json. */
export function GET(): Response {
  return new Response(report, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
