// neo4j-admin's CSV format, shared with bulk-import (ingest/bulk/csv.ts).
export { Csv, nodeHeader, relHeader } from '../../ingest/bulk/csv.ts';
