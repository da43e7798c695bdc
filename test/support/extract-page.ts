// A page given as text (or HTML, by its name) read and extracted as the pipeline does: what the extractor tests call.
import { extractNotice } from '../../ingest/extract/index.ts';
import { readDocument } from '../../ingest/read/index.ts';

export async function extractPage(text: string, name = 'page.txt') {
  return extractNotice(await readDocument(name, Buffer.from(text, 'utf-8')));
}

export type ExtractedPage = Awaited<ReturnType<typeof extractPage>>;
