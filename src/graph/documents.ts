// Questions about archived documents.
import { namedQuery, type GraphReader } from './reader.ts';
import { project, type DocumentRow } from './rows.ts';

export const documentsBySha256 = namedQuery<{ ids: string[] }, { key: string; document: DocumentRow }>(
  'documentsBySha256',
  `UNWIND $ids AS key
   MATCH (d:Document {sha256: key})
   RETURN key, ${project.document('d')} AS document`,
);

export async function loadDocuments(reader: GraphReader, ids: readonly string[]): Promise<Map<string, DocumentRow>> {
  const rows = await reader.run(documentsBySha256, { ids: [...ids] });
  return new Map(rows.map((r) => [r.key, r.document]));
}
