/**
 * A translated sentence with one value in bold: `text` is the whole
 * sentence from `t()` with `{value}` filled by EMPHASIS_MARK, so a
 * translation can put the value wherever its grammar needs it.
 */
export const EMPHASIS_MARK = '\u0000';

export function Emphasised({ text, value }: { text: string; value: string }) {
  const [before, ...after] = text.split(EMPHASIS_MARK);
  return (
    <>
      {before}
      <strong>{value}</strong>
      {after.join(value)}
    </>
  );
}
