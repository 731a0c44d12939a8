import { fail } from '../model/result';
import { parseBookmarks } from './bookmarks';
import { parseCslJson } from './csl-json';
import { detectLinkFileKind, LINK_IMPORT_LIMITS, type LinkParseResult } from './link-drafts';
import { parseRis } from './ris';
import { t } from '../i18n';

/** What reading a file from another tool needs from its surroundings. */
export interface ReadLinkFileOptions {
  now: Date;
  /** Parses HTML into a Document: DOMParser in a page, jsdom in tests. */
  parseHtml: (html: string) => Document;
}

/**
 * Reads a file from another tool (bookmarks HTML, CSL-JSON or RIS), picking
 * the importer from the file's first characters and name. Never throws: a
 * file that is none of them, empty or too large gets a plain message.
 */
export function readLinkFile(fileName: string, text: string, options: ReadLinkFileOptions): LinkParseResult {
  if (!text.trim()) return fail('invalid-input', t('exchange.links.empty'));
  if (text.length > LINK_IMPORT_LIMITS.maxFileChars) {
    return fail('invalid-input', t('exchange.links.tooLarge'));
  }
  try {
    switch (detectLinkFileKind(fileName, text)) {
      case 'bookmarks':
        return parseBookmarks(options.parseHtml(text), options);
      case 'csl-json':
        return parseCslJson(text, options);
      case 'ris':
        return parseRis(text, options);
      default:
        return fail('invalid-input', t('exchange.links.unknownKind'));
    }
  } catch {
    // The parsers do not throw on bad input; this is a last line so a surprise never reaches the page as a crash.
    return fail('invalid-input', t('exchange.links.damaged'));
  }
}
