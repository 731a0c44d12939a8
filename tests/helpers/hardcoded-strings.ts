/**
 * Finds words a user would see that do not come from the locale catalogue:
 * text between JSX tags, string values of attributes a user reads or hears
 * (aria-label, title, placeholder, alt...), string literals rendered as JSX
 * children, and sentence-like string literals anywhere else in the UI code
 * (error messages, status lines). A line may opt out with the comment
 * `i18n-ignore: <why>` when the words are not for the user (console output,
 * file formats, test hooks).
 */
import ts from 'typescript';

export interface HardcodedString {
  file: string;
  line: number;
  text: string;
}

const READ_ALOUD_ATTRIBUTES = new Set([
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext',
  'title', 'placeholder', 'alt', 'label',
]);

const HAS_WORD = /[A-Za-z]{2,}/;
/** Starts with a capital, has at least two words: reads like a sentence or label. */
const SENTENCE_LIKE = /^[A-Z][a-z'’]*[\s,]+\S/;

export function findHardcodedStrings(file: string, source: string): HardcodedString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const found: HardcodedString[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (/i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '')) return;
    found.push({ file, line: line + 1, text: text.trim().slice(0, 80) });
  };

  const isInsideCall = (node: ts.Node, names: RegExp): boolean => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
        const callee = p.expression.getText(sf);
        if (names.test(callee)) return true;
      }
      if (ts.isFunctionLike(p)) return false;
    }
    return false;
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (HAS_WORD.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (READ_ALOUD_ATTRIBUTES.has(name) && ts.isStringLiteral(init) && HAS_WORD.test(init.text)) {
        report(init, init.text);
      }
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
      const text = node.text;
      const inImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)
        || ts.isExternalModuleReference(node.parent) || ts.isLiteralTypeNode(node.parent);
      const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
      const inJsxAttribute = ts.isJsxAttribute(node.parent);
      if (!inImport && !isKey && !inJsxAttribute && SENTENCE_LIKE.test(text)
        && !isInsideCall(node, /^(console\.\w+|t|i18n\.t)$/)) {
        report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
