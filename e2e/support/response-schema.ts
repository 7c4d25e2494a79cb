// Every API answer the integration suite sees is checked against the served OpenAPI document:
// the path, method and status must be declared there, the body must match the declared
// schema (ajv, JSON Schema 2020-12) and the headers we send must be declared.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { inject } from "vitest";

type Doc = { paths: Record<string, Record<string, Operation>>; [k: string]: unknown };
type Operation = { responses: Record<string, ResponseObject> };
type ResponseObject = { $ref?: string; headers?: Record<string, HeaderObject>; content?: Record<string, { schema: unknown }> };
type HeaderObject = { $ref?: string; required?: boolean };

// Test-only routes that the public document leaves out on purpose.
const UNDOCUMENTED = new Set(["/api/v1/test/clock", "/api/bench/echo"]);
// Headers the API sets that a client may rely on: each must be declared where it is sent.
const OUR_HEADERS = ["request-id", "idempotent-replayed", "retry-after", "allow"];
const DOC_ID = "https://kassa.invalid/openapi.json";

type Checker = (method: string, path: string, status: number, headers: Headers, text: string) => string[];

let loading: Promise<Checker> | undefined;

/**
 * The checker, loaded (and every response schema compiled) before the first request is sent,
 * so that checking adds no pause between a test's requests.
 */
export function responseChecker(): Promise<(method: string, url: string, status: number, headers: Headers, text: string) => string[]> {
  loading ??= load(inject("baseUrl"));
  return loading.then((check) => (method, url, status, headers, text) => {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return []; // no URL: the request never reached a route
    }
    if (!path.startsWith("/api/") || method === "HEAD" || method === "OPTIONS") return [];
    return check(method, path, status, headers, text);
  });
}

async function load(baseUrl: string): Promise<Checker> {
  const doc = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const validators = new Map<string, ReturnType<typeof ajv.getSchema>>();
  const validatorAt = (pointer: string) => {
    if (!validators.has(pointer)) validators.set(pointer, ajv.getSchema(`${DOC_ID}#${pointer}`));
    return validators.get(pointer)!;
  };
  for (const name of Object.keys((doc.components as { schemas: object }).schemas)) validatorAt(`/components/schemas/${name}`);
  const resolve = <T extends { $ref?: string }>(obj: T): T => {
    if (!obj.$ref) return obj;
    const found = obj.$ref
      .slice(2)
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
    return resolve(found as T);
  };
  // Static segments before parameters, as the server matches them.
  const templates = Object.keys(doc.paths)
    .map((t) => ({ t, re: new RegExp(`^${t.replace(/\{[^/}]+\}/g, "[^/]+")}$`), params: (t.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  const esc = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

  return (method, path, status, headers, text) => {
    const template = templates.find((x) => x.re.test(path))?.t;
    const m = method.toLowerCase();
    let pointer: string;
    let response: ResponseObject;
    if (!template) {
      if (UNDOCUMENTED.has(path)) return [];
      if (status < 400) return [`${method} ${path}: ${status} from a path the document does not have`];
      // Unknown routes answer 404 in the error format.
      pointer = "/components/schemas/Error";
      response = { content: { "application/json": { schema: {} } } };
    } else if (!doc.paths[template]![m]) {
      if (status !== 405) return [`${method} ${template}: ${status}, but the document has no ${method} there (only 405 is right)`];
      pointer = "/components/schemas/Error";
      response = { headers: { "Request-Id": { required: true }, Allow: { required: true } }, content: { "application/json": { schema: {} } } };
    } else {
      const responses = doc.paths[template]![m]!.responses;
      const key = responses[String(status)] ? String(status) : status >= 500 && responses.default ? "default" : null;
      if (!key) return [`${method} ${template}: status ${status} is not declared`];
      response = resolve(responses[key]!);
      pointer = `/paths/${esc(template)}/${m}/responses/${key}/content/application~1json/schema`;
    }

    const problems: string[] = [];
    const where = `${method} ${template ?? path} ${status}`;
    const declared = new Map(Object.entries(response.headers ?? {}).map(([k, h]) => [k.toLowerCase(), resolve(h)]));
    for (const [name, h] of declared) if (h.required && !headers.has(name)) problems.push(`${where}: header ${name} missing`);
    for (const name of OUR_HEADERS) {
      if (headers.has(name) && !declared.has(name) && template) problems.push(`${where}: header ${name} sent but not declared`);
    }
    if (!headers.has("request-id")) problems.push(`${where}: no Request-Id`);

    if (!response.content?.["application/json"]) {
      if (text.length > 0) problems.push(`${where}: a body where the document declares none`);
      return problems;
    }
    if (!(headers.get("content-type") ?? "").startsWith("application/json")) {
      return [...problems, `${where}: content-type ${headers.get("content-type")}, the document says JSON`];
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [...problems, `${where}: the body is not JSON`];
    }
    const validate = validatorAt(pointer);
    if (!validate) return [...problems, `${where}: no schema at ${pointer}`];
    if (!validate(body)) {
      for (const e of (validate.errors ?? []).slice(0, 8)) {
        problems.push(`${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
      }
    }
    return problems;
  };
}
