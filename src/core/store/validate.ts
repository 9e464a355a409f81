// Validation of store files against the JSON schemas in media/: the same files VS Code uses to
// validate and complete them as the user edits (one schema, two uses), plus the one rule a schema
// cannot express (unique client names and prefixes), stated in the schema's description.
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ClientsFile, Issue } from './model';

const ISSUE_SCHEMA_FILE = 'issue.schema.json';
const CLIENTS_SCHEMA_FILE = 'clients.schema.json';

export interface StoreSchemas {
  issue: object;
  clients: object;
}

/** Reads both schemas from the extension's (or package's) media folder. */
export async function loadStoreSchemas(mediaDir: string): Promise<StoreSchemas> {
  const read = async (name: string): Promise<object> =>
    JSON.parse(await fs.readFile(path.join(mediaDir, name), 'utf8')) as object;
  const [issue, clients] = await Promise.all([read(ISSUE_SCHEMA_FILE), read(CLIENTS_SCHEMA_FILE)]);
  return { issue, clients };
}

/**
 * A validator that reads and compiles the schemas on its first use: compiling them is most of what
 * activating the extension cost, and the first store read needs them only after activation.
 */
export function lazyStoreValidator(mediaDir: string): StoreValidator {
  let compiled: StoreValidator | undefined;
  const get = (): StoreValidator => {
    const read = (name: string): object => JSON.parse(readFileSync(path.join(mediaDir, name), 'utf8')) as object;
    compiled ??= createStoreValidator({ issue: read(ISSUE_SCHEMA_FILE), clients: read(CLIENTS_SCHEMA_FILE) });
    return compiled;
  };
  return { issue: (value) => get().issue(value), clients: (value) => get().clients(value) };
}

export interface SchemaViolation {
  /** JSON pointer of the offending value, e.g. `/reports/0/date`. */
  pointer: string;
  /** The validator's technical wording, e.g. "must have required property 'title'". */
  detail: string;
}

export interface StoreValidator {
  /** The violations of an issue file; empty when it is valid. */
  issue(value: unknown): SchemaViolation[];
  clients(value: unknown): SchemaViolation[];
}

function violations(validate: ValidateFunction, value: unknown): SchemaViolation[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    // A missing property is reported on its parent, which is where the editor should open.
    const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: string }).additionalProperty ?? '') : '';
    const pointer = extra ? `${e.instancePath}/${extra}` : e.instancePath;
    const detail = `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra ? ` (${extra})` : ''}`;
    return { pointer, detail };
  });
}

/**
 * What JSON Schema cannot say: two clients with one name (issues name their client) or one prefix
 * (ids are numbered per prefix), compared ignoring case as ids are. Pointed at the later entry.
 */
function duplicateClients(value: unknown): SchemaViolation[] {
  const clients = (value as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients)) return [];
  const out: SchemaViolation[] = [];
  for (const key of ['name', 'prefix'] as const) {
    const first = new Map<string, number>();
    clients.forEach((client: unknown, index) => {
      const text = (client as Record<string, unknown> | null)?.[key];
      if (typeof text !== 'string') return;
      const folded = text.toUpperCase();
      const earlier = first.get(folded);
      if (earlier === undefined) first.set(folded, index);
      else out.push({ pointer: `/clients/${index}/${key}`, detail: `/clients/${index}/${key} must be unique: ${JSON.stringify(text)} is also the ${key} of /clients/${earlier}` });
    });
  }
  return out;
}

/** VS Code's editor-only schema keywords: known to the validator, meaningless to it. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets', 'deprecationMessage'];

export function createStoreValidator(schemas: StoreSchemas): StoreValidator {
  // Our schemas are not checked against JSON Schema's meta-schema here: compiling the meta-schema
  // was two thirds of this compile, which the first store read after a window opens waits for (a
  // unit test checks the shipped schemas against it instead).
  const ajv = new Ajv({ allErrors: true, strict: true, validateSchema: false });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  const issue = ajv.compile<Issue>(schemas.issue);
  const clients = ajv.compile<ClientsFile>(schemas.clients);
  return {
    issue: (value) => violations(issue, value),
    clients: (value) => {
      const found = violations(clients, value);
      return found.length > 0 ? found : duplicateClients(value);
    },
  };
}
