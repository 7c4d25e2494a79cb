import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api/openapi";
import { publicUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Kassa API reference" };
export const dynamic = "force-dynamic";

type Schema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
};
type RequestBody = { content: Record<string, { schema: Schema }> };
type Operation = {
  operationId: string;
  summary: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: RequestBody | { $ref: string };
  responses: Record<string, { description?: string; $ref?: string }>;
};

function typeOf(s: Schema | undefined): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  const bounds = [
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined && s.maximum < 9e15 ? `≤ ${s.maximum}` : null,
    s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : null,
  ].filter(Boolean);
  return `${Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any")}${bounds.length ? ` (${bounds.join(", ")})` : ""}`;
}

function Fields({ schema }: { schema: Schema }) {
  if (!schema.properties) return null;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <thead>
        <tr className="border-b border-slate-300">
          <th className="py-1 pr-3">field</th>
          <th className="py-1 pr-3">type</th>
          <th className="py-1">notes</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(schema.properties).map(([name, s]) => (
          <tr key={name} className="border-b border-slate-200 align-top">
            <td className="py-1 pr-3 font-mono">
              {name}
              {schema.required?.includes(name) ? <span className="text-red-700"> *</span> : null}
            </td>
            <td className="py-1 pr-3 font-mono text-xs">{typeOf(s)}</td>
            <td className="py-1">{s.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// A readable rendering of /api/v1/openapi.json: the same document, for people.
export default function DocsPage() {
  const doc = openApiDocument(publicUrl());
  const schemas = doc.components.schemas as Record<string, Schema>;
  // Request bodies are shared components: a client generator keeps their defaults optional.
  const bodies = doc.components.requestBodies as Record<string, RequestBody>;
  return (
    <main className="mx-auto max-w-4xl space-y-8 bg-white px-4 py-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
        <p className="text-slate-700">{doc.info.description}</p>
        <p>
          Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}).
        </p>
      </header>
      {Object.entries(doc.paths).map(([path, ops]) =>
        Object.entries(ops as Record<string, Operation>).map(([method, op]) => {
          const requestBody = op.requestBody && "$ref" in op.requestBody ? bodies[op.requestBody.$ref.split("/").pop()!] : op.requestBody;
          const body = requestBody?.content["application/json"]?.schema;
          const bodySchema = body?.$ref ? schemas[body.$ref.split("/").pop()!] : body;
          return (
            <section key={`${method} ${path}`} id={op.operationId} className="space-y-2 border-t border-slate-200 pt-6">
              <h2 className="text-xl font-semibold">{op.summary}</h2>
              <p className="font-mono text-sm">
                <span className="rounded bg-slate-800 px-1.5 py-0.5 text-white">{method.toUpperCase()}</span> {path}
              </p>
              {op.parameters?.length ? (
                <ul className="list-disc pl-6 text-sm">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <span className="font-mono">{p.name}</span> ({p.in}
                      {p.required ? ", required" : ""}) <span className="font-mono text-xs">{typeOf(p.schema)}</span>
                      {p.description ? ` — ${p.description}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {bodySchema ? <Fields schema={bodySchema} /> : null}
              <p className="text-sm text-slate-700">
                Responses: {Object.keys(op.responses).join(", ")}
              </p>
            </section>
          );
        }),
      )}
    </main>
  );
}
