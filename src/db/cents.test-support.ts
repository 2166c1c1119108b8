/**
 * Integer cents as an exact numeric literal (yuan with 2 decimals), written the plain way: the reference
 * the tests hold ByteWriter.cents and the verdict lines to.
 */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const frac = abs % 100;
  return `${sign}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}
