/**
 * Compiles a JSON Schema (draft 2020-12) for one OCSF event class from the OCSF schema's own source files
 * (dictionary.json, events/, objects/, profiles/), the way the OCSF server resolves them:
 * - a class or object inherits its parent's attributes (`extends`) and the attributes of the profile files it
 *   `$include`s; an attribute entry overrides the inherited one field by field, and enums are merged;
 * - each attribute takes its type (`string_t`, an object name, ...), `is_array` and enum from the dictionary;
 *   dictionary types carry their regex, max length or range;
 * - `requirement: required` becomes `required`; attributes of profiles that are not applied are left out;
 * - `class_uid` = category uid x 1000 + class uid, `type_uid` = class_uid x 100 + activity_id;
 * - object constraints (`at_least_one`, `just_one`) become anyOf / oneOf.
 * Objects are `$defs`, compiled only when reached, so the list of files read is exactly what validation needs
 * (scripts/vendor-ocsf-schema.ts copies that list into schemas/ocsf/<version>/).
 * Unknown properties are refused (additionalProperties: false), so a misspelt attribute fails the test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

type JsonSchema = Record<string, unknown>;

interface OcsfAttribute {
  type?: string;
  is_array?: boolean;
  requirement?: 'required' | 'recommended' | 'optional';
  enum?: Record<string, unknown>;
  profile?: string | null;
  [key: string]: unknown;
}

interface OcsfDefinition {
  name: string;
  uid?: number;
  category?: string;
  extends?: string;
  attributes: Record<string, OcsfAttribute | string[]>;
  constraints?: { at_least_one?: string[]; just_one?: string[] };
}

interface OcsfType {
  type?: string;
  regex?: string;
  max_len?: number;
  range?: [number, number];
}

export interface CompiledOcsfSchema {
  readonly schema: JsonSchema;
  /** Files read, relative to the schema root (what a vendored copy must contain). */
  readonly files: readonly string[];
  readonly version: string;
}

const PRIMITIVE: Record<string, JsonSchema> = {
  string_t: { type: 'string' },
  integer_t: { type: 'integer' },
  long_t: { type: 'integer' },
  float_t: { type: 'number' },
  boolean_t: { type: 'boolean' },
  json_t: {},
};

export function compileOcsfClassSchema(root: string, className: string, appliedProfiles: readonly string[]): CompiledOcsfSchema {
  const files = new Set<string>();
  const readJson = (rel: string): unknown => {
    files.add(rel);
    return JSON.parse(readFileSync(join(root, rel), 'utf8'));
  };
  const dictionary = readJson('dictionary.json') as { attributes: Record<string, OcsfAttribute>; types: { attributes: Record<string, OcsfType> } };
  const categories = readJson('categories.json') as { attributes: Record<string, { uid: number }> };
  const version = (readJson('version.json') as { version: string }).version;

  /** Finds the definition named `name` under `dir` (file names usually match, but not always). */
  const find = (dir: string, name: string): string => {
    const direct = join(dir, `${name}.json`);
    try {
      if (statSync(join(root, direct)).isFile() && (JSON.parse(readFileSync(join(root, direct), 'utf8')) as OcsfDefinition).name === name) return direct;
    } catch {
      // not there: search below
    }
    const walk = (d: string): string | null => {
      for (const entry of readdirSync(join(root, d), { withFileTypes: true })) {
        const rel = join(d, entry.name);
        if (entry.isDirectory()) {
          const found = walk(rel);
          if (found) return found;
        } else if (entry.name.endsWith('.json') && (JSON.parse(readFileSync(join(root, rel), 'utf8')) as OcsfDefinition).name === name) {
          return relative(root, join(root, rel));
        }
      }
      return null;
    };
    const found = walk(dir);
    if (!found) throw new Error(`OCSF: no definition named ${name} under ${dir}`);
    return found;
  };

  const merge = (base: OcsfAttribute | undefined, over: OcsfAttribute): OcsfAttribute => {
    const merged: OcsfAttribute = { ...(base ?? {}), ...over };
    if (base?.enum || over.enum) merged.enum = { ...(base?.enum ?? {}), ...(over.enum ?? {}) };
    return merged;
  };

  /** Own attributes of a definition: included profiles first, then the definition's entries on top. */
  const ownAttributes = (definition: OcsfDefinition): Map<string, OcsfAttribute> => {
    const out = new Map<string, OcsfAttribute>();
    const includes = (definition.attributes.$include ?? []) as string[];
    for (const include of includes) {
      const profile = readJson(include) as OcsfDefinition;
      for (const [name, attr] of Object.entries(profile.attributes)) {
        if (Array.isArray(attr)) continue;
        out.set(name, merge(out.get(name), { profile: profile.name, ...attr }));
      }
    }
    for (const [name, attr] of Object.entries(definition.attributes)) {
      if (name === '$include' || Array.isArray(attr)) continue;
      out.set(name, merge(out.get(name), attr));
    }
    return out;
  };

  interface Resolved {
    attributes: Map<string, OcsfAttribute>;
    definition: OcsfDefinition;
    category: string | undefined;
  }

  const resolveDefinition = (dir: 'events' | 'objects', name: string): Resolved => {
    const definition = readJson(find(dir, name)) as OcsfDefinition;
    const parent = definition.extends && !(dir === 'objects' && definition.extends === 'object') ? resolveDefinition(dir, definition.extends) : null;
    const attributes = new Map(parent?.attributes ?? []);
    for (const [attrName, attr] of ownAttributes(definition)) attributes.set(attrName, merge(attributes.get(attrName), attr));
    return { attributes, definition, category: definition.category ?? parent?.category };
  };

  const defs: Record<string, JsonSchema> = {};
  const pending: string[] = [];

  const typeSchema = (typeName: string): JsonSchema => {
    if (typeName === 'object') return { type: 'object' };
    const primitive = PRIMITIVE[typeName];
    if (primitive) return { ...primitive };
    const declared = dictionary.types.attributes[typeName];
    if (declared) {
      const schema = typeSchema(declared.type ?? 'string_t');
      if (declared.regex) schema.pattern = declared.regex;
      if (declared.max_len) schema.maxLength = declared.max_len;
      if (declared.range) {
        schema.minimum = declared.range[0];
        schema.maximum = declared.range[1];
      }
      return schema;
    }
    if (!(typeName in defs) && !pending.includes(typeName)) pending.push(typeName);
    return { $ref: `#/$defs/${typeName}` };
  };

  const attributeSchema = (name: string, attr: OcsfAttribute): JsonSchema => {
    const entry = dictionary.attributes[name];
    if (!entry) throw new Error(`OCSF: attribute ${name} is not in the dictionary`);
    const full = merge(entry, attr);
    const typeName = full.type ?? 'string_t';
    let schema = typeSchema(typeName);
    if (full.enum && schema.type === 'integer') schema = { ...schema, enum: Object.keys(full.enum).map(Number) };
    return full.is_array ? { type: 'array', items: schema } : schema;
  };

  const objectSchema = (resolved: Resolved): JsonSchema => {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [name, attr] of resolved.attributes) {
      if (attr.profile && !appliedProfiles.includes(attr.profile)) continue;
      properties[name] = attributeSchema(name, attr);
      if (attr.requirement === 'required') required.push(name);
    }
    const schema: JsonSchema = { type: 'object', properties, required: required.sort(), additionalProperties: false };
    const constraints = resolved.definition.constraints;
    if (constraints?.at_least_one) schema.anyOf = constraints.at_least_one.map((a) => ({ required: [a] }));
    if (constraints?.just_one) schema.oneOf = constraints.just_one.map((a) => ({ required: [a] }));
    return schema;
  };

  const eventClass = resolveDefinition('events', className);
  const categoryUid = categories.attributes[eventClass.category ?? '']?.uid;
  if (categoryUid === undefined || eventClass.definition.uid === undefined) throw new Error(`OCSF: ${className} has no category or uid`);
  const classUid = categoryUid * 1000 + eventClass.definition.uid;
  const schema = objectSchema(eventClass);
  const properties = schema.properties as Record<string, JsonSchema>;
  const activities = Object.keys(eventClass.attributes.get('activity_id')?.enum ?? {}).map(Number);
  properties.class_uid = { type: 'integer', const: classUid };
  properties.category_uid = { type: 'integer', const: categoryUid };
  properties.type_uid = { type: 'integer', enum: activities.map((a) => classUid * 100 + a) };

  while (pending.length > 0) {
    const name = pending.shift() ?? '';
    if (name in defs) continue;
    defs[name] = {}; // placeholder: recursive objects refer to themselves
    defs[name] = objectSchema(resolveDefinition('objects', name));
  }

  return {
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://schema.ocsf.io/${version}/classes/${className}`,
      title: `OCSF ${version} ${className} (class_uid ${classUid})`,
      ...schema,
      $defs: defs,
    },
    files: [...files].sort(),
    version,
  };
}
