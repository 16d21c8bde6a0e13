/**
 * Compares the data model in schema.prisma (parsed by Prisma's own wasm parser) with a live
 * database: tables, columns, types, nullability, indexes and foreign keys. Returns the
 * differences as readable lines; an empty list means they agree.
 */
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

type DmmfField = {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  isList: boolean;
  isRequired: boolean;
  type: string;
  dbName?: string | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
};

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Decimal: 'numeric',
  Bytes: 'bytea',
};

export function parseDataModel(schema: string): { models: DmmfModel[]; indexes: DmmfIndex[] } {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] })));
  return { models: dmmf.datamodel.models, indexes: dmmf.datamodel.indexes };
}

/** Prisma leaves `Unsupported("…")` fields out of the DMMF; read them from the schema text. */
function unsupportedFields(
  schema: string,
): Map<string, { name: string; type: string; optional: boolean }[]> {
  const byModel = new Map<string, { name: string; type: string; optional: boolean }[]>();
  for (const m of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields = [...m[2]!.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)].map((f) => ({
      name: f[1]!,
      type: f[2]!,
      optional: f[3] === '?',
    }));
    byModel.set(m[1]!, fields);
  }
  return byModel;
}

export async function schemaDrift(schema: string, client: pg.Client): Promise<string[]> {
  const { models, indexes } = parseDataModel(schema);
  const unsupported = unsupportedFields(schema);
  const problems: string[] = [];
  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    is_nullable: string;
    udt_name: string;
  }>(
    `SELECT table_name, column_name, is_nullable, udt_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  const { rows: indexRows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      GROUP BY i.indexrelid, t.relname`,
  );
  const { rows: fkRows } = await client.query<{
    table: string;
    columns: string[];
    target: string;
    target_columns: string[];
  }>(
    `SELECT c.conrelid::regclass::text AS table,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
            c.confrelid::regclass::text AS target,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS target_columns
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = current_schema()
      WHERE c.contype = 'f'`,
  );
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const byTable = new Map<string, Map<string, (typeof columns)[number]>>();
  for (const c of columns) {
    const t = byTable.get(c.table_name) ?? new Map();
    t.set(c.column_name, c);
    byTable.set(c.table_name, t);
  }
  const modelTables = new Set(models.map((m) => m.dbName ?? m.name));
  for (const table of byTable.keys()) {
    if (!modelTables.has(table))
      problems.push(`table ${table} is in the database but not in schema.prisma`);
  }
  for (const model of models) {
    const table = model.dbName ?? model.name;
    const dbColumns = byTable.get(table);
    if (!dbColumns) {
      problems.push(`table ${table} is missing from the database`);
      continue;
    }
    const scalarFields = model.fields.filter((f) => f.kind !== 'object');
    const extra = unsupported.get(model.name) ?? [];
    const expected = new Set([
      ...scalarFields.map((f) => f.dbName ?? f.name),
      ...extra.map((f) => f.name),
    ]);
    for (const f of extra) {
      const col = dbColumns.get(f.name);
      if (!col) problems.push(`column ${table}.${f.name} is missing from the database`);
      else if (col.udt_name !== f.type)
        problems.push(`column ${table}.${f.name} has type ${col.udt_name}, schema says ${f.type}`);
    }
    for (const name of dbColumns.keys()) {
      if (!expected.has(name))
        problems.push(`column ${table}.${name} is in the database but not in schema.prisma`);
    }
    for (const field of scalarFields) {
      const name = field.dbName ?? field.name;
      const col = dbColumns.get(name);
      if (!col) {
        problems.push(`column ${table}.${name} is missing from the database`);
        continue;
      }
      const base = field.kind === 'enum' ? field.type : (SCALAR_TYPES[field.type] ?? field.type);
      const type = field.isList ? `_${base}` : base;
      if (col.udt_name !== type)
        problems.push(`column ${table}.${name} has type ${col.udt_name}, schema says ${type}`);
      // Prisma creates scalar-list columns without NOT NULL.
      const nullable = field.isList || !field.isRequired;
      if ((col.is_nullable === 'YES') !== nullable) {
        problems.push(
          `column ${table}.${name} is ${col.is_nullable === 'YES' ? '' : 'not '}nullable in the database`,
        );
      }
    }
    for (const field of model.fields.filter(
      (f) => f.kind === 'object' && f.relationFromFields?.length,
    )) {
      const target = models.find((m) => m.name === field.type);
      const targetTable = target?.dbName ?? field.type;
      const found = fkRows.some(
        (fk) =>
          unquote(fk.table) === table &&
          unquote(fk.target) === targetTable &&
          fk.columns.join() === field.relationFromFields!.join() &&
          fk.target_columns.join() === (field.relationToFields ?? []).join(),
      );
      if (!found)
        problems.push(
          `foreign key ${table}(${field.relationFromFields!.join(', ')}) → ${targetTable} is missing`,
        );
    }
  }
  for (const index of indexes) {
    const model = models.find((m) => m.name === index.model);
    const table = model?.dbName ?? index.model;
    if (!byTable.has(table)) continue; // already reported as a missing table
    const cols = index.fields.map(
      (f) => model?.fields.find((x) => x.name === f.name)?.dbName ?? f.name,
    );
    if (!indexRows.some((r) => r.table === table && r.columns.join() === cols.join())) {
      problems.push(`${index.type} index on ${table}(${cols.join(', ')}) is missing`);
    }
  }
  return problems;
}
