// Paystack's own OpenAPI document (../shared/providers/paystack/paystack.yaml), read at run
// time and compiled with ajv: the emulator refuses what the document refuses, and the tests
// check every answer the emulator gives against the document's 200 schema. OpenAPI 3.0 is
// not JSON Schema: `nullable` becomes a "null" type, and `example` and friends are ignored
// (strict: false).
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";

const ROOT = path.resolve(__dirname, "../../..");
const DOC_PATH = path.join("shared", "providers", "paystack", "paystack.yaml");
const DOC_ID = "https://paystack.invalid/openapi.json";
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The document beside the clone (CI: ../shared); a worktree finds it further up. */
export function documentPath(): string {
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, DOC_PATH);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`Paystack's OpenAPI document not found: ${path.join(path.dirname(ROOT), DOC_PATH)}`);
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Parameter = { name: string; in: string; required?: boolean; schema?: Json; $ref?: string };

export type Operation = {
  method: string;
  /** The document's path template, e.g. /transaction/verify/{reference}. */
  template: string;
  operationId: string;
  match(pathname: string): Record<string, string> | null;
};

type Compiled = Operation & {
  specificity: number;
  body?: { required: boolean; validate: ValidateFunction };
  params: { name: string; in: "path" | "query"; required: boolean; validate: ValidateFunction }[];
  ok?: ValidateFunction;
};

export type Contract = {
  /** The operation a request hits, static segments preferred over parameters (as Paystack routes them). */
  operation(method: string, pathname: string): { op: Operation; params: Record<string, string> } | undefined;
  /** What is wrong with a request by the document: an empty list when nothing. */
  checkRequest(op: Operation, req: { params: Record<string, string>; query: URLSearchParams; body: unknown; hasBody: boolean }): string[];
  /** What is wrong with a 200 answer's body by the document's 200 schema. */
  checkResponse(op: Operation, body: unknown): string[];
  /** The same check by operationId, for the tests: e.g. checkOk("transaction_verify", body). */
  checkOk(operationId: string, body: unknown): string[];
  /** A named component schema's check, e.g. the webhook's data against VerifyResponse's data. */
  checkSchema(pointer: string, value: unknown): string[];
};

/** OpenAPI 3.0 schema → JSON Schema (draft-07): `nullable: true` admits null. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  } else if (out.nullable === false) {
    delete out.nullable;
  }
  return out;
}

const esc = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

function errorsOf(validate: ValidateFunction, where: string): string[] {
  return (validate.errors ?? []).slice(0, 8).map((e) => {
    const extra = e.keyword === "enum" ? ` (${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)})` : "";
    return `${where}${e.instancePath.replaceAll("/", ".")} ${e.message}${extra}`;
  });
}

export function loadContract(file = documentPath()): Contract {
  const raw = YAML.parse(fs.readFileSync(file, "utf8")) as { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };
  const doc = toJsonSchema(raw as unknown as Json) as unknown as typeof raw;
  const ajvOptions = { strict: false, allErrors: true, logger: false } as const;
  const ajv = new Ajv(ajvOptions);
  // Query and path values arrive as strings: "5" is a fine integer there.
  const coercing = new Ajv({ ...ajvOptions, coerceTypes: true });
  for (const a of [ajv, coercing]) {
    addFormats(a);
    a.addSchema({ ...(doc as object), $id: DOC_ID });
  }
  const at = (a: Ajv, pointer: string) => {
    const v = a.getSchema(`${DOC_ID}#${pointer}`);
    if (!v) throw new Error(`no schema at ${pointer}`);
    return v;
  };
  const resolve = <T>(node: T): T => {
    const ref = (node as { $ref?: string } | undefined)?.$ref;
    if (!ref) return node;
    const found = ref
      .slice(2)
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((n, key) => (n as Record<string, unknown>)[key], doc);
    return resolve(found as T);
  };

  const ops: Compiled[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const paramsAt = (list: Parameter[] | undefined, at: string) =>
      (list ?? []).map((raw, i) => ({ p: resolve(raw), pointer: `${raw.$ref ? raw.$ref.slice(1) : `${at}/parameters/${i}`}/schema` }));
    const shared = paramsAt((item as { parameters?: Parameter[] }).parameters, `/paths/${esc(template)}`);
    for (const method of METHODS) {
      const op = item[method] as
        | { operationId?: string; parameters?: Parameter[]; requestBody?: Json; responses?: Record<string, Json> }
        | undefined;
      if (!op) continue;
      const base = `/paths/${esc(template)}/${method}`;
      const names = template.match(/\{[^/}]+\}/g)?.map((s) => s.slice(1, -1)) ?? [];
      const re = new RegExp(`^${template.replace(/\{[^/}]+\}/g, "([^/]+)")}$`);
      const compiled: Compiled = {
        method: method.toUpperCase(),
        template,
        operationId: op.operationId ?? `${method} ${template}`,
        specificity: -names.length,
        match(pathname) {
          const m = re.exec(pathname);
          if (!m) return null;
          return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
        },
        params: [],
      };
      const own = paramsAt(op.parameters, base);
      const params = [...shared.filter((s) => !own.some((o) => o.p.name === s.p.name && o.p.in === s.p.in)), ...own];
      for (const { p, pointer } of params) {
        if ((p.in !== "path" && p.in !== "query") || !p.schema) continue;
        compiled.params.push({ name: p.name, in: p.in, required: p.in === "path" || p.required === true, validate: at(coercing, pointer) });
      }
      const bodyRef = (op.requestBody as { $ref?: string } | undefined)?.$ref;
      const body = resolve(op.requestBody as { required?: boolean; content?: Record<string, unknown> } | undefined);
      if (body?.content?.["application/json"]) {
        const pointer = `${bodyRef ? bodyRef.slice(1) : `${base}/requestBody`}/content/application~1json/schema`;
        compiled.body = { required: body.required === true, validate: at(ajv, pointer) };
      }
      const ok = op.responses?.["200"];
      if (ok) {
        const ref = (ok as { $ref?: string }).$ref;
        const pointer = ref ? `${ref.slice(1)}/content/application~1json/schema` : `${base}/responses/200/content/application~1json/schema`;
        if (resolve(ok as { content?: Record<string, unknown> }).content?.["application/json"]) compiled.ok = at(ajv, pointer);
      }
      ops.push(compiled);
    }
  }
  ops.sort((x, y) => y.specificity - x.specificity);
  const byId = new Map(ops.map((o) => [o.operationId, o]));
  const compiledOf = (op: Operation) => op as Compiled;

  return {
    operation(method, pathname) {
      for (const op of ops) {
        if (op.method !== method) continue;
        const params = op.match(pathname);
        if (params) return { op, params };
      }
      return undefined;
    },
    checkRequest(op, req) {
      const c = compiledOf(op);
      const problems: string[] = [];
      for (const p of c.params) {
        const value = p.in === "path" ? req.params[p.name] : (req.query.get(p.name) ?? undefined);
        if (value === undefined) {
          if (p.required) problems.push(`${p.in} parameter ${p.name} is required`);
          continue;
        }
        if (!p.validate(value)) problems.push(...errorsOf(p.validate, `${p.in} parameter ${p.name}`));
      }
      if (c.body) {
        if (!req.hasBody) {
          if (c.body.required) problems.push("a JSON body is required");
        } else if (!c.body.validate(req.body)) {
          problems.push(...errorsOf(c.body.validate, "body"));
        }
      }
      return problems;
    },
    checkResponse(op, body) {
      const c = compiledOf(op);
      if (!c.ok) return [`${c.method} ${c.template}: the document declares no JSON 200 answer`];
      return c.ok(body) ? [] : errorsOf(c.ok, `${c.method} ${c.template} 200: body`);
    },
    checkOk(operationId, body) {
      const op = byId.get(operationId);
      if (!op) return [`no operation ${operationId} in the document`];
      return this.checkResponse(op, body);
    },
    checkSchema(pointer, value) {
      const validate = at(ajv, pointer);
      return validate(value) ? [] : errorsOf(validate, pointer);
    },
  };
}
